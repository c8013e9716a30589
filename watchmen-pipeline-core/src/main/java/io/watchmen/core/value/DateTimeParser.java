package io.watchmen.core.value;

import io.watchmen.core.config.Settings;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Watchmen's date parsing (spec storage 3.2.2, pipeline 3.5): keep digits and {@code +}, pick patterns by the
 * digit count, parse strictly, first match wins. Immutable and thread-safe.
 *
 * <p>Deviation: a text ending in a negative UTC offset after its time ({@code 2024-01-02T03:04:05-05:00}) is no
 * match, as a positive offset already is; the reference reads the offset digits as fractional seconds.
 */
public final class DateTimeParser {

    public static final List<String> DEFAULT_FULL_DATETIME_FORMATS =
            List.of("%Y%m%d%H%M%S%f", "%d%m%Y%H%M%S%f", "%m%d%Y%H%M%S%f");
    public static final List<String> DEFAULT_DATETIME_FORMATS = List.of(
            "%Y%m%d%H%M%S", "%d%m%Y%H%M%S", "%m%d%Y%H%M%S", "%Y%m%d%H%M", "%d%m%Y%H%M", "%m%d%Y%H%M");
    public static final List<String> DEFAULT_DATE_FORMATS = List.of("%Y%m%d", "%d%m%Y", "%m%d%Y");
    public static final List<String> DEFAULT_TIME_FORMATS = List.of("%H%M%S", "%H%M");

    /** A time of day followed by "-HH", "-HHMM" or "-HH:MM" at the end of the text. */
    private static final Pattern NEGATIVE_OFFSET =
            Pattern.compile("\\d{2}:?\\d{2}(?::?\\d{2}(?:[.,]\\d+)?)?\\s*-\\d{2}(?::?\\d{2})?\\s*$");

    private static final DateTimeParser DEFAULTS = of(DEFAULT_FULL_DATETIME_FORMATS, DEFAULT_DATETIME_FORMATS,
            DEFAULT_DATE_FORMATS, DEFAULT_TIME_FORMATS);

    private final List<DatePattern> full;
    private final List<DatePattern> all;
    private final List<DatePattern> time;

    private DateTimeParser(List<DatePattern> full, List<DatePattern> all, List<DatePattern> time) {
        this.full = full;
        this.all = all;
        this.time = time;
    }

    /** The built-in pattern lists. */
    public static DateTimeParser defaults() {
        return DEFAULTS;
    }

    /** Pattern lists from settings (Python strptime patterns); empty lists mean the defaults. */
    public static DateTimeParser from(Settings.Preparation preparation) {
        if (preparation == null) {
            return DEFAULTS;
        }
        return of(orDefault(preparation.fullDateTimeFormats(), DEFAULT_FULL_DATETIME_FORMATS),
                orDefault(preparation.dateTimeFormats(), DEFAULT_DATETIME_FORMATS),
                orDefault(preparation.dateFormats(), DEFAULT_DATE_FORMATS),
                orDefault(preparation.timeFormats(), DEFAULT_TIME_FORMATS));
    }

    /** Explicit pattern lists, each tried in order. */
    public static DateTimeParser of(List<String> fullDateTime, List<String> dateTime, List<String> date,
                                    List<String> times) {
        List<DatePattern> full = compile(fullDateTime);
        List<DatePattern> all = new ArrayList<>(full);
        all.addAll(compile(dateTime));
        all.addAll(compile(date));
        return new DateTimeParser(full, List.copyOf(all), compile(times));
    }

    private static List<String> orDefault(List<String> given, List<String> fallback) {
        return given == null || given.isEmpty() ? fallback : given;
    }

    private static List<DatePattern> compile(List<String> patterns) {
        List<DatePattern> out = new ArrayList<>();
        for (String p : patterns) {
            out.add(DatePattern.compile(p));
        }
        return List.copyOf(out);
    }

    /** All date patterns (full date-time, date-time, date); a date-only text gives midnight. */
    public Optional<LocalDateTime> parseDateTime(String text) {
        return match(text, all).map(Match::value);
    }

    /** Only the full date-time patterns (with fraction), as the {@code full-datetime} cast uses. */
    public Optional<LocalDateTime> parseFullDateTime(String text) {
        return match(text, full).map(Match::value);
    }

    /** A date-time as is, a date at midnight, a string parsed with every date pattern; anything else is empty. */
    public Optional<LocalDateTime> toDateTime(Object value) {
        if (value instanceof LocalDateTime dt) {
            return Optional.of(dt);
        }
        if (value instanceof LocalDate d) {
            return Optional.of(d.atStartOfDay());
        }
        if (value instanceof String s) {
            return parseDateTime(s);
        }
        return Optional.empty();
    }

    /** A time as is, a string parsed with the time patterns; anything else is empty (as the reference). */
    public Optional<LocalTime> toTime(Object value) {
        if (value instanceof LocalTime t) {
            return Optional.of(t);
        }
        if (value instanceof String s) {
            return parseTime(s);
        }
        return Optional.empty();
    }

    /** Like {@link #parseDateTime(String)}, also telling which pattern matched (date masks format back with it). */
    public Optional<Match> matchDateTime(String text) {
        return match(text, all);
    }

    /** Time patterns ({@code HHmmss}, {@code HHmm}). */
    public Optional<LocalTime> parseTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String tidy = tidy(text);
        for (DatePattern p : time) {
            if (p.suitableForTime(tidy.length())) {
                Optional<LocalDateTime> parsed = p.parse(tidy);
                if (parsed.isPresent()) {
                    return hasNegativeOffset(text) ? Optional.empty() : Optional.of(parsed.get().toLocalTime());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Match> match(String text, List<DatePattern> patterns) {
        if (text == null) {
            return Optional.empty();
        }
        String tidy = tidy(text);
        for (DatePattern p : patterns) {
            if (p.suitableForDate(tidy.length())) {
                Optional<LocalDateTime> parsed = p.parse(tidy);
                if (parsed.isPresent()) {
                    return hasNegativeOffset(text) ? Optional.empty() : Optional.of(new Match(parsed.get(), p));
                }
            }
        }
        return Optional.empty();
    }

    /** A negative offset makes any match no match; checked only for a match (the regex costs more than a miss). */
    private static boolean hasNegativeOffset(String text) {
        return NEGATIVE_OFFSET.matcher(text).find();
    }

    /** Keeps digits and '+', as the reference does before matching. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '+') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A parsed value and the pattern that matched it. */
    public record Match(LocalDateTime value, DatePattern pattern) {
        /** The value formatted back with the matched pattern (strftime). */
        public String format(LocalDateTime other) {
            return pattern.format(other);
        }
    }
}
