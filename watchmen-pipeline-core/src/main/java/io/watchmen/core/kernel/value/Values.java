package io.watchmen.core.kernel.value;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.value.DateTimeParser;
import io.watchmen.core.value.Decimals;
import io.watchmen.core.value.PythonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Small type tests and conversions shared by evaluation (the reference's Python type checks). */
public final class Values {

    private Values() {
    }

    /** Python numbers: int, float, Decimal (booleans are excluded here; callers decide). */
    public static boolean isNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof BigDecimal || value instanceof Double || value instanceof Float
                || value instanceof Short || value instanceof Byte;
    }

    public static boolean isNullOrEmptyString(Object value) {
        return value == null || (value instanceof String text && text.isEmpty());
    }

    /** Whether the value is a date or date-time (not a time). */
    public static boolean isDateLike(Object value) {
        return value instanceof LocalDate || value instanceof LocalDateTime;
    }

    public static Optional<BigDecimal> decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        return Decimals.parse(value);
    }

    /** Decimal or 0 when null / not parseable (aggregate helper values, add / subtract). */
    public static BigDecimal decimalOrZero(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return decimal(value).orElse(BigDecimal.ZERO);
    }

    public static String text(Object value) {
        return PythonText.str(value);
    }

    /** A date or date-time's calendar day; strings parsed with all date patterns; else empty. */
    public static Optional<LocalDate> day(Object value, DateTimeParser parser) {
        if (value instanceof LocalDateTime dateTime) {
            return Optional.of(dateTime.toLocalDate());
        }
        if (value instanceof LocalDate date) {
            return Optional.of(date);
        }
        if (value instanceof String text) {
            return parser.parseDateTime(text).map(LocalDateTime::toLocalDate);
        }
        return Optional.empty();
    }

    public static Optional<LocalTime> time(Object value, DateTimeParser parser) {
        if (value instanceof LocalTime time) {
            return Optional.of(time.withNano(0));
        }
        if (value instanceof LocalDateTime dateTime) {
            return Optional.of(dateTime.toLocalTime().withNano(0));
        }
        if (value instanceof String text) {
            return parser.parseTime(text).map(t -> t.withNano(0));
        }
        return Optional.empty();
    }

    /** A date or date-time object as is, a string parsed (3.5); anything else fails like the reference. */
    public static Object dateOrDateTime(Object value, DateTimeParser parser) {
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return value;
        }
        if (value instanceof String text) {
            Optional<LocalDateTime> parsed = parser.parseDateTime(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw new WatchmenException(ErrorCode.DATA_INVALID,
                "Value[" + text(value) + "] cannot be parsed to date or datetime.");
    }

    public static LocalDate asDate(Object dateOrDateTime) {
        return dateOrDateTime instanceof LocalDateTime dateTime ? dateTime.toLocalDate() : (LocalDate) dateOrDateTime;
    }

    /** Python's truthy emptiness for {@code empty}: null, "", empty list or map. */
    public static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String text) {
            return text.isEmpty();
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        return false;
    }

    /** The Python type name used in comparison error messages. */
    public static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof BigDecimal) {
            return "decimal";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof LocalDateTime) {
            return "datetime";
        }
        if (value instanceof LocalDate) {
            return "date";
        }
        if (value instanceof LocalTime) {
            return "time";
        }
        if (value instanceof Collection) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        return value.getClass().getSimpleName();
    }

    public static WatchmenException invalid(String message) {
        return new WatchmenException(ErrorCode.DATA_INVALID, message);
    }
}
