package io.watchmen.core.schema;

import java.util.ArrayList;
import java.util.List;

/** The reference's text masks (storage 3.2.3): mail, centre and last. Pure functions. */
final class Masks {

    private Masks() {
    }

    static String mail(String value) {
        int at = value.indexOf('@');
        return at > 0 ? "*****" + value.substring(at) : value;
    }

    /** Centre mask with d = 3 or 5 stars. */
    static String center(String value, int d) {
        int length = value.length();
        if (length <= d) {
            return "*".repeat(length);
        }
        List<StringBuilder> runs = runs(value);
        int digitCount = 0;
        int digitRuns = 0;
        for (StringBuilder run : runs) {
            if (isDigitRun(run)) {
                digitCount += run.length();
                digitRuns++;
            }
        }
        if (digitCount < d) {
            int remains = length - d;
            int head = remains % 2 == 1 ? remains / 2 + 1 : remains / 2;
            int tail = remains / 2;
            return value.substring(0, head) + "*".repeat(d) + value.substring(length - tail);
        }
        List<StringBuilder> digitRunList = new ArrayList<>();
        for (StringBuilder run : runs) {
            if (isDigitRun(run)) {
                digitRunList.add(run);
            }
        }
        if (digitRuns == 1) {
            StringBuilder run = digitRunList.get(0);
            for (int i = 0; i < Math.min(d, run.length()); i++) {
                run.setCharAt(i, '*');
            }
            return join(runs);
        }
        int centre = (digitRuns + 2) / 2; // ceil((k + 1) / 2), 1-based
        int remaining = d;
        for (int index = centre; index <= digitRuns && remaining > 0; index++) {
            StringBuilder run = digitRunList.get(index - 1);
            for (int i = 0; i < run.length() && remaining > 0; i++) {
                run.setCharAt(i, '*');
                remaining--;
            }
        }
        for (int index = centre - 1; index >= 1 && remaining > 0; index--) {
            StringBuilder run = digitRunList.get(index - 1);
            for (int i = run.length() - 1; i >= 0 && remaining > 0; i--) {
                run.setCharAt(i, '*');
                remaining--;
            }
        }
        return join(runs);
    }

    /**
     * Last mask with d = 3 or 6 stars. Deviation: with enough digits the reference stars only the last 3 digits
     * even for MASK-LAST-6; here the last d digits are starred.
     */
    static String last(String value, int d) {
        int length = value.length();
        if (length <= d) {
            return "*".repeat(length);
        }
        int digits = 0;
        for (int i = 0; i < length; i++) {
            if (isDigit(value.charAt(i))) {
                digits++;
            }
        }
        if (digits < d) {
            return value.substring(0, length - d) + "*".repeat(d);
        }
        StringBuilder out = new StringBuilder(value);
        int masked = 0;
        for (int i = length - 1; i >= 0 && masked < d; i--) {
            if (isDigit(out.charAt(i))) {
                out.setCharAt(i, '*');
                masked++;
            }
        }
        return out.toString();
    }

    /** Maximal runs of digits and of non-digits, in order. */
    private static List<StringBuilder> runs(String value) {
        List<StringBuilder> runs = new ArrayList<>();
        StringBuilder current = null;
        boolean currentDigits = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean digit = isDigit(c);
            if (current == null || digit != currentDigits) {
                current = new StringBuilder();
                runs.add(current);
                currentDigits = digit;
            }
            current.append(c);
        }
        return runs;
    }

    private static boolean isDigitRun(StringBuilder run) {
        return run.length() > 0 && isDigit(run.charAt(0));
    }

    private static String join(List<StringBuilder> runs) {
        StringBuilder out = new StringBuilder();
        for (StringBuilder run : runs) {
            out.append(run);
        }
        return out.toString();
    }

    /** Python's str.isdecimal() for the characters that matter here. */
    static boolean isDigit(char c) {
        return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
    }
}
