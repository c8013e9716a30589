package io.watchmen.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.FactorType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FactorCasterTest {

    private final FactorCaster caster = new FactorCaster(DateTimeParser.defaults());

    private static Factor factor(FactorType type) {
        return new Factor("f1", type, "amount", null, null, null, null, null, null, null, null);
    }

    private Object cast(Object value, FactorType type) {
        return caster.cast(value, factor(type));
    }

    private void assertRejected(Object value, FactorType type) {
        assertThatThrownBy(() -> cast(value, type))
                .isInstanceOf(WatchmenException.class)
                .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.DATA_INVALID));
    }

    @ParameterizedTest
    @EnumSource(FactorType.class)
    void cast_null_staysNull(FactorType type) {
        assertThat(cast(null, type)).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = FactorType.class, names = {"SEQUENCE", "NUMBER", "UNSIGNED", "FLOOR", "RESIDENTIAL_AREA",
            "AGE", "BIZ_SCALE", "YEAR", "HALF_YEAR", "QUARTER", "MONTH", "HALF_MONTH", "TEN_DAYS", "WEEK_OF_YEAR",
            "WEEK_OF_MONTH", "HALF_WEEK", "DAY_OF_MONTH", "DAY_OF_WEEK", "DAY_KIND", "HOUR", "HOUR_KIND", "MINUTE",
            "SECOND", "MILLISECOND", "AM_PM"})
    void cast_numericTypes_decimal(FactorType type) {
        assertThat(cast(" 12.5 ", type)).isEqualTo(new BigDecimal("12.5"));
        assertThat(cast(7, type)).isEqualTo(new BigDecimal("7"));
        assertThat(cast(0.1d, type)).isEqualTo(new BigDecimal("0.1"));
        assertThat(cast(true, type)).isEqualTo(BigDecimal.ONE);
        assertThat(cast(new BigDecimal("99"), type)).isEqualTo(new BigDecimal("99"));
        assertRejected("abc", type);
        assertRejected("1,000", type);
        assertRejected(LocalDate.of(2024, 1, 1), type);
    }

    @Test
    void cast_number_rejectionMessage() {
        assertThatThrownBy(() -> cast("abc", FactorType.NUMBER))
                .hasMessage("Value[abc, type=str] is incompatible with factor[name=amount, type=number].");
    }

    @Test
    void cast_text_pythonText() {
        assertThat(cast("x", FactorType.TEXT)).isEqualTo("x");
        assertThat(cast(true, FactorType.TEXT)).isEqualTo("True");
        assertThat(cast(5, FactorType.TEXT)).isEqualTo("5");
        assertThat(cast(new BigDecimal("100.000000"), FactorType.TEXT)).isEqualTo("100.000000");
        assertThat(cast(1e16d, FactorType.TEXT)).isEqualTo("1e+16");
        assertThat(cast(LocalDate.of(2024, 5, 17), FactorType.TEXT)).isEqualTo("2024-05-17");
        assertThat(cast(LocalDateTime.of(2024, 5, 17, 10, 11, 12), FactorType.TEXT)).isEqualTo("2024-05-17 10:11:12");
        assertThat(cast(LocalTime.of(10, 11), FactorType.TEXT)).isEqualTo("10:11:00");
        assertRejected(List.of("a"), FactorType.TEXT);
        assertRejected(Map.of("a", 1), FactorType.TEXT);
    }

    @Test
    void cast_text_rejectionMessageNamesPythonType() {
        assertThatThrownBy(() -> cast(List.of("a"), FactorType.TEXT))
                .hasMessage("Value[['a'], type=list] is incompatible with factor[name=amount, type=text].");
    }

    @ParameterizedTest
    @EnumSource(value = FactorType.class, names = {"ADDRESS", "ROAD", "COMMUNITY", "EMAIL", "PHONE", "MOBILE", "FAX",
            "OCCUPATION", "ID_NO"})
    void cast_textWithFloats(FactorType type) {
        assertThat(cast("x", type)).isEqualTo("x");
        assertThat(cast(5, type)).isEqualTo("5");
        assertThat(cast(12.5d, type)).isEqualTo("12.5");
        assertThat(cast(new BigDecimal("12.50"), type)).isEqualTo("12.50");
        assertThat(cast(true, type)).isEqualTo("True");
        assertRejected(LocalDate.of(2024, 1, 1), type);
        assertRejected(LocalTime.of(1, 1), type);
        assertRejected(List.of(), type);
        assertRejected(Map.of(), type);
    }

    @ParameterizedTest
    @EnumSource(value = FactorType.class, names = {"CONTINENT", "REGION", "COUNTRY", "PROVINCE", "CITY", "DISTRICT",
            "RESIDENCE_TYPE", "GENDER", "RELIGION", "NATIONALITY", "BIZ_TRADE", "ENUM"})
    void cast_textWithoutFloats(FactorType type) {
        assertThat(cast("x", type)).isEqualTo("x");
        assertThat(cast(5, type)).isEqualTo("5");
        assertThat(cast(new BigDecimal("12.5"), type)).isEqualTo("12.5");
        assertThat(cast(false, type)).isEqualTo("False");
        assertRejected(12.5d, type);
        assertRejected(LocalDateTime.of(2024, 1, 1, 0, 0), type);
        assertRejected(List.of(), type);
    }

    @ParameterizedTest
    @EnumSource(value = FactorType.class, names = {"DATETIME", "FULL_DATETIME"})
    void cast_dateTimes(FactorType type) {
        LocalDateTime dt = LocalDateTime.of(2024, 3, 15, 10, 20, 30);
        assertThat(cast(dt, type)).isEqualTo(dt);
        assertThat(cast(LocalDate.of(2024, 3, 15), type)).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
        assertThat(cast("2024-03-15 10:20:30.5", type)).isEqualTo(dt.withNano(500_000_000));
        // deviation for full-datetime: text without fraction is accepted
        assertThat(cast("2024-03-15 10:20:30", type)).isEqualTo(dt);
        assertThat(cast("2024-03-15", type)).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
        assertThat(cast(20240315, type)).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
        assertThat(cast(new BigDecimal("20240315"), type)).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
        assertRejected(LocalTime.of(10, 0), type);
        assertRejected(List.of("2024-03-15"), type);
        assertRejected("not a date", type);
        assertRejected(true, type);
    }

    @ParameterizedTest
    @EnumSource(value = FactorType.class, names = {"DATE", "DATE_OF_BIRTH"})
    void cast_dates(FactorType type) {
        assertThat(cast(LocalDateTime.of(2024, 3, 15, 10, 20), type)).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(cast(LocalDate.of(2024, 3, 15), type)).isEqualTo(LocalDate.of(2024, 3, 15));
        // like the reference, parsed text gives a date-time at midnight
        assertThat(cast("2024-03-15 10:20:30", type)).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
        // deviation: integers are read through their text, as the datetime cast does
        assertThat(cast(20240315, type)).isEqualTo(LocalDateTime.of(2024, 3, 15, 0, 0));
        assertRejected(LocalTime.of(10, 0), type);
        assertRejected("2024-1-2", type);
        assertRejected(12.5d, type);
        assertRejected(List.of(), type);
    }

    @Test
    void cast_time() {
        assertThat(cast(LocalDateTime.of(2024, 3, 15, 10, 20, 30), FactorType.TIME)).isEqualTo(LocalTime.of(10, 20, 30));
        assertThat(cast(LocalTime.of(1, 2), FactorType.TIME)).isEqualTo(LocalTime.of(1, 2));
        assertThat(cast("10:20", FactorType.TIME)).isEqualTo(LocalTime.of(10, 20));
        assertRejected(LocalDate.of(2024, 3, 15), FactorType.TIME);
        assertRejected("25:00", FactorType.TIME);
        assertRejected(1020, FactorType.TIME);
    }

    @Test
    void cast_boolean() {
        assertThat(cast(true, FactorType.BOOLEAN)).isEqualTo(true);
        assertThat(cast(0, FactorType.BOOLEAN)).isEqualTo(false);
        assertThat(cast(new BigDecimal("0.0"), FactorType.BOOLEAN)).isEqualTo(false);
        assertThat(cast(-2, FactorType.BOOLEAN)).isEqualTo(true);
        assertThat(cast(0.5d, FactorType.BOOLEAN)).isEqualTo(true);
        for (String yes : List.of("t", "Y", " yes ", "TRUE")) {
            assertThat(cast(yes, FactorType.BOOLEAN)).isEqualTo(true);
        }
        for (String no : List.of("f", "N", "no", "False ")) {
            assertThat(cast(no, FactorType.BOOLEAN)).isEqualTo(false);
        }
        // deviation: "1" and "0" are accepted, as equality accepts them
        assertThat(cast("1", FactorType.BOOLEAN)).isEqualTo(true);
        assertThat(cast(" 0", FactorType.BOOLEAN)).isEqualTo(false);
        assertRejected("maybe", FactorType.BOOLEAN);
        assertRejected("", FactorType.BOOLEAN);
        assertRejected(LocalDate.of(2024, 1, 1), FactorType.BOOLEAN);
    }

    @ParameterizedTest
    @EnumSource(value = FactorType.class, names = {"OBJECT", "ARRAY"})
    void cast_objectOrArray_notSupported(FactorType type) {
        assertThatThrownBy(() -> cast(Map.of(), type)).isInstanceOf(WatchmenException.class)
                .hasMessage("Factor type[" + type.json() + "] is not supported.");
    }

    @ParameterizedTest
    @ValueSource(ints = {1000})
    void cast_longValue_cappedInMessage(int length) {
        String text = "x".repeat(length);
        assertThatThrownBy(() -> cast(text, FactorType.NUMBER))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }
}
