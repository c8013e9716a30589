package io.watchmen.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.AccumulateMode;
import io.watchmen.core.model.pipeline.Action;
import io.watchmen.core.model.pipeline.AggregateArithmetic;
import io.watchmen.core.model.pipeline.AlarmAction;
import io.watchmen.core.model.pipeline.AlarmSeverity;
import io.watchmen.core.model.pipeline.ConstantParameter;
import io.watchmen.core.model.pipeline.InsertOrMergeRowAction;
import io.watchmen.core.model.pipeline.Parameter;
import io.watchmen.core.model.pipeline.ParameterExpression;
import io.watchmen.core.model.pipeline.ParameterExpressionOperator;
import io.watchmen.core.model.pipeline.ParameterJoint;
import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.model.pipeline.ReadFactorAction;
import io.watchmen.core.model.pipeline.Unit;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private static final ObjectMapper JSON = WatchmenJson.mapper();

    @Test
    void action_unknownType_failsWithReferenceMessage() {
        assertThatThrownBy(() -> JSON.readValue("{\"actionId\": \"a\", \"type\": \"teleport\"}", Action.class))
                .hasMessageContaining("Pipeline action type[teleport] cannot be recognized.");
    }

    @Test
    void parameter_unknownKind_failsWithReferenceMessage() {
        assertThatThrownBy(() -> JSON.readValue("{\"kind\": \"magic\"}", Parameter.class))
                .hasMessageContaining("Parameter kind[magic] cannot be recognized.");
    }

    @Test
    void filter_withJointType_isReadAsNestedJoint_andWithoutIt_asExpression() throws Exception {
        ParameterJoint joint = JSON.readValue("""
                {"jointType": "or", "filters": [
                  {"jointType": "and", "filters": []},
                  {"left": {"kind": "constant", "value": "a"}, "right": {"kind": "constant", "value": "a"}}]}""",
                ParameterJoint.class);
        assertThat(joint.jointType()).isEqualTo(ParameterJointType.OR);
        assertThat(joint.filters().get(0)).isInstanceOf(ParameterJoint.class);
        assertThat(joint.filters().get(1)).isInstanceOf(ParameterExpression.class);
        assertThat(((ParameterExpression) joint.filters().get(1)).operator())
                .isEqualTo(ParameterExpressionOperator.EQUALS);
    }

    @Test
    void filter_withNullJointType_isReadAsExpression() throws Exception {
        ParameterJoint joint = JSON.readValue(
                "{\"filters\": [{\"jointType\": null, \"left\": {\"kind\": \"constant\", \"value\": \"x\"}, \"operator\": \"empty\"}]}",
                ParameterJoint.class);
        assertThat(joint.jointType()).isEqualTo(ParameterJointType.AND);
        assertThat(joint.filters().get(0)).isInstanceOf(ParameterExpression.class);
    }

    @Test
    void missingFields_takeTheReferenceDefaults() throws Exception {
        Topic topic = JSON.readValue("{\"topicId\": \"t\", \"name\": \"n\"}", Topic.class);
        assertThat(topic.type()).isEqualTo(TopicType.DISTINCT);
        assertThat(topic.kind()).isEqualTo(TopicKind.BUSINESS);
        assertThat(topic.factors()).isEmpty();

        InsertOrMergeRowAction write = (InsertOrMergeRowAction) JSON.readValue(
                "{\"actionId\": \"a\", \"type\": \"insert-or-merge-row\", \"mapping\": []}", Action.class);
        assertThat(write.accumulateMode()).isEqualTo(AccumulateMode.STANDARD);

        ReadFactorAction read = (ReadFactorAction) JSON.readValue(
                "{\"actionId\": \"a\", \"type\": \"read-factor\"}", Action.class);
        assertThat(read.arithmetic()).isEqualTo(AggregateArithmetic.NONE);

        AlarmAction alarm = (AlarmAction) JSON.readValue("{\"actionId\": \"a\", \"type\": \"alarm\"}", Action.class);
        assertThat(alarm.severity()).isEqualTo(AlarmSeverity.MEDIUM);
    }

    @Test
    void unit_do_isTheActionList_andWrittenBackAsDo() throws Exception {
        Unit unit = JSON.readValue("{\"unitId\": \"u\", \"name\": \"u\", \"do\": [{\"actionId\": \"a\", "
                + "\"type\": \"copy-to-memory\", \"variableName\": \"v\", \"source\": {\"kind\": \"constant\", \"value\": \"1\"}}]}",
                Unit.class);
        assertThat(unit.actions()).hasSize(1);
        String written = JSON.writeValueAsString(unit);
        assertThat(written).contains("\"do\":[").contains("\"type\":\"copy-to-memory\"");
    }

    @Test
    void writtenParameter_carriesKindConditionalAndOn() throws Exception {
        String written = JSON.writeValueAsString(new ConstantParameter("x", false, null));
        assertThat(JSON.readTree(written).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("kind", "value", "conditional", "on");
    }

    @Test
    void everyPermittedAction_isRegisteredForJson_andNamesItsType() {
        Set<Class<?>> records = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(Arrays.asList(Action.class.getPermittedSubclasses()));
        while (!todo.isEmpty()) {
            Class<?> next = todo.pop();
            if (next.isInterface()) {
                todo.addAll(Arrays.asList(next.getPermittedSubclasses()));
            } else {
                records.add(next);
            }
        }
        Set<Class<?>> registered = Arrays.stream(Action.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value).collect(Collectors.toSet());
        assertThat(records).hasSize(14).isEqualTo(registered);
    }

    @Test
    void factorTypes_areTheFiftyFiveReferenceStrings() {
        assertThat(FactorType.values()).hasSize(55);
        assertThat(FactorType.of("residence-type")).isEqualTo(FactorType.RESIDENCE_TYPE);
        assertThatThrownBy(() -> FactorType.of("colour")).hasMessageContaining("Factor type[colour]");
    }
}
