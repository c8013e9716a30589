package io.watchmen.core.kernel.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.value.Definitions;
import io.watchmen.core.kernel.value.EvalContext;
import io.watchmen.core.kernel.value.ParameterEvaluator;
import io.watchmen.core.model.pipeline.AccumulateMode;
import io.watchmen.core.model.pipeline.MappingFactor;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.value.DateTimeParser;
import io.watchmen.core.value.FactorCaster;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec 2.14: none / sum / avg / count under standard, reverse and cumulate. */
class MappingArithmeticTest {

    private final Topic topic = read("""
            {"topicId": "t", "name": "stats", "type": "aggregate", "factors": [
              {"factorId": "v", "name": "value", "type": "number"},
              {"factorId": "s", "name": "sum", "type": "number"},
              {"factorId": "a", "name": "avg", "type": "number"},
              {"factorId": "c", "name": "count", "type": "number"},
              {"factorId": "b", "name": "flag", "type": "boolean"}]}""", new TypeReference<>() { });
    private final ParameterEvaluator evaluator = new ParameterEvaluator(new Definitions() {
        @Override
        public Topic topic(String topicId) {
            return topic;
        }

        @Override
        public Factor factor(String topicId, String factorId) {
            return topic.factorById(factorId).orElseThrow();
        }
    });
    private final FactorCaster caster = new FactorCaster(DateTimeParser.defaults());

    private final List<MappingFactor> mapping = read("""
            [{"factorId": "s", "source": {"kind": "constant", "value": "{x}"}, "arithmetic": "sum"},
             {"factorId": "a", "source": {"kind": "constant", "value": "{x}"}, "arithmetic": "avg"},
             {"factorId": "c", "source": {"kind": "constant", "value": "{x}"}, "arithmetic": "count"}]""",
            new TypeReference<>() { });

    private EvalContext context(Object previous, Object current) {
        Map<String, Object> prev = previous == null ? null : new HashMap<>(Map.of("x", previous));
        return new EvalContext(prev, new HashMap<>(Map.of("x", current)), topic,
                new EvalContext.Runtime(Clock.systemDefaultZone(), () -> 1L, DateTimeParser.defaults()));
    }

    private Map<String, Object> original() {
        Map<String, Object> row = new HashMap<>(Map.of("sum", new BigDecimal("100"), "avg", new BigDecimal("25"),
                "count", new BigDecimal("4")));
        row.put("aggregate_assist_", Map.of("avg.avg_count", 4));
        return row;
    }

    private Map<String, Object> evaluate(AccumulateMode mode, Map<String, Object> original, boolean hasPrevious,
                                         EvalContext context) {
        return MappingEvaluator.evaluate(mapping, topic, mode, original, hasPrevious, context, evaluator, caster);
    }

    @Test
    void insert_standard_takesCurrentRawAvgAndCountOne() {
        Map<String, Object> row = evaluate(AccumulateMode.STANDARD, null, false, context(null, "7"));
        assertThat((BigDecimal) row.get("sum")).isEqualByComparingTo("7");
        assertThat(row.get("avg")).isEqualTo("7");
        assertThat(row.get("count")).isEqualTo(1L);
        assertThat(row.get("aggregate_assist_")).isEqualTo(Map.of("avg.avg_count", 1));
    }

    @Test
    void insert_reverse_fails() {
        assertThatThrownBy(() -> evaluate(AccumulateMode.REVERSE, null, false, context(null, 7)))
                .isInstanceOf(WatchmenException.class).hasMessageContaining("There is no existing aggregated data");
    }

    @Test
    void cumulate_addsEvenWithPrevious() {
        Map<String, Object> row = evaluate(AccumulateMode.CUMULATE, original(), true, context(5, 10));
        assertThat((BigDecimal) row.get("sum")).isEqualByComparingTo("110");
        assertThat((BigDecimal) row.get("avg")).isEqualByComparingTo("22");
        assertThat(row.get("count")).isEqualTo(5L);
    }

    @Test
    void standardWithPrevious_replacesThePreviousContribution() {
        Map<String, Object> row = evaluate(AccumulateMode.STANDARD, original(), true, context(5, 13));
        assertThat((BigDecimal) row.get("sum")).isEqualByComparingTo("108");
        assertThat((BigDecimal) row.get("avg")).isEqualByComparingTo("27");
        assertThat(row.get("count")).isEqualTo(4L);
        assertThat(row.get("aggregate_assist_")).isEqualTo(Map.of("avg.avg_count", 4));
    }

    @Test
    void reverseWithPrevious_removesTheContribution() {
        Map<String, Object> row = evaluate(AccumulateMode.REVERSE, original(), true, context(20, "ignored"));
        assertThat((BigDecimal) row.get("sum")).isEqualByComparingTo("80");
        assertThat((BigDecimal) row.get("avg")).isEqualByComparingTo("26.66666666666666666666666667");
        assertThat(row.get("count")).isEqualTo(3L);
    }

    @Test
    void reverseOfTheLastAverage_givesZeroAndCounterZero() {
        Map<String, Object> single = original();
        single.put("aggregate_assist_", Map.of("avg.avg_count", 1));
        Map<String, Object> row = evaluate(AccumulateMode.REVERSE, single, true, context(20, 0));
        assertThat((BigDecimal) row.get("avg")).isEqualByComparingTo("0");
        assertThat(row.get("aggregate_assist_")).isEqualTo(Map.of("avg.avg_count", 0));
    }

    @Test
    void averageChangeWithoutCounter_fails() {
        Map<String, Object> noCounter = original();
        noCounter.remove("aggregate_assist_");
        assertThatThrownBy(() -> evaluate(AccumulateMode.STANDARD, noCounter, true, context(1, 2)))
                .hasMessageContaining("No existing accumulated average (count is 0)");
    }

    @Test
    void countStandardWithPreviousAtZero_givesOne_andReverseAtZeroFails() {
        Map<String, Object> zero = original();
        zero.put("count", BigDecimal.ZERO);
        List<MappingFactor> countOnly = List.of(mapping.get(2));
        assertThat(MappingEvaluator.evaluate(countOnly, topic, AccumulateMode.STANDARD, zero, true, context(1, 2),
                evaluator, caster).get("count")).isEqualTo(1L);
        assertThatThrownBy(() -> MappingEvaluator.evaluate(countOnly, topic, AccumulateMode.REVERSE, zero, true,
                context(1, 2), evaluator, caster)).hasMessageContaining("Count <= 0");
    }

    @Test
    void none_castsToTheFactorType_andNullStaysNull() {
        List<MappingFactor> plain = read("""
                [{"factorId": "v", "source": {"kind": "constant", "value": "{x}"}},
                 {"factorId": "b", "source": {"kind": "constant", "value": "{missing}"}}]""", new TypeReference<>() { });
        Map<String, Object> row = MappingEvaluator.evaluate(plain, topic, AccumulateMode.STANDARD, null, false,
                context(null, " 12.5 "), evaluator, caster);
        assertThat((BigDecimal) row.get("value")).isEqualByComparingTo("12.5");
        assertThat(row).containsEntry("flag", null);
        assertThatThrownBy(() -> MappingEvaluator.evaluate(plain, topic, AccumulateMode.STANDARD, null, false,
                context(null, "abc"), evaluator, caster)).isInstanceOf(WatchmenException.class)
                .hasMessageContaining("is incompatible with factor[name=value");
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return WatchmenJson.mapper().readValue(json, type);
        } catch (Exception failure) {
            throw new IllegalArgumentException(failure);
        }
    }
}
