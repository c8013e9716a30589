package io.watchmen.core.value;

import io.watchmen.core.model.pipeline.ParameterComputeType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;

/** Watchmen's date functions and date parts (spec pipeline 3.4-3.6). Values are LocalDate, LocalDateTime or LocalTime. */
public final class DateFunctions {

    private DateFunctions() {
    }

    /** {@code &yearDiff(end,start)} with the reference's algorithm. */
    public static int yearDiff(LocalDate end, LocalDate start) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** {@code &monthDiff(end,start)}; the reference's cross-year bugs are corrected (see docs/compatibility.md). */
    public static int monthDiff(LocalDate end, LocalDate start) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** {@code &dayDiff(end,start)}: calendar days, times ignored. */
    public static long dayDiff(LocalDate end, LocalDate start) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /**
     * {@code &moveDate(value,pattern)}: pattern of {@code <Y|M|D|h|m|s><+|-|empty><number>} steps, spaces allowed;
     * returns the same kind of temporal as given.
     *
     * @throws io.watchmen.core.WatchmenException DATA_INVALID "Incorrect date move pattern[...]"
     */
    public static Temporal moveDate(Temporal value, String pattern) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** {@code &fmtDate(value,format)} with the letters Y y M D h H m s W w B b p. */
    public static String fmtDate(Temporal value, String format) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** {@code &combineDateTime(date,time)}: the date part plus the time, microseconds 0. */
    public static LocalDateTime combineDateTime(LocalDate date, LocalTime time) {
        throw new UnsupportedOperationException("implemented by the value package");
    }

    /** year-of ... day-of-week (1 = Sunday) of a date or date-time, the reference's numbering (3.6). */
    public static int datePart(ParameterComputeType type, Temporal value) {
        throw new UnsupportedOperationException("implemented by the value package");
    }
}
