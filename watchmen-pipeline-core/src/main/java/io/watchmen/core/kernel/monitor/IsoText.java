package io.watchmen.core.kernel.monitor;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME} text (what Jackson writes for a {@link LocalDateTime}) without the
 * formatter's per-call allocations: every monitor-log step carries a start time.
 */
final class IsoText {

    private IsoText() {
    }

    static String of(LocalDateTime time) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        StringBuilder text = new StringBuilder(29);
        pad(text, year, 4).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2);
        int nanos = time.getNano();
        if (nanos != 0) {
            // the fraction's digits without trailing zeros, as the ISO formatter prints it
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            text.append('.');
            pad(text, nanos, digits);
        }
        return text.toString();
    }

    /** A non-negative number, zero-padded to {@code width} digits (compared, not {@code Math.log10}: hot). */
    private static StringBuilder pad(StringBuilder text, int value, int width) {
        int bound = 1;
        for (int i = 1; i < width; i++) {
            bound *= 10;
        }
        for (; bound > 1 && value < bound; bound /= 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
