package io.watchmen.core.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/** Decimal parsing and arithmetic as the reference's decimal context: 28 digits, half-even. */
public final class Decimals {

    public static final MathContext CONTEXT = new MathContext(28, RoundingMode.HALF_EVEN);

    private Decimals() {
    }

    /**
     * What Python's {@code Decimal(x)} accepts: integers, decimals, floats (via their shortest text), booleans
     * (1/0), numeric strings with surrounding spaces. Anything else is empty.
     *
     * <p>Deviation: {@code NaN}, {@code Infinity} and {@code sNaN}, which Python accepts, are rejected because
     * {@link BigDecimal} cannot hold them (and they cannot be stored in a DECIMAL column either).
     */
    public static Optional<BigDecimal> parse(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof Boolean bool) {
            return Optional.of(bool ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger integer) {
            return Optional.of(new BigDecimal(integer));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Optional.empty();
            }
            // Python converts a float through str(), i.e. its shortest round-trip text
            return Optional.of(new BigDecimal(PythonText.floatRepr(d)));
        }
        if (value instanceof String text) {
            return parseText(text);
        }
        return Optional.empty();
    }

    /** Python's decimal string grammar (sign, digits, point, exponent; '_' between digits), spaces trimmed. */
    static Optional<BigDecimal> parseText(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder clean = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            clean.append(s.charAt(i++));
        }
        int intDigits = digits(s, i, clean);
        if (intDigits < 0) {
            return Optional.empty();
        }
        i += intDigits;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            clean.append('.');
            i++;
            fracDigits = digits(s, i, clean);
            if (fracDigits < 0) {
                return Optional.empty();
            }
            i += fracDigits;
        }
        if (countDigits(clean) == 0) {
            return Optional.empty();
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            clean.append('E');
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                clean.append(s.charAt(i++));
            }
            int expDigits = digits(s, i, clean);
            if (expDigits <= 0) {
                return Optional.empty();
            }
            i += expDigits;
        }
        if (i != n) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(clean.toString()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Consumes digits with single underscores between them; returns the consumed length, or -1 if malformed. */
    private static int digits(String s, int from, StringBuilder out) {
        int i = from;
        boolean lastDigit = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
                lastDigit = true;
            } else if (c == '_' && lastDigit && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                lastDigit = false;
            } else {
                break;
            }
            i++;
        }
        return i - from;
    }

    private static int countDigits(CharSequence s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
