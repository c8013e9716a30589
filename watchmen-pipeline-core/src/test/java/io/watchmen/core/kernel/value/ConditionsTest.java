package io.watchmen.core.kernel.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.WatchmenException;
import io.watchmen.core.value.DateTimeParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec 3.8: every operator with its rule order, and joints. */
class ConditionsTest {

    private final Comparisons comparisons = new Comparisons(DateTimeParser.defaults());
    private final ValueFixture fixture = new ValueFixture();

    @Test
    void equals_nullAndEmptyString_matchEachOtherOnly() {
        assertThat(comparisons.equal(null, "")).isTrue();
        assertThat(comparisons.equal("", null)).isTrue();
        assertThat(comparisons.equal(null, 0)).isFalse();
        assertThat(comparisons.equal("x", null)).isFalse();
    }

    @Test
    void equals_booleans_matchNumbersAndTexts() {
        assertThat(comparisons.equal(true, 1)).isTrue();
        assertThat(comparisons.equal(false, 0)).isTrue();
        assertThat(comparisons.equal(true, 2)).isFalse();
        assertThat(comparisons.equal(true, "Yes")).isTrue();
        assertThat(comparisons.equal("f", false)).isTrue();
        assertThat(comparisons.equal(true, "x")).isFalse();
        assertThat(comparisons.equal(true, List.of())).isFalse();
    }

    @Test
    void equals_numbers_compareAsDecimals() {
        assertThat(comparisons.equal(5, new BigDecimal("5.0"))).isTrue();
        assertThat(comparisons.equal("5", 5L)).isTrue();
        assertThat(comparisons.equal(5, "abc")).isFalse();
        assertThat(comparisons.equal(5, LocalDate.of(2024, 1, 1))).isFalse();
    }

    @Test
    void equals_timesAndDates_ignoreMicrosAndTimeOfDay() {
        assertThat(comparisons.equal(LocalTime.of(10, 0, 0, 5000), "10:00:00")).isTrue();
        assertThat(comparisons.equal(LocalDateTime.of(2024, 1, 1, 9, 0), LocalDateTime.of(2024, 1, 1, 13, 0))).isTrue();
        assertThat(comparisons.equal("2024-01-01", LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(comparisons.equal(LocalDate.of(2024, 1, 1), "not a date")).isFalse();
    }

    @Test
    void equals_stringsExact_listsNever() {
        assertThat(comparisons.equal("a", "a")).isTrue();
        assertThat(comparisons.equal("a", "A")).isFalse();
        assertThat(comparisons.equal(List.of(1), List.of(1))).isFalse();
        assertThat(comparisons.equal(Map.of(), Map.of("k", 1))).isFalse();
    }

    @Test
    void ordering_nulls() {
        assertThat(comparisons.compare(null, null, true, false)).isFalse();
        assertThat(comparisons.compare(null, null, true, true)).isTrue();
        assertThat(comparisons.compare(null, 1, true, false)).isTrue();
        assertThat(comparisons.compare(LocalDate.of(2024, 1, 1), null, false, false)).isTrue();
        assertThatThrownBy(() -> comparisons.compare(null, "x", true, false)).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> comparisons.compare("x", null, true, false)).isInstanceOf(WatchmenException.class);
    }

    @Test
    void ordering_numbersTimesDates() {
        assertThat(comparisons.compare(5, "10", true, false)).isTrue();
        assertThat(comparisons.compare("10", 5, false, false)).isTrue();
        assertThat(comparisons.compare(true, 2, true, false)).isTrue();
        assertThat(comparisons.compare(5, 5, true, true)).isTrue();
        assertThat(comparisons.compare(5, 5, false, false)).isFalse();
        assertThat(comparisons.compare(LocalTime.of(9, 0), "10:00:00", true, false)).isTrue();
        assertThat(comparisons.compare(LocalDateTime.of(2024, 1, 1, 13, 0), LocalDateTime.of(2024, 1, 1, 9, 0),
                false, false)).isFalse();
        assertThat(comparisons.compare("2024-01-05", LocalDate.of(2024, 1, 6), true, false)).isTrue();
        assertThatThrownBy(() -> comparisons.compare(5, "abc", true, false)).isInstanceOf(WatchmenException.class);
    }

    @Test
    void ordering_twoStrings_fails() {
        assertThatThrownBy(() -> comparisons.compare("5", "10", true, false))
                .hasMessageContaining("Comparison of [none|int|float|decimal|date|time|datetime] are supported");
        assertThatThrownBy(() -> comparisons.compare("2024-01-05", "2024-01-06", true, false))
                .isInstanceOf(WatchmenException.class);
    }

    @Test
    void inAndNotIn_listsAndUntrimmedCommaTexts() {
        EvalContext context = fixture.context(null, ValueFixture.data("{\"s\": \"b\", \"n\": 2, \"l\": [1, 2]}"));
        assertThat(fixture.expression(context, in("{s}", "a, b, c"))).isFalse();
        assertThat(fixture.expression(context, in("{s}", "a,b,c"))).isTrue();
        assertThat(fixture.expression(context, in("{n}", "1, 2, 3"))).isTrue();
        assertThat(fixture.expression(context, in("{n}", "{l}"))).isTrue();
        assertThat(fixture.expression(context, in("{n}", "   "))).isFalse();
        assertThat(fixture.expression(context, in("{n}", "{missing}"))).isFalse();
        assertThat(fixture.expression(context, """
                {"left": {"kind": "constant", "value": "{n}"}, "operator": "not-in", "right": {"kind": "constant", "value": "{missing}"}}
                """)).isTrue();
        assertThatThrownBy(() -> fixture.expression(context, in("{s}", "{n}"))).isInstanceOf(WatchmenException.class);
    }

    @Test
    void emptyAndNotEmpty() {
        EvalContext context = fixture.context(null, ValueFixture.data(
                "{\"e\": \"\", \"w\": \"  \", \"z\": 0, \"l\": [], \"m\": {}}"));
        for (String key : List.of("e", "l", "m", "missing")) {
            assertThat(fixture.expression(context, empty(key, "empty"))).as(key).isTrue();
        }
        for (String key : List.of("w", "z")) {
            assertThat(fixture.expression(context, empty(key, "not-empty"))).as(key).isTrue();
        }
    }

    @Test
    void joints_emptyAndIsTrue_emptyOrIsFalse_andTopLevelSkips() {
        EvalContext context = fixture.context(null, ValueFixture.data("{}"));
        Conditions conditions = fixture.evaluator.conditions();
        assertThat(conditions.joint(joint("and", ""), context)).isTrue();
        assertThat(conditions.joint(joint("or", ""), context)).isFalse();
        assertThat(conditions.joint(joint("and", "{\"jointType\": \"or\", \"filters\": []}"), context)).isFalse();
        assertThat(conditions.prerequisite(true, joint("or", ""), context)).isTrue();
        assertThat(conditions.prerequisite(false, joint("and", "{\"jointType\": \"or\", \"filters\": []}"), context))
                .isTrue();
        assertThat(conditions.prerequisite(true, null, context)).isTrue();
    }

    private static io.watchmen.core.model.pipeline.ParameterJoint joint(String type, String filters) {
        return ValueFixture.read("{\"jointType\": \"" + type + "\", \"filters\": [" + filters + "]}",
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
    }

    private static String in(String left, String right) {
        return "{\"left\": {\"kind\": \"constant\", \"value\": \"" + left + "\"}, \"operator\": \"in\", "
                + "\"right\": {\"kind\": \"constant\", \"value\": \"" + right + "\"}}";
    }

    private static String empty(String key, String operator) {
        return "{\"left\": {\"kind\": \"constant\", \"value\": \"{" + key + "}\"}, \"operator\": \"" + operator + "\"}";
    }
}
