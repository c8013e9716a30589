package io.watchmen.core.value;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Python {@code strptime} pattern applied to digit-only text (spec storage 3.2.2), parsed strictly with fixed
 * widths: {@code %Y} 4 digits, {@code %y %m %d %H %M %S} 2 digits, {@code %f} the remaining 1-6 digits,
 * {@code %z} {@code +HHMM} (read and ignored: values stay local). Immutable.
 */
public final class DatePattern {

    private final String text;
    private final List<Object> tokens;
    private final int fixedWidth;
    private final boolean hasFraction;
    private final boolean hasYear;
    private final boolean hasZone;

    private DatePattern(String text, List<Object> tokens, int fixedWidth, boolean hasFraction, boolean hasZone) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.fixedWidth = fixedWidth;
        this.hasFraction = hasFraction;
        this.hasYear = text.contains("%Y");
        this.hasZone = hasZone;
    }

    /**
     * Compiles a pattern.
     *
     * @throws WatchmenException CONFIG_INVALID for directives that cannot apply to digits ({@code %b}, {@code %p}...)
     */
    public static DatePattern compile(String text) {
        List<Object> tokens = new ArrayList<>();
        int width = 0;
        boolean fraction = false;
        boolean zone = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                tokens.add(c);
                width++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw invalid(text);
            }
            char d = text.charAt(++i);
            switch (d) {
                case 'Y' -> width += 4;
                case 'y', 'm', 'd', 'H', 'M', 'S' -> width += 2;
                case 'z' -> {
                    width += 5;
                    zone = true;
                }
                case 'f' -> {
                    if (fraction) {
                        throw invalid(text);
                    }
                    fraction = true;
                }
                case '%' -> {
                    tokens.add('%');
                    width++;
                    continue;
                }
                default -> throw invalid(text);
            }
            tokens.add(String.valueOf(d));
        }
        return new DatePattern(text, tokens, width, fraction, zone);
    }

    private static WatchmenException invalid(String text) {
        return new WatchmenException(ErrorCode.CONFIG_INVALID, "Date pattern[" + text
                + "] is not supported: use %Y %y %m %d %H %M %S %f %z and digits only.");
    }

    public String text() {
        return text;
    }

    /** The reference's length rule for date lists (pattern length, +2 with %Y, +3 with %z; %f over 14 digits). */
    boolean suitableForDate(int n) {
        int plus = (hasYear ? 2 : 0) + (hasZone ? 3 : 0);
        if (n > 14 && !hasZone) {
            return hasFraction;
        }
        if (n > 14 && n > 19) {
            return hasFraction;
        }
        return n == text.length() + plus;
    }

    /** The reference's rule for time lists: the pattern text has as many characters as the digits. */
    boolean suitableForTime(int n) {
        return n == text.length();
    }

    /** Parses tidy text (digits and '+'); missing fields default as strptime does (1900-01-01 00:00). */
    Optional<LocalDateTime> parse(String tidy) {
        int fractionWidth = tidy.length() - fixedWidth;
        if (hasFraction ? fractionWidth < 1 || fractionWidth > 6 : fractionWidth != 0) {
            return Optional.empty();
        }
        int year = 1900;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        int pos = 0;
        for (Object token : tokens) {
            if (token instanceof Character c) {
                if (tidy.charAt(pos) != c) {
                    return Optional.empty();
                }
                pos++;
                continue;
            }
            String d = (String) token;
            int w = switch (d) {
                case "Y" -> 4;
                case "f" -> fractionWidth;
                case "z" -> 5;
                default -> 2;
            };
            String part = tidy.substring(pos, pos + w);
            pos += w;
            if ("z".equals(d)) {
                if (part.charAt(0) != '+' || !allDigits(part.substring(1))) {
                    return Optional.empty();
                }
                continue;
            }
            if (!allDigits(part)) {
                return Optional.empty();
            }
            int v = Integer.parseInt(part);
            switch (d) {
                case "Y" -> year = v;
                case "y" -> year = v < 69 ? 2000 + v : 1900 + v;
                case "m" -> month = v;
                case "d" -> day = v;
                case "H" -> hour = v;
                case "M" -> minute = v;
                case "S" -> second = v;
                default -> nanos = v * (int) Math.pow(10, 6 - w) * 1000;
            }
        }
        if (year < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** strftime with this pattern ({@code %f} always 6 digits, {@code %z} empty for naive values). */
    String format(LocalDateTime value) {
        StringBuilder out = new StringBuilder();
        for (Object token : tokens) {
            if (token instanceof Character c) {
                out.append(c);
                continue;
            }
            switch ((String) token) {
                case "Y" -> out.append(String.format("%04d", value.getYear()));
                case "y" -> out.append(String.format("%02d", value.getYear() % 100));
                case "m" -> out.append(String.format("%02d", value.getMonthValue()));
                case "d" -> out.append(String.format("%02d", value.getDayOfMonth()));
                case "H" -> out.append(String.format("%02d", value.getHour()));
                case "M" -> out.append(String.format("%02d", value.getMinute()));
                case "S" -> out.append(String.format("%02d", value.getSecond()));
                case "f" -> out.append(String.format("%06d", value.getNano() / 1000));
                default -> {
                }
            }
        }
        return out.toString();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
