package io.watchmen.core.kernel;

import static io.watchmen.core.kernel.Logs.action;
import static io.watchmen.core.kernel.Logs.list;
import static io.watchmen.core.kernel.Logs.stage;
import static io.watchmen.core.kernel.Logs.unit;
import static io.watchmen.core.kernel.WorkedExamplesE1ToE5Test.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.model.monitor.MonitorLogStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec section 6, E6-E10. */
class WorkedExamplesE6ToE10Test {

    private final KernelFixture fixture = new KernelFixture();

    @Test
    void e6_loopUnitOverArray_insertsOneRowPerElementAndLogsEachIteration() {
        fixture.pipelines("""
                {"pipelineId": "p-e6", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [
                   {"unitId": "u1", "name": "u1", "do": [{"actionId": "a1", "type": "copy-to-memory", "variableName": "lines", "source": C("{items}")}]},
                   {"unitId": "u2", "name": "u2", "loopVariableName": "lines", "do": [
                     {"actionId": "a2", "type": "insert-row", "topicId": "tp-item", "mapping": [
                       {"factorId": "oi-1", "source": TF("tp-event","ev-1")},
                       {"factorId": "oi-2", "source": C("{lines.sku}")},
                       {"factorId": "oi-3", "source": C("{lines.qty}")}]}]},
                   {"unitId": "u3", "name": "u3", "do": [{"actionId": "a3", "type": "insert-row", "topicId": "tp-audit", "mapping": [
                       {"factorId": "al-1", "source": C("lines={items.&count};units={items.qty.&sum}")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-7\", \"items\": [{\"sku\": \"A\", \"qty\": 2}, {\"sku\": \"B\", \"qty\": 3}]}");

        List<Map<String, Object>> items = fixture.rows("tp-item");
        assertThat(items).extracting(r -> r.get("sku")).containsExactly("A", "B");
        assertThat(items).extracting(r -> r.get("orderId")).containsExactly("O-7", "O-7");
        assertThat(items).extracting(r -> ((BigDecimal) r.get("qty")).intValue()).containsExactly(2, 3);
        assertThat(fixture.messages()).containsExactly("lines=2;units=5");
        Map<String, Object> log = fixture.log("p-e6");
        List<Map<String, Object>> units = list(stage(log, 0), "units");
        assertThat(units).extracting(u -> u.get("unitId")).containsExactly("u1", "u2", "u2", "u3");
        assertThat(units).extracting(u -> u.get("status")).containsOnly("DONE");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) units.get(1).get("loopVariableValue");
        assertThat(first).containsEntry("sku", "A");
    }

    @Test
    void e6_loopVariableNotAVariable_logsDoneWithoutActions() {
        fixture.pipelines("""
                {"pipelineId": "p-e6b", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [
                   {"unitId": "u2", "name": "u2", "loopVariableName": "items", "do": [
                     {"actionId": "a2", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("x")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-7\", \"items\": [{\"sku\": \"A\", \"qty\": 2}]}");

        assertThat(fixture.messages()).isEmpty();
        Map<String, Object> u2 = unit(fixture.log("p-e6b"), 0, 0);
        assertThat(u2).containsEntry("status", "DONE").containsEntry("prerequisite", null);
        assertThat(list(u2, "actions")).isEmpty();
    }

    private static final String E7 = """
            [{"pipelineId": "p-e7a", "topicId": "tp-event", "type": "insert", "enabled": true,
              "conditional": true,
              "on": {"jointType": "and", "filters": [{"left": TF("tp-event","ev-3"), "operator": "more", "right": C("1000")}]},
              "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("big {orderId}")}]}]}]}]},
             {"pipelineId": "p-e7b", "topicId": "tp-event", "type": "insert", "enabled": true,
              "stages": [{"stageId": "s1", "units": [
                {"unitId": "u1", "name": "u1", "conditional": true,
                 "on": {"jointType": "and", "filters": [{"left": TF("tp-event","ev-2"), "operator": "in", "right": C("C-1,C-2")}]},
                 "do": [{"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("vip {orderId}")}]}]},
                {"unitId": "u2", "name": "u2", "do": [{"actionId": "a2", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("any {orderId}")}]}]}]}]}]
            """;

    @Test
    void e7_falsePrerequisites_skipPipelineAndUnit() {
        fixture.pipelines(E7);
        fixture.insert("{\"orderId\": \"O-8\", \"customerId\": \"C-3\", \"amount\": 100}");

        assertThat(fixture.messages()).containsExactly("any O-8");
        Map<String, Object> a = fixture.log("p-e7a");
        assertThat(a).containsEntry("status", "DONE").containsEntry("prerequisite", false);
        assertThat(list(a, "stages")).isEmpty();
        Map<String, Object> b = fixture.log("p-e7b");
        assertThat(b).containsEntry("status", "DONE");
        assertThat(unit(b, 0, 0)).containsEntry("status", "DONE").containsEntry("prerequisite", false);
        assertThat(list(unit(b, 0, 0), "actions")).isEmpty();
        assertThat(unit(b, 0, 1)).containsEntry("status", "DONE");
        assertThat(action(b, 0, 1, 0)).containsEntry("status", "DONE");
    }

    @Test
    void e7_prerequisiteComparingTwoStrings_throwsAndLogsPipelineError() {
        fixture.pipelines(E7);
        InvocationResult result = fixture.insert("{\"orderId\": \"O-8\", \"customerId\": \"C-3\", \"amount\": \"100\"}");

        Map<String, Object> a = fixture.log("p-e7a");
        assertThat(a).containsEntry("status", "ERROR");
        assertThat((String) a.get("error")).contains("Comparison of [none|int|float|decimal|date|time|datetime]");
        assertThat(list(a, "stages")).isEmpty();
        assertThat(result.runs()).extracting(PipelineRun::status)
                .containsExactly(MonitorLogStatus.ERROR, MonitorLogStatus.DONE);
    }

    @Test
    void e8_cascadingPipelines_runBreadthFirstWithSnapshots() {
        fixture.pipelines("""
                [{"pipelineId": "p-e8-fact", "topicId": "tp-event", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "insert-row", "topicId": "tp-fact", "mapping": [
                      {"factorId": "of-1", "source": TF("tp-event","ev-1")}, {"factorId": "of-2", "source": TF("tp-event","ev-2")},
                      {"factorId": "of-4", "source": C("new")}]},
                    {"actionId": "a2", "type": "write-factor", "topicId": "tp-fact", "factorId": "of-4", "source": C("checked"),
                     "by": {"jointType": "and", "filters": [{"left": TF("tp-fact","of-1"), "operator": "equals", "right": TF("tp-event","ev-1")}]}},
                    {"actionId": "a3", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("1:event {orderId}")}]}]}]}]},
                 {"pipelineId": "p-e8-ins", "topicId": "tp-fact", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "b1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("2:fact inserted {orderId} {status}")}]}]}]}]},
                 {"pipelineId": "p-e8-mrg", "topicId": "tp-fact", "type": "merge", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "c1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("3:fact merged {&old.status}->{status}")}]}]}]}]},
                 {"pipelineId": "p-e8-any", "topicId": "tp-fact", "type": "insert-or-merge", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "d1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("4:fact changed {status}")}]}]}]}]}]
                """);
        InvocationResult result = fixture.insert("{\"orderId\": \"O-5\", \"customerId\": \"C-2\"}");

        assertThat(fixture.rows("tp-fact")).hasSize(1);
        assertThat(fixture.rows("tp-fact").get(0)).containsEntry("orderId", "O-5").containsEntry("customerId", "C-2")
                .containsEntry("amount", null).containsEntry("status", "checked").containsEntry("note", null);
        assertThat(fixture.messages()).containsExactly("1:event O-5", "2:fact inserted O-5 new", "4:fact changed new",
                "3:fact merged new->checked", "4:fact changed checked");
        assertThat(result.runs()).extracting(PipelineRun::pipelineId)
                .containsExactly("p-e8-fact", "p-e8-ins", "p-e8-any", "p-e8-mrg", "p-e8-any");
        assertThat(result.runs()).extracting(PipelineRun::status).containsOnly(MonitorLogStatus.DONE);
    }

    private static final String E9 = """
            [{"pipelineId": "p-e9-cancel", "topicId": "tp-event", "type": "insert", "enabled": true, "conditional": true,
              "on": {"jointType": "and", "filters": [{"left": TF("tp-event","ev-4"), "operator": "equals", "right": C("cancelled")}]},
              "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                {"actionId": "a1", "type": "delete-row", "topicId": "tp-fact",
                 "by": {"jointType": "and", "filters": [{"left": TF("tp-fact","of-1"), "operator": "equals", "right": TF("tp-event","ev-1")}]}}]}]}]},
             {"pipelineId": "p-e9-ondel", "topicId": "tp-fact", "type": "delete", "enabled": true,
              "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                {"actionId": "b1", "type": "insert-row", "topicId": "tp-audit", "mapping": [
                  {"factorId": "al-1", "source": C("deleted {&old.orderId} of {&old.customerId}")}]}]}]}]}]
            """;

    @Test
    void e9_deleteRowAndDeleteTriggeredPipeline_useOld() {
        fixture.data.seed(fixture.topic("tp-fact"), row("orderId", "O-1", "customerId", "C-1",
                "amount", new BigDecimal("120.5"), "status", "new", "note", "n"));
        fixture.data.seed(fixture.topic("tp-fact"), row("orderId", "O-2", "customerId", "C-2",
                "amount", new BigDecimal("80"), "status", "new", "note", "n"));
        fixture.pipelines(E9);

        fixture.insert("{\"orderId\": \"O-1\", \"status\": \"cancelled\"}");

        assertThat(fixture.rows("tp-fact")).extracting(r -> r.get("orderId")).containsExactly("O-2");
        assertThat(fixture.messages()).containsExactly("deleted O-1 of C-1");
        Map<String, Object> cancel = fixture.log("p-e9-cancel");
        assertThat(cancel).containsEntry("status", "DONE");
        assertThat(action(cancel, 0, 0, 0)).containsEntry("deleteCount", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> touched = (List<Map<String, Object>>)
                ((Map<String, Object>) action(cancel, 0, 0, 0).get("touched")).get("data");
        assertThat(touched).extracting(r -> r.get("orderId")).containsExactly("O-1");
        Map<String, Object> ondel = fixture.log("p-e9-ondel");
        assertThat(ondel).containsEntry("status", "DONE").containsEntry("newValue", null);

        fixture.insert("{\"orderId\": \"O-1\", \"status\": \"cancelled\"}");

        assertThat(fixture.rows("tp-fact")).hasSize(1);
        Map<String, Object> again = fixture.log("p-e9-cancel");
        assertThat(again).containsEntry("status", "ERROR");
        assertThat((String) action(again, 0, 0, 0).get("error")).contains("Data not found before do deletion, ");
    }

    @Test
    void e10_failingAction_stopsItsPipelineButNotOthers() {
        fixture.pipelines("""
                [{"pipelineId": "p-e10", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                   {"stageId": "s1", "units": [
                     {"unitId": "u1", "name": "u1", "do": [
                       {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("before")}]},
                       {"actionId": "a2", "type": "merge-row", "topicId": "tp-fact",
                        "by": {"jointType": "and", "filters": [{"left": TF("tp-fact","of-1"), "operator": "equals", "right": TF("tp-event","ev-1")}]},
                        "mapping": [{"factorId": "of-4", "source": C("x")}]},
                       {"actionId": "a3", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("after-in-unit")}]}]},
                     {"unitId": "u2", "name": "u2", "do": [
                       {"actionId": "a4", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("next-unit")}]}]}]},
                   {"stageId": "s2", "units": [{"unitId": "u3", "name": "u3", "do": [
                       {"actionId": "a5", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("next-stage")}]}]}]}]},
                 {"pipelineId": "p-e10-other", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": [
                   {"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                     {"actionId": "b1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("other pipeline")}]}]}]}]}]
                """);
        fixture.insert("{\"orderId\": \"O-404\"}");

        assertThat(fixture.messages()).containsExactly("before", "other pipeline");
        Map<String, Object> log = fixture.log("p-e10");
        assertThat(log).containsEntry("status", "ERROR");
        assertThat(list(log, "stages")).hasSize(1);
        assertThat(stage(log, 0)).containsEntry("status", "ERROR"); // deviation: the reference leaves DONE
        assertThat(list(stage(log, 0), "units")).hasSize(1);
        assertThat(unit(log, 0, 0)).containsEntry("status", "ERROR");
        // deviation: unit logs carry prerequisiteDefinedAs (always null in the reference)
        java.util.Map<String, Object> definedAs = new java.util.HashMap<>();
        definedAs.put("conditional", false);
        definedAs.put("on", null);
        assertThat(unit(log, 0, 0).get("prerequisiteDefinedAs")).isEqualTo(definedAs);
        assertThat(list(unit(log, 0, 0), "actions")).extracting(a -> a.get("status")).containsExactly("DONE", "ERROR");
        assertThat(action(log, 0, 0, 0)).containsEntry("insertCount", 1);
        assertThat(fixture.log("p-e10-other")).containsEntry("status", "DONE");
    }
}
