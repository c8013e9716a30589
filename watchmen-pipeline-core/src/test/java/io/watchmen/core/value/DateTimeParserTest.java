package io.watchmen.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeParserTest {

    private final DateTimeParser parser = DateTimeParser.defaults();

    private static LocalDateTime at(String iso) {
        return LocalDateTime.parse(iso);
    }

    @Test
    void parseDateTime_isoWithZ_zoneIgnored() {
        assertThat(parser.parseDateTime("2024-01-02T03:04:05Z")).contains(at("2024-01-02T03:04:05"));
    }

    @Test
    void parseDateTime_fractionOfThreeDigits_isMilliseconds() {
        assertThat(parser.parseDateTime("2024-01-02T03:04:05.123Z")).contains(at("2024-01-02T03:04:05.123"));
    }

    @ParameterizedTest
    @CsvSource({
            "2024-01-02 03:04:05.1, 2024-01-02T03:04:05.100",
            "2024-01-02 03:04:05.123456, 2024-01-02T03:04:05.123456",
            "20240102030405000001, 2024-01-02T03:04:05.000001"})
    void parseDateTime_fractionOneToSixDigits_parsed(String text, String expected) {
        assertThat(parser.parseDateTime(text)).contains(at(expected));
    }

    @Test
    void parseDateTime_sevenFractionDigits_noMatch() {
        assertThat(parser.parseDateTime("2024-01-02 03:04:05.1234567")).isEmpty();
    }

    @Test
    void parseDateTime_dayFirstBeatsMonthFirst() {
        assertThat(parser.parseDateTime("02/01/2024")).contains(at("2024-01-02T00:00"));
    }

    @Test
    void parseDateTime_monthFirstWhenDayFirstInvalid() {
        assertThat(parser.parseDateTime("12/31/2024")).contains(at("2024-12-31T00:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-15", "15/03/2024", "03/15/2024", "20240315"})
    void parseDateTime_dateOnly_midnight(String text) {
        assertThat(parser.parseDateTime(text)).contains(at("2024-03-15T00:00"));
    }

    @Test
    void parseDateTime_twelveDigits_minutes() {
        assertThat(parser.parseDateTime("2024-03-15 10:20")).contains(at("2024-03-15T10:20"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-1-2", "2024-3-5", "2024-01-02T03:04:05+08:00", "abc", "", "2024-13-01",
            "2023-02-29", "2024-01-02 24:00:00", "2024-01-02 23:60:00", "2024-01-02 23:59:60", "123456789"})
    void parseDateTime_noMatch_empty(String text) {
        assertThat(parser.parseDateTime(text)).isEmpty();
    }

    @Test
    void parseDateTime_null_empty() {
        assertThat(parser.parseDateTime(null)).isEmpty();
        assertThat(parser.parseTime(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-02T03:04:05-05:00", "2024-01-02T03:04:05.123-0500", "2024-01-02 03:04:05 -05",
            "2024-01-02T03:04-05:00"})
    void parseDateTime_negativeOffset_noMatchInsteadOfFraction(String text) {
        assertThat(parser.parseDateTime(text)).isEmpty();
    }

    @Test
    void parseDateTime_leapDay_parsed() {
        assertThat(parser.parseDateTime("2024-02-29")).contains(at("2024-02-29T00:00"));
    }

    @Test
    void parseFullDateTime_withoutFraction_noMatch() {
        assertThat(parser.parseFullDateTime("2024-03-15 10:20:30")).isEmpty();
        assertThat(parser.parseFullDateTime("2024-03-15 10:20:30.5")).contains(at("2024-03-15T10:20:30.5"));
    }

    @ParameterizedTest
    @CsvSource({"10:20, 10:20", "10:20:30, 10:20:30", "102030, 10:20:30", "T23:59, 23:59"})
    void parseTime_fourOrSixDigits(String text, String expected) {
        assertThat(parser.parseTime(text)).contains(LocalTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "10:60", "1:20", "10:20:30.5", "10:20-05:00", "x"})
    void parseTime_invalid_empty(String text) {
        assertThat(parser.parseTime(text)).isEmpty();
    }

    @Test
    void from_customPatterns_lengthRuleSelectsThem() {
        Settings.Preparation preparation = new Settings.Preparation(true, false, List.of(), List.of(),
                List.of("%y%m%d"), List.of("%H"));
        DateTimeParser custom = DateTimeParser.from(preparation);
        // %y%m%d is 6 characters, no %Y: it qualifies for 6 digits
        assertThat(custom.parseDateTime("24-03-15")).contains(at("2024-03-15T00:00"));
        assertThat(custom.parseDateTime("69-03-15")).contains(at("1969-03-15T00:00"));
        // %H is 2 characters: it qualifies for 2 digits
        assertThat(custom.parseTime("7h")).isEmpty();
        assertThat(custom.parseTime("07h")).contains(LocalTime.of(7, 0));
        // the built-in date-time lists still apply
        assertThat(custom.parseDateTime("2024-03-15 10:20:30")).contains(at("2024-03-15T10:20:30"));
        assertThat(custom.parseDateTime("2024-03-15")).isEmpty();
    }

    @Test
    void from_emptyLists_defaults() {
        Settings.Preparation preparation = new Settings.Preparation(true, false, List.of(), List.of(), List.of(),
                List.of());
        assertThat(DateTimeParser.from(preparation).parseDateTime("02/01/2024")).contains(at("2024-01-02T00:00"));
    }

    @Test
    void of_zonePattern_offsetReadAndIgnored() {
        DateTimeParser zoned = DateTimeParser.of(List.of(), List.of("%Y%m%d%H%M%S%z"), List.of(), List.of());
        assertThat(zoned.parseDateTime("2024-01-02T03:04:05+0800")).contains(at("2024-01-02T03:04:05"));
    }

    @Test
    void of_unsupportedDirective_configInvalid() {
        assertThatThrownBy(() -> DateTimeParser.of(List.of(), List.of("%Y-%b-%d"), List.of(), List.of()))
                .isInstanceOf(WatchmenException.class)
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
    }

    @Test
    void matchDateTime_reportsPattern() {
        Optional<DateTimeParser.Match> match = parser.matchDateTime("15/03/2024");
        assertThat(match).isPresent();
        assertThat(match.get().pattern().text()).isEqualTo("%d%m%Y");
        assertThat(match.get().format(at("2024-01-01T00:00"))).isEqualTo("01012024");
    }

    @Test
    void toDateTimeAndToTime_objectsAndText() {
        assertThat(parser.toDateTime(java.time.LocalDate.of(2024, 1, 2))).contains(at("2024-01-02T00:00"));
        assertThat(parser.toDateTime(at("2024-01-02T03:04"))).contains(at("2024-01-02T03:04"));
        assertThat(parser.toDateTime("2024-01-02")).contains(at("2024-01-02T00:00"));
        assertThat(parser.toDateTime(20240102)).isEmpty();
        assertThat(parser.toDateTime(null)).isEmpty();
        assertThat(parser.toTime(LocalTime.NOON)).contains(LocalTime.NOON);
        assertThat(parser.toTime("12:00")).contains(LocalTime.NOON);
        assertThat(parser.toTime(at("2024-01-02T03:04"))).isEmpty();
    }
}
