package io.watchmen.core.value;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.FactorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Casts a value to a factor's type (spec pipeline 3.7, storage 3.2.1). Thread-safe.
 *
 * <p>Deviations from the reference, each making a rejected but unambiguous value acceptable:
 * {@code boolean} also accepts the strings {@code "1"} and {@code "0"} (as equality does); {@code full-datetime}
 * parses strings with every date pattern, not only those with fractional seconds; {@code date} and
 * {@code date-of-birth} accept numbers such as {@code 20240315} through their text, as {@code datetime} does.
 * JSON floats arrive as BigDecimal and are therefore accepted where the reference rejects Python floats.
 */
public final class FactorCaster {

    private static final int MAX_VALUE_TEXT = 256;

    private static final Set<FactorType> NUMERIC = EnumSet.of(FactorType.SEQUENCE, FactorType.NUMBER,
            FactorType.UNSIGNED, FactorType.FLOOR, FactorType.RESIDENTIAL_AREA, FactorType.AGE, FactorType.BIZ_SCALE,
            FactorType.YEAR, FactorType.HALF_YEAR, FactorType.QUARTER, FactorType.MONTH, FactorType.HALF_MONTH,
            FactorType.TEN_DAYS, FactorType.WEEK_OF_YEAR, FactorType.WEEK_OF_MONTH, FactorType.HALF_WEEK,
            FactorType.DAY_OF_MONTH, FactorType.DAY_OF_WEEK, FactorType.DAY_KIND, FactorType.HOUR,
            FactorType.HOUR_KIND, FactorType.MINUTE, FactorType.SECOND, FactorType.MILLISECOND, FactorType.AM_PM);
    private static final Set<FactorType> TEXT_WITH_FLOATS = EnumSet.of(FactorType.ADDRESS, FactorType.ROAD,
            FactorType.COMMUNITY, FactorType.EMAIL, FactorType.PHONE, FactorType.MOBILE, FactorType.FAX,
            FactorType.OCCUPATION, FactorType.ID_NO);
    private static final Set<FactorType> TEXT_WITHOUT_FLOATS = EnumSet.of(FactorType.CONTINENT, FactorType.REGION,
            FactorType.COUNTRY, FactorType.PROVINCE, FactorType.CITY, FactorType.DISTRICT, FactorType.RESIDENCE_TYPE,
            FactorType.GENDER, FactorType.RELIGION, FactorType.NATIONALITY, FactorType.BIZ_TRADE, FactorType.ENUM);

    private final DateTimeParser parser;

    public FactorCaster(DateTimeParser parser) {
        this.parser = parser;
    }

    /**
     * The cast value (null stays null).
     *
     * @throws io.watchmen.core.WatchmenException DATA_INVALID with the reference's message
     *         {@code Value[<v>, type=...] is incompatible with factor[name=..., type=...].}
     */
    public Object cast(Object value, Factor factor) {
        if (value == null) {
            return null;
        }
        FactorType type = factor.type();
        if (type == null) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Factor type[None] is not supported.");
        }
        if (NUMERIC.contains(type)) {
            return Decimals.parse(value).orElseThrow(() -> incompatible(value, factor));
        }
        if (type == FactorType.TEXT) {
            if (value instanceof Map || value instanceof Collection) {
                throw incompatible(value, factor);
            }
            return PythonText.str(value);
        }
        if (TEXT_WITH_FLOATS.contains(type)) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return PythonText.str(value);
            }
            throw incompatible(value, factor);
        }
        if (TEXT_WITHOUT_FLOATS.contains(type)) {
            if (value instanceof Double || value instanceof Float) {
                throw incompatible(value, factor);
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return PythonText.str(value);
            }
            throw incompatible(value, factor);
        }
        switch (type) {
            case FULL_DATETIME, DATETIME -> {
                return toDateTime(value, factor);
            }
            case DATE, DATE_OF_BIRTH -> {
                if (value instanceof LocalDateTime dt) {
                    return dt.toLocalDate();
                }
                if (value instanceof LocalDate) {
                    return value;
                }
                // like the reference, a parsed text gives a date-time at midnight
                return parseDate(value, factor).toLocalDate().atStartOfDay();
            }
            case TIME -> {
                if (value instanceof LocalDateTime dt) {
                    return dt.toLocalTime();
                }
                if (value instanceof LocalTime) {
                    return value;
                }
                if (value instanceof String s) {
                    return parser.parseTime(s).orElseThrow(() -> incompatible(value, factor));
                }
                throw incompatible(value, factor);
            }
            case BOOLEAN -> {
                return toBoolean(value).orElseThrow(() -> incompatible(value, factor));
            }
            default -> throw new WatchmenException(ErrorCode.DATA_INVALID,
                    "Factor type[" + type.json() + "] is not supported.");
        }
    }

    private Object toDateTime(Object value, Factor factor) {
        if (value instanceof LocalDateTime) {
            return value;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        return parseDate(value, factor);
    }

    /**
     * Strings and numbers through their text (as the reference's datetime cast does with {@code str(value)}),
     * parsed with every date pattern; anything else is incompatible.
     */
    private LocalDateTime parseDate(Object value, Factor factor) {
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw incompatible(value, factor);
        }
        return parser.parseDateTime(PythonText.str(value)).orElseThrow(() -> incompatible(value, factor));
    }

    /** Booleans as is; numbers ≠ 0; t/y/yes/true/1 and f/n/no/false/0 (trimmed, case-insensitive). */
    public static Optional<Boolean> toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof Number) {
            return Decimals.parse(value).map(d -> d.signum() != 0);
        }
        if (value instanceof String s) {
            switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "t", "y", "yes", "true", "1" -> {
                    return Optional.of(true);
                }
                case "f", "n", "no", "false", "0" -> {
                    return Optional.of(false);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static WatchmenException incompatible(Object value, Factor factor) {
        String text = PythonText.str(value);
        if (text.length() > MAX_VALUE_TEXT) {
            text = text.substring(0, MAX_VALUE_TEXT) + "...";
        }
        return new WatchmenException(ErrorCode.DATA_INVALID, "Value[" + text + ", type=" + pythonType(value)
                + "] is incompatible with factor[name=" + factor.name() + ", type=" + factor.type().json() + "].");
    }

    /** Python's type name of a value, as the reference prints it. */
    public static String pythonType(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof BigDecimal) {
            return "decimal.Decimal";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        if (value instanceof LocalDateTime) {
            return "datetime.datetime";
        }
        if (value instanceof LocalDate) {
            return "datetime.date";
        }
        if (value instanceof LocalTime) {
            return "datetime.time";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof Collection) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }
}
