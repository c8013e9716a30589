package io.watchmen.core.kernel.value;

import io.watchmen.core.value.DateTimeParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Path functions that end a path ({@code &count}, {@code &sum}, string chains...) and {@code &firstRow} (3.3). */
final class PathFunctions {

    private PathFunctions() {
    }

    static Object apply(Object value, String segment, DateTimeParser parser) {
        switch (segment) {
            case "&count":
                if (value instanceof Collection<?> list) {
                    return list.size();
                }
                if (value instanceof Map<?, ?> map) {
                    return map.size();
                }
                throw unsupported(segment, value);
            case "&length":
                if (value instanceof String text) {
                    return text.codePointCount(0, text.length());
                }
                if (Values.isNumber(value)) {
                    return Values.text(value).length();
                }
                throw unsupported(segment, value);
            case "&join":
                if (value instanceof String) {
                    return value;
                }
                if (value instanceof Collection<?> list) {
                    StringBuilder joined = new StringBuilder();
                    boolean first = true;
                    for (Object element : list) {
                        if (!first) {
                            joined.append(',');
                        }
                        first = false;
                        joined.append(element == null ? "" : Values.text(element));
                    }
                    return joined.toString();
                }
                throw unsupported(segment, value);
            case "&distinct":
                if (value instanceof String) {
                    return new ArrayList<>(List.of(value));
                }
                if (value instanceof Collection<?> list) {
                    for (Object element : list) {
                        if (element instanceof Map || element instanceof Collection) {
                            throw Values.invalid("Cannot distinct unhashable element[" + Values.text(element) + "].");
                        }
                    }
                    return new ArrayList<>(new LinkedHashSet<>(list));
                }
                throw unsupported(segment, value);
            case "&sum":
                if (value instanceof Collection<?> list) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (Object element : list) {
                        if (element != null) {
                            sum = sum.add(Values.decimal(element).orElseThrow(
                                    () -> Values.invalid("Cannot sum non-numeric value[" + Values.text(element) + "].")));
                        }
                    }
                    return sum;
                }
                throw unsupported(segment, value);
            case "&min":
                return MinMax.of(value, true, parser);
            case "&max":
                return MinMax.of(value, false, parser);
            default:
                return StringFunctions.apply(value, segment);
        }
    }

    private static RuntimeException unsupported(String function, Object value) {
        return Values.invalid("Function[" + function + "] is not supported on value[" + Values.text(value)
                + "], type=" + Values.typeName(value) + ".");
    }

    /** {@code &firstRow(k1[:asc|desc],...)}: stable sort, first key has the highest priority, nulls last. */
    static Object firstRow(Object value, String segment, DateTimeParser parser) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        for (Object element : list) {
            if (!(element instanceof Map)) {
                return null;
            }
        }
        int open = segment.indexOf('(');
        int close = segment.lastIndexOf(')');
        if (open < 0 || close < open || segment.substring(open + 1, close).isBlank()) {
            throw Values.invalid("Incorrect function[" + segment + "], keys are required.");
        }
        List<Object> rows = new ArrayList<>(list);
        String[] keys = segment.substring(open + 1, close).split(",");
        for (int k = keys.length - 1; k >= 0; k--) {
            String key = keys[k].trim();
            boolean descending = false;
            int colon = key.lastIndexOf(':');
            if (colon >= 0) {
                descending = key.substring(colon + 1).trim().equalsIgnoreCase("desc");
                key = key.substring(0, colon).trim();
            }
            String path = key;
            boolean desc = descending;
            rows.sort(rowComparator(path, desc, parser));
        }
        return rows.get(0);
    }

    private static Comparator<Object> rowComparator(String path, boolean descending, DateTimeParser parser) {
        return (left, right) -> {
            Object a = MinMax.sortable(valueAt(left, path), parser);
            Object b = MinMax.sortable(valueAt(right, path), parser);
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            int compared = MinMax.compare(a, b);
            return descending ? -compared : compared;
        };
    }

    private static Object valueAt(Object row, String path) {
        Object value = row;
        for (String part : PathResolver.split(path)) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    /** {@code &min} / {@code &max} and the value kinds they compare. */
    static final class MinMax {
        private MinMax() {
        }

        static Object of(Object value, boolean min, DateTimeParser parser) {
            if (!(value instanceof Collection<?> list)) {
                throw unsupported(min ? "&min" : "&max", value);
            }
            Object best = null;
            String kind = null;
            boolean mixedDates = false;
            for (Object element : list) {
                if (element == null || "".equals(element)) {
                    if (min) {
                        return null;
                    }
                    continue;
                }
                Object converted = convert(element, parser);
                String elementKind = kind(converted);
                if (kind == null) {
                    kind = elementKind;
                } else if (!kind.equals(elementKind)) {
                    throw Values.invalid("Cannot compare values of different kinds, current are [" + kind + ", "
                            + elementKind + "].");
                }
                if (best != null && converted.getClass() != best.getClass() && "date".equals(kind)) {
                    mixedDates = true;
                }
                if (best == null || (min ? compare(converted, best) < 0 : compare(converted, best) > 0)) {
                    best = converted;
                }
            }
            if (mixedDates && best instanceof LocalDateTime dateTime) {
                return dateTime.toLocalDate();
            }
            return best;
        }

        private static Object convert(Object element, DateTimeParser parser) {
            if (element instanceof String text) {
                if (text.isBlank()) {
                    throw Values.invalid("Cannot compare blank value[" + text + "].");
                }
                Object sortable = sortable(text, parser);
                if (sortable == null) {
                    throw Values.invalid("Cannot convert value[" + text + "] to number, date or time.");
                }
                return sortable;
            }
            if (element instanceof Boolean bool) {
                return bool ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            if (Values.isNumber(element) || element instanceof LocalDate || element instanceof LocalDateTime
                    || element instanceof LocalTime) {
                return element;
            }
            throw Values.invalid("Cannot compare value[" + Values.text(element) + "], type="
                    + Values.typeName(element) + ".");
        }

        /** A comparable form: numbers as is, strings by decimal, date-time (non-midnight), date, time; else null. */
        static Object sortable(Object value, DateTimeParser parser) {
            if (value == null || (value instanceof String text && text.isBlank())) {
                return null;
            }
            if (value instanceof String text) {
                Optional<BigDecimal> decimal = Values.decimal(text);
                if (decimal.isPresent()) {
                    return decimal.get();
                }
                Optional<LocalDateTime> dateTime = parser.parseDateTime(text);
                if (dateTime.isPresent()) {
                    return dateTime.get().toLocalTime().equals(LocalTime.MIDNIGHT)
                            ? dateTime.get().toLocalDate() : dateTime.get();
                }
                return parser.parseTime(text).orElse(null);
            }
            return value;
        }

        private static String kind(Object value) {
            if (Values.isNumber(value)) {
                return "number";
            }
            if (value instanceof LocalDate || value instanceof LocalDateTime) {
                return "date";
            }
            if (value instanceof LocalTime) {
                return "time";
            }
            return Values.typeName(value);
        }

        static int compare(Object a, Object b) {
            if (Values.isNumber(a) && Values.isNumber(b)) {
                return Values.decimalOrZero(a).compareTo(Values.decimalOrZero(b));
            }
            if (Values.isDateLike(a) && Values.isDateLike(b)) {
                return toDateTime(a).compareTo(toDateTime(b));
            }
            if (a instanceof LocalTime ta && b instanceof LocalTime tb) {
                return ta.compareTo(tb);
            }
            throw Values.invalid("Cannot compare [" + Values.typeName(a) + "] with [" + Values.typeName(b) + "].");
        }

        private static LocalDateTime toDateTime(Object value) {
            return value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
        }
    }
}
