package io.watchmen.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonTextTest {

    @Test
    void str_scalars_pythonForms() {
        assertThat(PythonText.str(null)).isEqualTo("None");
        assertThat(PythonText.str(true)).isEqualTo("True");
        assertThat(PythonText.str(false)).isEqualTo("False");
        assertThat(PythonText.str("text")).isEqualTo("text");
        assertThat(PythonText.str(100)).isEqualTo("100");
        assertThat(PythonText.str(-7L)).isEqualTo("-7");
        assertThat(PythonText.str(new BigInteger("12345678901234567890"))).isEqualTo("12345678901234567890");
    }

    @ParameterizedTest
    @CsvSource({"120.5, 120.5", "1e16, 1e+16", "1e15, 1000000000000000.0", "0.1, 0.1", "0.0001, 0.0001",
            "0.00001, 1e-05", "2.0, 2.0", "-1.5, -1.5", "1.5e-7, 1.5e-07", "123456789.123, 123456789.123",
            "1.7976931348623157e308, 1.7976931348623157e+308", "0.3, 0.3"})
    void str_floats_shortestRoundTrip(double value, String expected) {
        assertThat(PythonText.str(value)).isEqualTo(expected);
    }

    @Test
    void str_floatSpecials() {
        assertThat(PythonText.str(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonText.str(-0.0)).isEqualTo("-0.0");
        assertThat(PythonText.str(Double.NaN)).isEqualTo("nan");
        assertThat(PythonText.str(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @ParameterizedTest
    @CsvSource({"100.000000, 100.000000", "2.5, 2.5", "1E+3, 1E+3", "0.0000001, 1E-7", "0.000001, 0.000001",
            "-0.50, -0.50"})
    void str_decimals_exactScale(String value, String expected) {
        assertThat(PythonText.str(new BigDecimal(value))).isEqualTo(expected);
    }

    @Test
    void str_datesAndTimes_isoWithSpace() {
        assertThat(PythonText.str(LocalDate.of(2024, 3, 5))).isEqualTo("2024-03-05");
        assertThat(PythonText.str(LocalDateTime.of(2024, 3, 5, 10, 0))).isEqualTo("2024-03-05 10:00:00");
        assertThat(PythonText.str(LocalDateTime.of(2024, 3, 5, 10, 0, 1, 123_000_000)))
                .isEqualTo("2024-03-05 10:00:01.123000");
        assertThat(PythonText.str(LocalTime.of(9, 5))).isEqualTo("09:05:00");
        assertThat(PythonText.str(LocalTime.of(9, 5, 1, 1000))).isEqualTo("09:05:01.000001");
    }

    @Test
    void str_listsAndMaps_pythonLiterals() {
        assertThat(PythonText.str(List.of("O-1", "O-2"))).isEqualTo("['O-1', 'O-2']");
        assertThat(PythonText.str(new ArrayList<>(Arrays.asList("a", 1, null, true)))).isEqualTo("['a', 1, None, True]");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", 1);
        map.put("s", "it's");
        map.put("n", List.of());
        assertThat(PythonText.str(map)).isEqualTo("{'k': 1, 's': \"it's\", 'n': []}");
        assertThat(PythonText.str(List.of(new BigDecimal("1.50")))).isEqualTo("[Decimal('1.50')]");
        assertThat(PythonText.str(List.of(LocalDate.of(2024, 1, 2)))).isEqualTo("[datetime.date(2024, 1, 2)]");
        assertThat(PythonText.str(List.of(LocalDateTime.of(2024, 1, 2, 0, 0))))
                .isEqualTo("[datetime.datetime(2024, 1, 2, 0, 0)]");
        assertThat(PythonText.str(List.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5))))
                .isEqualTo("[datetime.datetime(2024, 1, 2, 3, 4, 5)]");
        assertThat(PythonText.str(List.of(LocalTime.of(10, 0)))).isEqualTo("[datetime.time(10, 0)]");
        assertThat(PythonText.str(List.of("a\\b\n"))).isEqualTo("['a\\\\b\\n']");
        assertThat(PythonText.str(Map.of())).isEqualTo("{}");
    }
}
