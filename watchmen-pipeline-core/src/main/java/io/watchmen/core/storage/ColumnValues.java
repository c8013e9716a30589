package io.watchmen.core.storage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Java values ↔ JDBC parameters and columns (spec storage 2.8). Writes convert toward the column's kind (numbers
 * and numeric text to decimals, booleans to 1/0, date-times into DATE columns truncated); text that does not
 * convert is bound as text and left to the database, as the reference does. Reads give BigDecimal, Integer or
 * Long, Boolean, LocalDateTime, LocalDate, LocalTime, parsed JSON or String.
 */
final class ColumnValues {

    private static final DateTimeFormatter TEXT_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> TRUE_TEXT = Set.of("1", "t", "true", "y", "yes");
    private static final Set<String> FALSE_TEXT = Set.of("0", "f", "false", "n", "no");

    private ColumnValues() {
    }

    /** Binds for a write ({@code forWrite}) or a comparison; comparisons keep date-times against DATE columns. */
    static void bind(PreparedStatement statement, int index, Object value, ValueKind kind, boolean forWrite)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType(kind));
            return;
        }
        if (forWrite && (value instanceof Map<?, ?> || value instanceof List<?>)
                && kind != ValueKind.JSON && kind != ValueKind.TEXT && kind != ValueKind.NATURAL) {
            // some databases would take the JSON text of a list into a date or number column; none should. SQLState
            // class 22 makes the caller report DATA_INVALID with the topic's name.
            throw new SQLException("A " + (value instanceof List<?> ? "list" : "JSON object") + " does not fit a "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " column.", "22000");
        }
        switch (kind) {
            case LONG, INT -> {
                if (value instanceof Integer || value instanceof Long whole && whole > -Long.MAX_VALUE
                        && whole < Long.MAX_VALUE) {
                    // the usual id_ / version_ / counter: what the decimal path below binds, without the decimal
                    statement.setLong(index, ((Number) value).longValue());
                    return;
                }
                Object number = toNumber(value);
                if (number instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0
                        && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                    statement.setLong(index, decimal.longValue());
                } else if (number instanceof BigDecimal decimal) {
                    statement.setBigDecimal(index, decimal);
                } else {
                    statement.setString(index, value.toString());
                }
            }
            case DECIMAL -> {
                Object number = toNumber(value);
                if (number instanceof BigDecimal decimal) {
                    statement.setBigDecimal(index, decimal);
                } else {
                    statement.setString(index, value.toString());
                }
            }
            case BOOLEAN -> {
                Boolean bool = toBoolean(value);
                if (bool == null) {
                    statement.setString(index, value.toString());
                } else {
                    statement.setInt(index, bool ? 1 : 0);
                }
            }
            case DATETIME -> {
                if (value instanceof LocalDate date) {
                    statement.setObject(index, date.atStartOfDay());
                } else if (value instanceof LocalDateTime || value instanceof LocalTime) {
                    statement.setObject(index, value);
                } else {
                    statement.setString(index, value.toString());
                }
            }
            case DATE -> {
                if (value instanceof LocalDateTime dateTime) {
                    statement.setObject(index, forWrite ? dateTime.toLocalDate() : dateTime);
                } else if (value instanceof LocalDate) {
                    statement.setObject(index, value);
                } else {
                    statement.setString(index, value.toString());
                }
            }
            case TIME -> {
                if (value instanceof LocalDateTime dateTime) {
                    statement.setObject(index, dateTime.toLocalTime());
                } else if (value instanceof LocalTime) {
                    statement.setObject(index, value);
                } else {
                    statement.setString(index, value.toString());
                }
            }
            case JSON -> statement.setString(index, JsonValues.write(value));
            case TEXT -> statement.setString(index, text(value));
            case NATURAL -> bindNatural(statement, index, value);
        }
    }

    private static void bindNatural(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (value instanceof BigInteger integer) {
            statement.setBigDecimal(index, new BigDecimal(integer));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            statement.setLong(index, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            statement.setBigDecimal(index, new BigDecimal(number.toString()));
        } else if (value instanceof Boolean bool) {
            statement.setInt(index, bool ? 1 : 0);
        } else if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime) {
            statement.setObject(index, value);
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            statement.setString(index, JsonValues.write(value));
        } else {
            statement.setString(index, value.toString());
        }
    }

    /** Reads column {@code index} as the kind's Java type; null for SQL NULL. */
    static Object read(ResultSet rs, int index, ValueKind kind) throws SQLException {
        switch (kind) {
            case LONG -> {
                long value = rs.getLong(index);
                return rs.wasNull() ? null : value;
            }
            case INT -> {
                int value = rs.getInt(index);
                return rs.wasNull() ? null : value;
            }
            case DECIMAL -> {
                return rs.getBigDecimal(index);
            }
            case BOOLEAN -> {
                Object value = rs.getObject(index);
                return value == null ? null : toBoolean(value);
            }
            case DATETIME -> {
                return rs.getObject(index, LocalDateTime.class);
            }
            case DATE -> {
                return rs.getObject(index, LocalDate.class);
            }
            case TIME -> {
                return rs.getObject(index, LocalTime.class);
            }
            case JSON -> {
                return JsonValues.read(rs.getString(index));
            }
            default -> {
                return rs.getString(index);
            }
        }
    }

    /** A decimal for numbers and numeric text, else the value itself. */
    static Object toNumber(Object value) {
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    static Boolean toBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).signum() != 0;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (TRUE_TEXT.contains(text)) {
            return true;
        }
        return FALSE_TEXT.contains(text) ? false : null;
    }

    /** Text the way the reference's driver renders values into text columns. */
    static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Boolean bool) {
            return bool ? "1" : "0";
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.format(TEXT_DATE_TIME);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return JsonValues.write(value);
        }
        return value.toString();
    }

    private static int sqlType(ValueKind kind) {
        return switch (kind) {
            case LONG -> Types.BIGINT;
            case INT, BOOLEAN -> Types.INTEGER;
            case DECIMAL -> Types.DECIMAL;
            case DATETIME -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            default -> Types.VARCHAR;
        };
    }
}
