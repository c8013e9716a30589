package io.watchmen.core.value;

import io.watchmen.core.config.Settings;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Watchmen's date parsing (spec storage 3.2.2, pipeline 3.5): keep digits and {@code +}, pick patterns by the
 * digit count, parse strictly, first match wins. Immutable and thread-safe.
 */
public final class DateTimeParser {

    private DateTimeParser() {
    }

    /** The built-in pattern lists. */
    public static DateTimeParser defaults() {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** Pattern lists from settings (Python strptime patterns); empty lists mean the defaults. */
    public static DateTimeParser from(Settings.Preparation preparation) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** All date patterns (full date-time, date-time, date); a date-only text gives midnight. */
    public Optional<LocalDateTime> parseDateTime(String text) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** Only the full date-time patterns (with fraction), as the {@code full-datetime} cast uses. */
    public Optional<LocalDateTime> parseFullDateTime(String text) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** Time patterns ({@code HHmmss}, {@code HHmm}). */
    public Optional<LocalTime> parseTime(String text) {
        throw new UnsupportedOperationException("implemented by the value package");
    }
}
