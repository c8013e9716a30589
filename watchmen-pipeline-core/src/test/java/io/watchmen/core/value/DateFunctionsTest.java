package io.watchmen.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateFunctionsTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Expected values computed with the reference's year_diff. */
    @ParameterizedTest
    @CsvSource({
            "2024-03-15, 2020-03-15, 4", "2024-03-14, 2020-03-15, 3", "2023-02-28, 2020-02-29, 3",
            "2020-02-29, 2023-02-28, -3", "2020-03-16, 2024-03-15, -3", "2021-02-28, 2024-02-29, -3",
            "2024-05-01, 2024-01-01, 0", "2023-01-01, 2024-12-31, -1", "2025-01-01, 2024-12-31, 0",
            "2024-12-31, 2025-01-01, 0"})
    void yearDiff_referenceAlgorithm(String end, String start, int expected) {
        assertThat(DateFunctions.yearDiff(d(end), d(start))).isEqualTo(expected);
    }

    /** Same-year values computed with the reference's month_diff, including its last-day rules. */
    @ParameterizedTest
    @CsvSource({
            "2024-03-15, 2024-01-15, 2", "2024-03-14, 2024-01-15, 1", "2024-02-29, 2024-01-31, 1",
            "2024-04-30, 2024-01-31, 3", "2024-01-15, 2024-03-15, -2", "2024-01-16, 2024-03-15, -1",
            "2024-01-31, 2024-02-29, -1", "2024-01-30, 2024-03-31, -2", "2024-05-05, 2024-05-30, 0"})
    void monthDiff_sameYear_referenceSemantics(String end, String start, int expected) {
        assertThat(DateFunctions.monthDiff(d(end), d(start))).isEqualTo(expected);
    }

    /** The reference gives 2, -12 and 1 for the first three (bugs); these are the whole months elapsed. */
    @ParameterizedTest
    @CsvSource({
            "2024-01-10, 2023-12-20, 0", "2020-02-29, 2023-02-28, -36", "2023-12-05, 2024-01-10, -1",
            "2024-01-20, 2023-12-20, 1", "2025-03-15, 2023-01-15, 26", "2025-03-14, 2023-01-15, 25",
            "2023-01-15, 2025-03-15, -26", "2023-01-16, 2025-03-15, -25", "2025-02-28, 2024-01-31, 13",
            "2024-01-31, 2025-02-28, -13"})
    void monthDiff_acrossYears_corrected(String end, String start, int expected) {
        assertThat(DateFunctions.monthDiff(d(end), d(start))).isEqualTo(expected);
    }

    @Test
    void dayDiff_calendarDays() {
        assertThat(DateFunctions.dayDiff(d("2024-03-01"), d("2024-02-28"))).isEqualTo(2);
        assertThat(DateFunctions.dayDiff(d("2024-02-28"), d("2024-03-01"))).isEqualTo(-2);
        assertThat(DateFunctions.dayDiff(d("2024-02-28"), d("2024-02-28"))).isZero();
    }

    @Test
    void moveDate_verifiedExample() {
        assertThat(DateFunctions.moveDate(LocalDateTime.of(2024, 3, 15, 0, 0), "M+1D1"))
                .isEqualTo(LocalDateTime.of(2024, 4, 1, 0, 0));
        assertThat(DateFunctions.moveDate(d("2024-03-15"), "M+1D1")).isEqualTo(d("2024-04-01"));
    }

    @ParameterizedTest
    @CsvSource({
            "2024-01-31, M+1, 2024-02-29", "2024-02-29, Y+1, 2025-02-28", "2024-02-29, Y2023, 2023-02-28",
            "2024-02-10, D99, 2024-02-29", "2023-02-10, D-99, 2023-02-28", "2024-04-10, D+99, 2024-04-30",
            "2024-01-15, M-13, 2022-12-15", "2024-01-15, M+25, 2026-02-15", "2024-01-15, M0, 2024-01-15",
            "2024-01-15, M15, 2024-12-15", "2024-03-15, M-3, 2023-12-15", "2024-12-15, M+12, 2025-12-15",
            "2024-03-31, D0, 2024-03-01", "2024-04-10, D31, 2024-04-30", "2024-04-10, h+3, 2024-04-10",
            "2024-04-10, D+1 M-1 Y-1, 2023-03-11", "2024-04-10, ' Y + 1 ', 2025-04-10", "2024-04-10, '', 2024-04-10",
            "2024-03-01, D-1, 2024-02-29"})
    void moveDate_dates(String date, String pattern, String expected) {
        assertThat(DateFunctions.moveDate(d(date), pattern)).isEqualTo(d(expected));
    }

    @ParameterizedTest
    @CsvSource({
            "23:30, h+2, 01:30", "00:10, m-20, 23:50", "23:59:50, s+15, 00:00:05", "00:00:05, s-10, 23:59:55",
            "10:00, h30m75s61, 23:59:59", "04:10, Y+3M2D1, 04:10", "10:00, h-25, 09:00"})
    void moveDate_times_wrapAndClamp(String time, String pattern, String expected) {
        assertThat(DateFunctions.moveDate(LocalTime.parse(time), pattern)).isEqualTo(LocalTime.parse(expected));
    }

    @Test
    void moveDate_dateTimes_carryIntoDate() {
        assertThat(DateFunctions.moveDate(LocalDateTime.of(2024, 1, 1, 0, 0, 5), "s-10"))
                .isEqualTo(LocalDateTime.of(2023, 12, 31, 23, 59, 55));
        assertThat(DateFunctions.moveDate(LocalDateTime.of(2024, 1, 31, 10, 0), "M+1"))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 0));
        assertThat(DateFunctions.moveDate(LocalDateTime.of(2024, 1, 31, 10, 20, 30), "h0m0s0D99"))
                .isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X+1", "M+", "M+1x", "+1", "M1.5", "D--1", "Y+1,M+1"})
    void moveDate_incorrectPattern_dataInvalid(String pattern) {
        Temporal date = d("2024-01-01");
        assertThatThrownBy(() -> DateFunctions.moveDate(date, pattern))
                .isInstanceOf(WatchmenException.class)
                .hasMessageStartingWith("Incorrect date move pattern[")
                .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.DATA_INVALID));
    }

    @Test
    void fmtDate_letters() {
        LocalDateTime x = LocalDateTime.of(2024, 3, 5, 14, 7, 9);
        assertThat(DateFunctions.fmtDate(x, "Y/M/D h:m:s")).isEqualTo("2024/03/05 14:07:09");
        assertThat(DateFunctions.fmtDate(x, "y")).isEqualTo("24");
        assertThat(DateFunctions.fmtDate(x, "H p")).isEqualTo("02 PM");
        assertThat(DateFunctions.fmtDate(x, "W w B b")).isEqualTo("Tuesday Tue March Mar");
        assertThat(DateFunctions.fmtDate(LocalDateTime.of(2024, 3, 5, 0, 7, 9), "H p")).isEqualTo("12 AM");
        assertThat(DateFunctions.fmtDate(LocalDateTime.of(2024, 3, 5, 10, 0), "Y/M/D h:m:s"))
                .isEqualTo("2024/03/05 10:00:00");
        assertThat(DateFunctions.fmtDate(x, " Y-x")).isEqualTo(" 2024-x");
        assertThat(DateFunctions.fmtDate(d("2024-03-05"), "Y-M-D h")).isEqualTo("2024-03-05 00");
        assertThat(DateFunctions.fmtDate(LocalTime.of(13, 5), "h:m Y")).isEqualTo("13:05 1900");
    }

    @Test
    void combineDateTime_dropsMicroseconds() {
        assertThat(DateFunctions.combineDateTime(d("2024-03-05"), LocalTime.of(10, 20, 30, 123_000)))
                .isEqualTo(LocalDateTime.of(2024, 3, 5, 10, 20, 30));
    }

    @Test
    void datePart_verifiedValuesFor20240817() {
        LocalDate date = d("2024-08-17");
        assertThat(DateFunctions.datePart(ParameterComputeType.WEEK_OF_YEAR, date)).isEqualTo(32);
        assertThat(DateFunctions.datePart(ParameterComputeType.WEEK_OF_MONTH, date)).isEqualTo(2);
        assertThat(DateFunctions.datePart(ParameterComputeType.DAY_OF_WEEK, date)).isEqualTo(7);
        assertThat(DateFunctions.datePart(ParameterComputeType.QUARTER_OF, date)).isEqualTo(3);
        assertThat(DateFunctions.datePart(ParameterComputeType.HALF_YEAR_OF, date)).isEqualTo(2);
        assertThat(DateFunctions.datePart(ParameterComputeType.YEAR_OF, date.atTime(10, 0))).isEqualTo(2024);
        assertThat(DateFunctions.datePart(ParameterComputeType.MONTH_OF, date)).isEqualTo(8);
        assertThat(DateFunctions.datePart(ParameterComputeType.DAY_OF_MONTH, date)).isEqualTo(17);
    }

    /** week-of-year, week-of-month, day-of-week, quarter, half-year from the reference (strftime %U). */
    @ParameterizedTest
    @CsvSource({
            "2024-01-01, 0, 0, 2, 1, 1", "2023-01-01, 1, 1, 1, 1, 1", "2024-09-01, 35, 1, 1, 3, 2",
            "2024-09-07, 35, 1, 7, 3, 2", "2024-09-08, 36, 2, 1, 3, 2", "2024-12-31, 52, 5, 3, 4, 2",
            "2022-01-01, 0, 0, 7, 1, 1", "2021-05-31, 22, 5, 2, 2, 1"})
    void datePart_referenceNumbering(String date, int weekOfYear, int weekOfMonth, int dayOfWeek, int quarter,
                                     int halfYear) {
        LocalDate x = d(date);
        assertThat(DateFunctions.datePart(ParameterComputeType.WEEK_OF_YEAR, x)).isEqualTo(weekOfYear);
        assertThat(DateFunctions.datePart(ParameterComputeType.WEEK_OF_MONTH, x)).isEqualTo(weekOfMonth);
        assertThat(DateFunctions.datePart(ParameterComputeType.DAY_OF_WEEK, x)).isEqualTo(dayOfWeek);
        assertThat(DateFunctions.datePart(ParameterComputeType.QUARTER_OF, x)).isEqualTo(quarter);
        assertThat(DateFunctions.datePart(ParameterComputeType.HALF_YEAR_OF, x)).isEqualTo(halfYear);
    }

    @Test
    void datePart_timeOrNonDatePart_dataInvalid() {
        assertThatThrownBy(() -> DateFunctions.datePart(ParameterComputeType.YEAR_OF, LocalTime.NOON))
                .isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> DateFunctions.datePart(ParameterComputeType.ADD, d("2024-01-01")))
                .isInstanceOf(WatchmenException.class);
    }
}
