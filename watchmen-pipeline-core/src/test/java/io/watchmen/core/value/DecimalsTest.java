package io.watchmen.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12|12", " 12.5 |12.5", "-3|-3", "+3|3", ".5|0.5", "5.|5", "1e3|1E+3", "1.5E-2|0.015",
            "1_000|1000", "0.000|0.000"})
    void parse_numericText_decimal(String text, String expected) {
        assertThat(Decimals.parse(text)).contains(new BigDecimal(expected));
    }

    @Test
    void parse_surroundingWhitespace_trimmed() {
        assertThat(Decimals.parse("\t7\n")).contains(new BigDecimal("7"));
    }

    @Test
    void parse_keepsScaleOfText() {
        assertThat(Decimals.parse("100.000000").orElseThrow().scale()).isEqualTo(6);
        assertThat(Decimals.parse("1e3").orElseThrow().toString()).isEqualTo("1E+3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,000", "", "   ", "1e", "e3", ".", "-", "1__0", "_1", "1_", "0x10", "1 2",
            "NaN", "nan", "Infinity", "-inf", "sNaN"})
    void parse_nonNumericText_empty(String text) {
        assertThat(Decimals.parse(text)).isEmpty();
    }

    @Test
    void parse_numbers_decimal() {
        assertThat(Decimals.parse(5)).contains(BigDecimal.valueOf(5));
        assertThat(Decimals.parse(5L)).contains(BigDecimal.valueOf(5));
        assertThat(Decimals.parse(new BigInteger("123456789012345678901234567890")))
                .contains(new BigDecimal("123456789012345678901234567890"));
        assertThat(Decimals.parse(new BigDecimal("2.50"))).contains(new BigDecimal("2.50"));
    }

    @Test
    void parse_floats_viaShortestText() {
        assertThat(Decimals.parse(0.1d).orElseThrow().toString()).isEqualTo("0.1");
        assertThat(Decimals.parse(120.5d).orElseThrow().toString()).isEqualTo("120.5");
        assertThat(Decimals.parse(1e16d).orElseThrow().toString()).isEqualTo("1E+16");
        assertThat(Decimals.parse(3.0f).orElseThrow().toString()).isEqualTo("3.0");
        assertThat(Decimals.parse(Double.NaN)).isEmpty();
        assertThat(Decimals.parse(Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    void parse_booleans_oneOrZero() {
        assertThat(Decimals.parse(true)).contains(BigDecimal.ONE);
        assertThat(Decimals.parse(false)).contains(BigDecimal.ZERO);
    }

    @Test
    void parse_otherTypes_empty() {
        assertThat(Decimals.parse(null)).isEmpty();
        assertThat(Decimals.parse(LocalDate.of(2024, 1, 1))).isEmpty();
        assertThat(Decimals.parse(List.of(1))).isEmpty();
        assertThat(Decimals.parse(Map.of("a", 1))).isEmpty();
    }

    @Test
    void context_28DigitsHalfEven() {
        assertThat(BigDecimal.TEN.divide(BigDecimal.valueOf(3), Decimals.CONTEXT).toString())
                .isEqualTo("3.333333333333333333333333333");
        assertThat(BigDecimal.TEN.divide(BigDecimal.valueOf(4), Decimals.CONTEXT).toString()).isEqualTo("2.5");
    }
}
