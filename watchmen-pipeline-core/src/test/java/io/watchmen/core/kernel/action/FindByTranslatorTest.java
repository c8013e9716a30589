package io.watchmen.core.kernel.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.value.Definitions;
import io.watchmen.core.kernel.value.EvalContext;
import io.watchmen.core.kernel.value.ParameterEvaluator;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.model.pipeline.ParameterJoint;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.ArithmeticOperand;
import io.watchmen.core.storage.criteria.CaseThenOperand;
import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.ConcatOperand;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.CriteriaOperator;
import io.watchmen.core.storage.criteria.DateFunctionOperand;
import io.watchmen.core.storage.criteria.DatePartOperand;
import io.watchmen.core.storage.criteria.ValueOperand;
import io.watchmen.core.value.DateTimeParser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec 2.16 / 3.9: by joints into criteria trees with the reference's coercions. */
class FindByTranslatorTest {

    private static final String TOPICS = """
            [{"topicId": "t1", "name": "event", "type": "raw", "factors": [
               {"factorId": "e1", "name": "customerId", "type": "text"}]},
             {"topicId": "t2", "name": "stats", "type": "aggregate", "factors": [
               {"factorId": "s1", "name": "customerId", "type": "text"},
               {"factorId": "s2", "name": "amount", "type": "number"},
               {"factorId": "s3", "name": "active", "type": "boolean"},
               {"factorId": "s4", "name": "day", "type": "date"},
               {"factorId": "s5", "name": "order.code", "type": "text"}]}]""";

    private final List<Topic> topics = read(TOPICS, new TypeReference<>() { });
    private final Definitions definitions = new Definitions() {
        @Override
        public Topic topic(String topicId) {
            return topics.stream().filter(t -> t.topicId().equals(topicId)).findFirst().orElseThrow();
        }

        @Override
        public Factor factor(String topicId, String factorId) {
            return topic(topicId).factorById(factorId).orElseThrow();
        }
    };
    private final FindByTranslator translator = new FindByTranslator(new ParameterEvaluator(definitions));
    private final EvalContext context = new EvalContext(Map.of("customerId", "OLD"),
            read("{\"customerId\": \"C-1\", \"n\": \"5\", \"d\": \"2024-01-02\"}", new TypeReference<>() { }),
            topics.get(0), new EvalContext.Runtime(Clock.fixed(LocalDateTime.of(2024, 3, 20, 10, 0)
            .toInstant(ZoneOffset.UTC), ZoneOffset.UTC), () -> 77L, DateTimeParser.defaults()));

    private CriteriaExpression single(String left, String operator, String right) {
        String json = "{\"jointType\": \"and\", \"filters\": [{\"left\": " + left + ", \"operator\": \"" + operator
                + "\"" + (right == null ? "" : ", \"right\": " + right) + "}]}";
        CriteriaJoint joint = (CriteriaJoint) translator.translate(read(json, new TypeReference<ParameterJoint>() { }),
                topics.get(1), context);
        return (CriteriaExpression) joint.children().get(0);
    }

    private static String tf(String topic, String factor) {
        return "{\"kind\": \"topic\", \"topicId\": \"" + topic + "\", \"factorId\": \"" + factor + "\"}";
    }

    private static String c(String value) {
        return "{\"kind\": \"constant\", \"value\": \"" + value + "\"}";
    }

    @Test
    void ownTopicFactor_isAColumn_otherTopicFactor_isAValueFromCurrent() throws Exception {
        CriteriaExpression expression = single(tf("t2", "s1"), "equals", tf("t1", "e1"));
        assertThat(expression.left()).isEqualTo(new ColumnOperand(false, "stats", "customerid",
                definitions.factor("t2", "s1")));
        assertThat(expression.right()).isEqualTo(new ValueOperand("C-1"));
        assertThat(WatchmenJson.mapper().writeValueAsString(expression)).isEqualTo(
                "{\"left\":{\"synonym\":false,\"entityName\":\"stats\",\"columnName\":\"customerid\"},"
                        + "\"operator\":\"equals\",\"right\":\"C-1\"}");
        assertThat(((ColumnOperand) single(tf("t2", "s5"), "empty", null).left()).columnName()).isEqualTo("order_code");
    }

    @Test
    void operators_mapToStorageOperators() {
        assertThat(single(tf("t2", "s2"), "empty", null).operator()).isEqualTo(CriteriaOperator.IS_EMPTY);
        assertThat(single(tf("t2", "s2"), "not-empty", null).right()).isNull();
        assertThat(single(tf("t2", "s2"), "less", c("1")).operator()).isEqualTo(CriteriaOperator.LESS_THAN);
        assertThat(single(tf("t2", "s2"), "less-equals", c("1")).operator())
                .isEqualTo(CriteriaOperator.LESS_THAN_OR_EQUALS);
        assertThat(single(tf("t2", "s2"), "more", c("1")).operator()).isEqualTo(CriteriaOperator.GREATER_THAN);
        assertThat(single(tf("t2", "s2"), "not-equals", c("1")).operator()).isEqualTo(CriteriaOperator.NOT_EQUALS);
        assertThat(single(tf("t2", "s2"), "not-in", c("1")).operator()).isEqualTo(CriteriaOperator.NOT_IN);
    }

    @Test
    void coercions_followTheOtherSidesTypes() {
        assertThat(single(tf("t2", "s2"), "equals", c("{n}")).right()).isEqualTo(new ValueOperand(new BigDecimal("5")));
        assertThat(single(tf("t2", "s3"), "equals", c("yes")).right()).isEqualTo(new ValueOperand(true));
        assertThat(single(tf("t2", "s2"), "more-equals", c("100")).right())
                .isEqualTo(new ValueOperand(new BigDecimal("100")));
        assertThat(single(tf("t2", "s4"), "less", c("{d}")).right())
                .isEqualTo(new ValueOperand(LocalDateTime.of(2024, 1, 2, 0, 0)));
        assertThat(single(tf("t2", "s1"), "equals", c("5")).right()).isEqualTo(new ValueOperand("5"));
        assertThat(single(tf("t2", "s2"), "in", c("1, 2,,3 ")).right())
                .isEqualTo(new ValueOperand(List.of(BigDecimal.ONE, new BigDecimal("2"), new BigDecimal("3"))));
        assertThat(single(tf("t2", "s1"), "in", c("a, b")).right()).isEqualTo(new ValueOperand(List.of("a", " b")));
    }

    @Test
    void constants_blankIsNull_templatesConcat_oldAndFunctionsAreValues() {
        assertThat(single(tf("t2", "s1"), "equals", c("  ")).right()).isEqualTo(new ValueOperand(null));
        assertThat(single(tf("t2", "s1"), "equals", c("{&old.customerId}")).right()).isEqualTo(new ValueOperand("OLD"));
        assertThat(single(tf("t2", "s1"), "equals", c("x-{customerId}-y")).right())
                .isEqualTo(new ConcatOperand(List.of(new ValueOperand("x-C-1"), new ValueOperand("-y"))));
        assertThat(single(tf("t2", "s2"), "equals", c("{customerId.&length}")).right())
                .isEqualTo(new ValueOperand(3));
        assertThat(single(tf("t2", "s2"), "equals", c("{&nextSeq}")).right()).isEqualTo(new ValueOperand(77L));
    }

    @Test
    void dateFunctionWithColumnArgument_becomesADatabaseExpression() {
        CriteriaExpression expression = single(c("{&dayDiff(&now,&day)}"), "less", c("3"));
        assertThat(expression.left()).isEqualTo(new DateFunctionOperand("dayDiff", List.of(
                new ValueOperand(LocalDateTime.of(2024, 3, 20, 10, 0)),
                new ColumnOperand(false, "stats", "day", definitions.factor("t2", "s4")))));
        assertThat(expression.right()).isEqualTo(new ValueOperand(new BigDecimal("3")));
        CriteriaExpression format = single(c("{&fmtDate(&day,Y)}"), "equals", c("2024"));
        assertThat(((DateFunctionOperand) format.left()).arguments().get(1)).isEqualTo(new ValueOperand("Y"));
    }

    @Test
    void computed_becomeArithmeticDatePartAndCaseThenOperands() {
        String add = "{\"kind\": \"computed\", \"type\": \"add\", \"parameters\": [" + tf("t2", "s2") + ", " + c("{n}") + "]}";
        assertThat(single(add, "more", c("1")).left()).isEqualTo(new ArithmeticOperand(ParameterComputeType.ADD,
                List.of(new ColumnOperand(false, "stats", "amount", definitions.factor("t2", "s2")),
                        new ValueOperand(new BigDecimal("5")))));
        String year = "{\"kind\": \"computed\", \"type\": \"year-of\", \"parameters\": [" + tf("t2", "s4") + "]}";
        assertThat(single(year, "equals", c("2024")).left()).isInstanceOf(DatePartOperand.class);
        String caseThen = "{\"kind\": \"computed\", \"type\": \"case-then\", \"parameters\": ["
                + "{\"kind\": \"constant\", \"value\": \"big\", \"conditional\": true, \"on\": {\"jointType\": \"and\", \"filters\": ["
                + "{\"left\": " + tf("t2", "s2") + ", \"operator\": \"more\", \"right\": " + c("10") + "}]}}, " + c("small") + "]}";
        CaseThenOperand operand = (CaseThenOperand) single(caseThen, "equals", c("big")).left();
        assertThat(operand.routes()).hasSize(1);
        assertThat(operand.otherwise()).isEqualTo(new ValueOperand("small"));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return WatchmenJson.mapper().readValue(json, type);
        } catch (Exception failure) {
            throw new IllegalArgumentException(failure);
        }
    }
}
