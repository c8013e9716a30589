package io.watchmen.core.kernel;

import static io.watchmen.core.kernel.Logs.action;
import static io.watchmen.core.kernel.Logs.list;
import static io.watchmen.core.kernel.Logs.stage;
import static io.watchmen.core.kernel.Logs.unit;
import static io.watchmen.core.kernel.WorkedExamplesE1ToE5Test.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stop rules, loops, deviations on logs, delete-rows, avg counters across actions, synonym triggers. */
class RunSemanticsTest {

    private final KernelFixture fixture = new KernelFixture();

    @Test
    void stagePrerequisiteThrowing_failsStageAndPipeline_laterStagesNotLogged() {
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "conditional": true, "on": {"jointType": "and", "filters": [
                     {"left": C("{orderId}"), "operator": "less", "right": C("x")}]}, "units": []},
                  {"stageId": "s2", "units": []}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\"}");
        Map<String, Object> log = fixture.log("p");
        assertThat(log).containsEntry("status", "ERROR");
        assertThat(list(log, "stages")).hasSize(1);
        assertThat(stage(log, 0)).containsEntry("status", "ERROR").containsEntry("prerequisite", true);
        assertThat((String) stage(log, 0).get("error")).contains("Comparison of");
    }

    @Test
    void loopOverNonList_failsTheUnitWithTheReferenceMessage() {
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [
                    {"unitId": "u1", "name": "u1", "do": [{"actionId": "a1", "type": "copy-to-memory", "variableName": "v", "source": C("{orderId}")}]},
                    {"unitId": "u2", "name": "u2", "loopVariableName": "v", "do": []}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\"}");
        Map<String, Object> u2 = unit(fixture.log("p"), 0, 1);
        assertThat(u2).containsEntry("status", "ERROR")
                .containsEntry("error", "Value of loop variable[v] must be a list, current is [O-1].");
    }

    @Test
    void loopIterations_doNotLeakVariables() {
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [
                    {"unitId": "u1", "name": "u1", "do": [{"actionId": "a1", "type": "copy-to-memory", "variableName": "v", "source": C("{items}")}]},
                    {"unitId": "u2", "name": "u2", "loopVariableName": "v", "do": [
                      {"actionId": "a2", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("seen {seen}")}]},
                      {"actionId": "a3", "type": "copy-to-memory", "variableName": "seen", "source": C("{v.sku}")}]},
                    {"unitId": "u3", "name": "u3", "do": [
                      {"actionId": "a4", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("after {seen}")}]}]}]}]}
                """);
        fixture.insert("{\"items\": [{\"sku\": \"A\"}, {\"sku\": \"B\"}]}");
        assertThat(fixture.messages()).containsExactly("seen None", "seen None", "after None");
    }

    @Test
    void loopOverListWithNullElements_runsEachElement() {
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [
                    {"unitId": "u1", "name": "u1", "do": [{"actionId": "a1", "type": "copy-to-memory", "variableName": "v", "source": C("{tags}")}]},
                    {"unitId": "u2", "name": "u2", "loopVariableName": "v", "do": [
                      {"actionId": "a2", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("tag {v}")}]}]}]}]}
                """);
        fixture.insert("{\"tags\": [\"a\", null, \"b\"]}");
        assertThat(fixture.messages()).containsExactly("tag a", "tag None", "tag b");
    }

    @Test
    void unitAndActionWithoutIds_stillRun_deviation() {
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"units": [{"do": [{"type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("ok")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\"}");
        assertThat(fixture.messages()).containsExactly("ok");
        assertThat(fixture.log("p")).containsEntry("status", "DONE");
        assertThat(action(fixture.log("p"), 0, 0, 0)).containsEntry("actionId", null).containsEntry("status", "DONE");
    }

    @Test
    void alarm_evaluatesItsMessageWhenItsPrerequisiteHolds() {
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "alarm", "severity": "high", "message": "late {orderId}"},
                    {"actionId": "a2", "type": "alarm", "message": "never", "conditional": true, "on": {"jointType": "and",
                      "filters": [{"left": C("{orderId}"), "operator": "equals", "right": C("nope")}]}}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\"}");
        Map<String, Object> log = fixture.log("p");
        assertThat(action(log, 0, 0, 0)).containsEntry("touched", Map.of("data", "late O-1"))
                .containsEntry("prerequisite", true);
        assertThat(action(log, 0, 0, 1)).containsEntry("prerequisite", false).containsEntry("touched", null)
                .containsEntry("status", "DONE");
    }

    @Test
    void deleteRows_deletesEachRowAndCascadesEachDelete() {
        fixture.data.seed(fixture.topic("tp-fact"), row("orderId", "O-1", "customerId", "C-1"));
        fixture.data.seed(fixture.topic("tp-fact"), row("orderId", "O-2", "customerId", "C-1"));
        fixture.data.seed(fixture.topic("tp-fact"), row("orderId", "O-3", "customerId", "C-2"));
        fixture.pipelines("""
                [{"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "delete-rows", "topicId": "tp-fact", "by": {"jointType": "and", "filters": [
                      {"left": TF("tp-fact","of-2"), "operator": "equals", "right": TF("tp-event","ev-2")}]}}]}]}]},
                 {"pipelineId": "on-delete", "topicId": "tp-fact", "type": "delete", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "b1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("gone {&old.orderId}")}]}]}]}]}]
                """);
        InvocationResult result = fixture.insert("{\"customerId\": \"C-1\"}");
        assertThat(fixture.rows("tp-fact")).extracting(r -> r.get("orderId")).containsExactly("O-3");
        assertThat(fixture.messages()).containsExactly("gone O-1", "gone O-2");
        assertThat(action(fixture.log("p"), 0, 0, 0)).containsEntry("deleteCount", 2);
        assertThat(result.runs()).extracting(PipelineRun::pipelineId).containsExactly("p", "on-delete", "on-delete");
    }

    @Test
    @SuppressWarnings("unchecked")
    void avgCountersOfDifferentActions_areMergedNotReplaced_deviation() {
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "insert-or-merge-row", "topicId": "tp-stats",
                     "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-event","ev-2")}]},
                     "mapping": [{"factorId": "cs-1", "source": TF("tp-event","ev-2")}, {"factorId": "cs-3", "source": TF("tp-event","ev-3"), "arithmetic": "avg"}]},
                    {"actionId": "a2", "type": "merge-row", "topicId": "tp-stats",
                     "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-event","ev-2")}]},
                     "mapping": [{"factorId": "cs-2", "source": TF("tp-event","ev-3"), "arithmetic": "avg"}]}]}]}]}
                """);
        fixture.insert("{\"customerId\": \"C-1\", \"amount\": 10}");
        fixture.insert("{\"customerId\": \"C-1\", \"amount\": 20}");
        Map<String, Object> stats = fixture.rows("tp-stats").get(0);
        assertThat(new BigDecimal(stats.get("avgAmount").toString())).isEqualByComparingTo("15");
        assertThat((Map<String, Object>) stats.get("aggregate_assist_")).containsEntry("avgAmount.avg_count", 2)
                .containsEntry("totalAmount.avg_count", 2);
        assertThat(new BigDecimal(stats.get("totalAmount").toString())).isEqualByComparingTo("15");
    }

    @Test
    void reverseWithoutPrevious_andCountBelowOne_fail() {
        fixture.data.seed(fixture.topic("tp-stats"), row("customerId", "C-1", "orderCount", BigDecimal.ZERO));
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "merge-row", "topicId": "tp-stats", "accumulateMode": "reverse",
                     "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-event","ev-2")}]},
                     "mapping": [{"factorId": "cs-4", "source": TF("tp-event","ev-1"), "arithmetic": "count"}]}]}]}]}
                """);
        fixture.insert("{\"customerId\": \"C-1\"}");
        assertThat((String) action(fixture.log("p"), 0, 0, 0).get("error"))
                .contains("There is no previous trigger data, therefore reverse count cannot be performed here.");
    }

    @Test
    void synonymTopic_acceptsInsertOnly_savesNothing_andRunsPipelinesWithIdMinusOne() {
        Topic fact = fixture.topic("tp-fact");
        fixture.metadata.topics.add(new Topic("tp-syn", "synonym_fact", fact.type(), TopicKind.SYNONYM, "ds-1",
                fact.factors(), null, KernelFixture.TENANT, null, null, null, null, 1L));
        fixture.pipelines("""
                {"pipelineId": "p-syn", "topicId": "tp-syn", "type": "insert", "enabled": true, "stages": [
                  {"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("syn {orderId}")}]}]}]}]}
                """);
        InvocationResult result = fixture.trigger("synonym_fact", PipelineTriggerType.INSERT, "{\"orderId\": \"S-1\"}");
        assertThat(result.internalDataId()).isEqualTo(-1L);
        assertThat(fixture.messages()).containsExactly("syn S-1");
        assertThatThrownBy(() -> fixture.trigger("synonym_fact", PipelineTriggerType.MERGE, "{\"orderId\": \"S-1\"}"))
                .hasMessage("Trigger type[merge] is not supported on synonym.");
        assertThat(List.of(result.runs().get(0).pipelineId())).containsExactly("p-syn");
    }

    @Test
    void disabledOrUntypedPipelines_doNotRun() {
        fixture.pipelines("""
                [{"pipelineId": "off", "topicId": "tp-event", "type": "insert", "enabled": false, "stages": []},
                 {"pipelineId": "untyped", "topicId": "tp-event", "enabled": true, "stages": []},
                 {"pipelineId": "on", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": []}]
                """);
        assertThat(fixture.insert("{\"orderId\": \"O-1\"}").runs()).extracting(PipelineRun::pipelineId)
                .containsExactly("on");
    }
}
