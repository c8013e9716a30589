package io.watchmen.core.storage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The JSON text of a column value, appended straight to a {@link StringBuilder}: the same characters the mapper's
 * generator writes (Jackson's default escapes, {@code BigDecimal.toString()}), for the value types rows and monitor
 * logs hold. Anything else (a double, a bean, a nesting deeper than the mapper allows) makes {@link #append} return
 * false, and the caller writes the value with the mapper instead. The generator and its {@code StringWriter} took
 * about a sixth of a trigger's CPU; the monitor log's text is the largest value a trigger writes.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Per character below 0x80: 0 as it is, 'u' for a \\u00XX escape, else the letter after the backslash. */
    private static final char[] ESCAPES = new char[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private JsonText() {
    }

    /**
     * Appends the text of {@code value} in Watchmen's encoding; false (with {@code out} partly written) when a
     * value needs the mapper. {@code maxDepth}: the mapper's nesting limit (objects and arrays).
     */
    static boolean append(StringBuilder out, Object value, int depth, int maxDepth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof JsonTextMap rendered) {
            out.append(rendered.json());
        } else if (value instanceof RenderedJson rendered) {
            out.append(rendered.json());
        } else if (value instanceof Map<?, ?> map) {
            if (depth >= maxDepth) {
                return false;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(entry.getKey()));
                out.append(':');
                if (!append(out, entry.getValue(), depth + 1, maxDepth)) {
                    return false;
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (depth >= maxDepth) {
                return false;
            }
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (!append(out, element, depth + 1, maxDepth)) {
                    return false;
                }
            }
            out.append(']');
        } else if (value instanceof Integer number) {
            out.append(number.intValue());
        } else if (value instanceof Long number) {
            out.append(number.longValue());
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else {
            return leaf(out, JsonValues.normaliseLeaf(value));
        }
        return true;
    }

    private static boolean leaf(StringBuilder out, Object leaf) {
        if (leaf instanceof String text) {
            string(out, text);
        } else if (leaf instanceof Long number) {
            out.append(number.longValue());
        } else if (leaf instanceof BigDecimal || leaf instanceof BigInteger) {
            // toString(), as the generator writes them (plain writing is not enabled)
            out.append(leaf);
        } else {
            return false;
        }
        return true;
    }

    /** A quoted JSON string with Jackson's default escapes: control characters, quote and backslash only. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        int length = text.length();
        int first = 0;
        while (first < length) {
            char c = text.charAt(first);
            if (c < 128 && ESCAPES[c] != 0) {
                break;
            }
            first++;
        }
        if (first == length) {
            // the usual case: appended whole (a plain copy)
            out.append(text);
        } else {
            escaped(out, text, first);
        }
        out.append('"');
    }

    private static void escaped(StringBuilder out, String text, int first) {
        out.append(text, 0, first);
        int start = first;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && ESCAPES[c] != 0) {
                out.append(text, start, i);
                escape(out, c);
                start = i + 1;
            }
        }
        out.append(text, start, text.length());
    }

    private static void escape(StringBuilder out, char c) {
        char letter = ESCAPES[c];
        out.append('\\');
        if (letter == 'u') {
            out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        } else {
            out.append(letter);
        }
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]} for years 1-9999; null for others (the caller formats those). */
    static String dateTime(LocalDateTime value) {
        int year = value.getYear();
        if (year < 1 || year > 9999) {
            return null;
        }
        StringBuilder text = new StringBuilder(26);
        date(text, value.toLocalDate()).append('T');
        time(text, value.toLocalTime());
        return text.toString();
    }

    /** {@code HH:mm:ss[.SSSSSS]}. */
    static String time(LocalTime value) {
        return time(new StringBuilder(15), value).toString();
    }

    private static StringBuilder date(StringBuilder text, LocalDate date) {
        digits(text, date.getYear(), 4).append('-');
        digits(text, date.getMonthValue(), 2).append('-');
        return digits(text, date.getDayOfMonth(), 2);
    }

    private static StringBuilder time(StringBuilder text, LocalTime time) {
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            digits(text.append('.'), micros, 6);
        }
        return text;
    }

    /** A non-negative number, zero-padded to {@code width} digits. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        int limit = 1;
        for (int i = 1; i < width; i++) {
            limit *= 10;
        }
        for (int bound = limit; bound > 1 && value < bound; bound /= 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
