package io.watchmen.core.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Renders values as the reference's {@code str()} does wherever it concatenates them (spec pipeline 3.10). */
public final class PythonText {

    private PythonText() {
    }

    /** null → {@code None}, booleans → {@code True}/{@code False}, dates ISO with a space, lists/maps as Python literals. */
    public static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return s;
        }
        return repr(value, false);
    }

    /** Python's {@code repr()}: like {@link #str(Object)} but strings are quoted (as inside list and map literals). */
    public static String repr(Object value) {
        return repr(value, true);
    }

    private static String repr(Object value, boolean quoteStrings) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return quoteStrings ? quote(s) : s;
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof BigDecimal d) {
            // Java's toString follows the same decimal-to-string rules as Python's Decimal (1E+3, 100.000000)
            return quoteStrings ? "Decimal('" + d + "')" : d.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof LocalDateTime dt) {
            if (quoteStrings) {
                return "datetime.datetime(" + dt.getYear() + ", " + dt.getMonthValue() + ", " + dt.getDayOfMonth()
                        + ", " + timeArgs(dt.toLocalTime()) + ")";
            }
            return date(dt.toLocalDate()) + " " + time(dt.toLocalTime());
        }
        if (value instanceof LocalDate d) {
            return quoteStrings
                    ? "datetime.date(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ")"
                    : date(d);
        }
        if (value instanceof LocalTime t) {
            return quoteStrings ? "datetime.time(" + timeArgs(t) + ")" : time(t);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                out.append(repr(e.getKey(), true)).append(": ").append(repr(e.getValue(), true));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        if (value instanceof Collection<?> list) {
            StringBuilder out = new StringBuilder("[");
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                out.append(repr(it.next(), true));
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append(']').toString();
        }
        return value.toString();
    }

    private static String date(LocalDate d) {
        int y = d.getYear();
        return (y < 1000 ? String.format("%04d", y) : Integer.toString(y))
                + "-" + two(d.getMonthValue()) + "-" + two(d.getDayOfMonth());
    }

    private static String time(LocalTime t) {
        String text = two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? text : text + "." + String.format("%06d", micros);
    }

    /** Constructor arguments of Python's datetime/time repr: hour, minute, then second and microsecond if set. */
    private static String timeArgs(LocalTime t) {
        int micros = t.getNano() / 1000;
        String args = t.getHour() + ", " + t.getMinute();
        if (micros != 0) {
            return args + ", " + t.getSecond() + ", " + micros;
        }
        return t.getSecond() != 0 ? args + ", " + t.getSecond() : args;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** Python single-quoted string literal (switches to double quotes when the text has ' and no "). */
    private static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(c);
            }
        }
        return out.append(q).toString();
    }

    /** Python's float repr: the shortest text that reads back as the same double, e.g. 120.5, 1e+16, 0.1. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                shortest = candidate;
                break;
            }
        }
        String digits = shortest.unscaledValue().abs().toString().replaceFirst("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        // decimal point position: value = 0.d1d2... x 10^decpt
        int decpt = shortest.precision() - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                return sign + "0." + "0".repeat(-decpt) + digits;
            }
            if (decpt >= digits.length()) {
                return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = Integer.toString(Math.abs(exp));
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
}
