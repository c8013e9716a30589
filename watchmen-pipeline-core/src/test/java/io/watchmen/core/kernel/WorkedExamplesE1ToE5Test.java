package io.watchmen.core.kernel;

import static io.watchmen.core.kernel.Logs.action;
import static io.watchmen.core.kernel.Logs.list;
import static io.watchmen.core.kernel.Logs.stage;
import static io.watchmen.core.kernel.Logs.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.model.monitor.MonitorLogStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec section 6, E1-E5, on in-memory storage (statuses corrected where the kernel deviates: stage ERROR). */
class WorkedExamplesE1ToE5Test {

    private final KernelFixture fixture = new KernelFixture();

    @Test
    void e1_insertRowWithTemplate_writesFactAndLogsDone() {
        fixture.pipelines("""
                {"pipelineId": "p-e1", "topicId": "tp-event", "name": "p-e1", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "name": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "insert-row", "topicId": "tp-fact", "mapping": [
                     {"factorId": "of-1", "source": {"kind": "topic", "topicId": "tp-event", "factorId": "ev-1"}},
                     {"factorId": "of-2", "source": {"kind": "topic", "topicId": "tp-event", "factorId": "ev-2"}},
                     {"factorId": "of-3", "source": {"kind": "topic", "topicId": "tp-event", "factorId": "ev-3"}},
                     {"factorId": "of-4", "source": {"kind": "constant", "value": "new"}},
                     {"factorId": "of-5", "source": {"kind": "constant", "value": "order {orderId} by {customerId}"}}]}]}]}]}
                """);
        InvocationResult result = fixture.insert("{\"orderId\": \"O-1\", \"customerId\": \"C-1\", \"amount\": 120.5}");

        assertThat(result.runs()).extracting(PipelineRun::status).containsExactly(MonitorLogStatus.DONE);
        Map<String, Object> fact = fixture.rows("tp-fact").get(0);
        assertThat(fact).containsEntry("orderId", "O-1").containsEntry("customerId", "C-1")
                .containsEntry("status", "new").containsEntry("note", "order O-1 by C-1");
        assertThat((BigDecimal) fact.get("amount")).isEqualByComparingTo("120.5");
        Map<String, Object> log = fixture.log("p-e1");
        assertThat(log).containsEntry("status", "DONE").containsEntry("prerequisite", true);
        assertThat(stage(log, 0)).containsEntry("status", "DONE");
        assertThat(unit(log, 0, 0)).containsEntry("status", "DONE");
        assertThat(action(log, 0, 0, 0)).containsEntry("status", "DONE").containsEntry("insertCount", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) fixture.rows("tp-event").get(0).get("data_");
        assertThat(stored).containsEntry("orderId", "O-1").containsKey("aid_me");
        assertThat(result.internalDataId()).isEqualTo(fixture.rows("tp-event").get(0).get("id_"));
    }

    private static final String E2 = """
            {"pipelineId": "p-e2", "topicId": "tp-event", "type": "insert", "enabled": true,
             "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
               {"actionId": "a1", "type": "merge-row", "topicId": "tp-stats",
                "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-event","ev-2")}]},
                "mapping": [
                  {"factorId": "cs-2", "source": TF("tp-event","ev-3"), "arithmetic": "sum"},
                  {"factorId": "cs-5", "source": TF("tp-event","ev-1")}]}]}]}]}
            """;

    @Test
    void e2_mergeRowWithSum_addsToExistingRow() {
        fixture.data.seed(fixture.topic("tp-stats"), row("customerId", "C-1", "totalAmount", 100, "lastOrderId", "O-0"));
        fixture.pipelines(E2);

        fixture.insert("{\"orderId\": \"O-2\", \"customerId\": \"C-1\", \"amount\": 50}");

        Map<String, Object> stats = fixture.rows("tp-stats").get(0);
        assertThat((BigDecimal) stats.get("totalAmount")).isEqualByComparingTo("150");
        assertThat(stats).containsEntry("lastOrderId", "O-2").containsEntry("version_", 2L)
                .containsEntry("avgAmount", null).containsEntry("orderCount", null);
        assertThat(action(fixture.log("p-e2"), 0, 0, 0)).containsEntry("status", "DONE").containsEntry("updateCount", 1);
    }

    @Test
    void e2_mergeRowFindingNothing_failsActionUnitStageAndPipeline() {
        fixture.data.seed(fixture.topic("tp-stats"), row("customerId", "C-1", "totalAmount", 100, "lastOrderId", "O-0"));
        fixture.pipelines(E2);

        InvocationResult result = fixture.insert("{\"orderId\": \"O-3\", \"customerId\": \"C-9\", \"amount\": 70}");

        assertThat(fixture.rows("tp-stats")).hasSize(1);
        assertThat(new BigDecimal(fixture.rows("tp-stats").get(0).get("totalAmount").toString())).isEqualByComparingTo("100");
        Map<String, Object> log = fixture.log("p-e2");
        assertThat(log).containsEntry("status", "ERROR");
        assertThat(stage(log, 0)).containsEntry("status", "ERROR"); // deviation: the reference leaves DONE
        assertThat(unit(log, 0, 0)).containsEntry("status", "ERROR");
        Map<String, Object> a1 = action(log, 0, 0, 0);
        assertThat((String) a1.get("error")).contains("Data not found, on topic[id=tp-stats, name=customer_stats], by [");
        assertThat(result.runs().get(0).error()).contains("Data not found");
        @SuppressWarnings("unchecked")
        Map<String, Object> findBy = (Map<String, Object>) a1.get("findBy");
        assertThat(findBy).containsEntry("conjunction", "and");
        Map<String, Object> expression = list(findBy, "children").get(0);
        assertThat(expression).containsEntry("operator", "equals").containsEntry("right", "C-9");
        assertThat(expression.get("left")).isEqualTo(Map.of("synonym", false, "entityName", "customer_stats",
                "columnName", "customerid"));
    }

    @Test
    void e3_insertOrMergeRowWithSumAvgCount_accumulatesAndCorrectsOnMerge() {
        fixture.pipelines("""
                {"pipelineId": "p-e3", "topicId": "tp-event", "type": "insert-or-merge", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "insert-or-merge-row", "topicId": "tp-stats",
                    "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-event","ev-2")}]},
                    "mapping": [
                      {"factorId": "cs-1", "source": TF("tp-event","ev-2")},
                      {"factorId": "cs-2", "source": TF("tp-event","ev-3"), "arithmetic": "sum"},
                      {"factorId": "cs-3", "source": TF("tp-event","ev-3"), "arithmetic": "avg"},
                      {"factorId": "cs-4", "source": TF("tp-event","ev-1"), "arithmetic": "count"},
                      {"factorId": "cs-5", "source": TF("tp-event","ev-1")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\", \"customerId\": \"C-1\", \"amount\": 100}");
        assertStats("100", "100", "1", "O-1", 1L, 1);
        fixture.insert("{\"orderId\": \"O-2\", \"customerId\": \"C-1\", \"amount\": 50}");
        assertStats("150", "75", "2", "O-2", 2L, 2);
        InvocationResult third = fixture.insert("{\"orderId\": \"O-3\", \"customerId\": \"C-1\", \"amount\": 30}");
        assertStats("180", "60", "3", "O-3", 3L, 3);
        fixture.trigger("order_event", io.watchmen.core.model.pipeline.PipelineTriggerType.INSERT_OR_MERGE,
                "{\"id_\": " + third.internalDataId() + ", \"orderId\": \"O-3\", \"customerId\": \"C-1\", \"amount\": 90}");
        assertStats("240", "80", "3", "O-3", 4L, 3);

        List<Map<String, Object>> logs = fixture.logs();
        assertThat(logs).extracting(l -> l.get("status")).containsExactly("DONE", "DONE", "DONE", "DONE");
        assertThat(action(logs.get(0), 0, 0, 0)).containsEntry("insertCount", 1);
        assertThat(action(logs.get(3), 0, 0, 0)).containsEntry("updateCount", 1);
    }

    @SuppressWarnings("unchecked")
    private void assertStats(String total, String avg, String count, String last, long version, int avgCount) {
        assertThat(fixture.rows("tp-stats")).hasSize(1);
        Map<String, Object> stats = fixture.rows("tp-stats").get(0);
        assertThat(stats).containsEntry("customerId", "C-1").containsEntry("lastOrderId", last)
                .containsEntry("version_", version);
        assertThat(new BigDecimal(stats.get("totalAmount").toString())).isEqualByComparingTo(total);
        assertThat(new BigDecimal(stats.get("avgAmount").toString())).isEqualByComparingTo(avg);
        assertThat(new BigDecimal(stats.get("orderCount").toString())).isEqualByComparingTo(count);
        assertThat(((Map<String, Object>) stats.get("aggregate_assist_")).get("avgAmount.avg_count"))
                .isEqualTo(avgCount);
    }

    @Test
    void e4_writeFactor_updatesOneFactorAndKeepsOthers() {
        fixture.data.seed(fixture.topic("tp-fact"), row("orderId", "O-1", "customerId", "C-1",
                "amount", new BigDecimal("120.5"), "status", "new", "note", "n"));
        fixture.pipelines("""
                {"pipelineId": "p-e4", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "write-factor", "topicId": "tp-fact", "factorId": "of-4", "source": C("{status}"),
                    "by": {"jointType": "and", "filters": [{"left": TF("tp-fact","of-1"), "operator": "equals", "right": TF("tp-event","ev-1")}]}}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\", \"status\": \"shipped\"}");

        Map<String, Object> fact = fixture.rows("tp-fact").get(0);
        assertThat(fact).containsEntry("status", "shipped").containsEntry("customerId", "C-1")
                .containsEntry("note", "n");
        Map<String, Object> a1 = action(fixture.log("p-e4"), 0, 0, 0);
        assertThat(a1).containsEntry("status", "DONE").containsEntry("updateCount", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> touched = (Map<String, Object>) ((Map<String, Object>) a1.get("touched")).get("data");
        assertThat(touched).containsEntry("status", "shipped").containsEntry("note", "n").containsKey("id_");
    }

    private static final String E5 = """
            {"pipelineId": "p-e5", "topicId": "tp-event", "type": "insert", "enabled": true,
             "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
               {"actionId": "a1", "type": "read-row", "topicId": "tp-fact", "variableName": "fact",
                "by": {"jointType": "and", "filters": [{"left": TF("tp-fact","of-1"), "operator": "equals", "right": C("{orderId}")}]}},
               {"actionId": "a2", "type": "insert-row", "topicId": "tp-audit", "mapping": [
                 {"factorId": "al-1", "source": C("{fact.customerId}:{fact.status}:{status}")}]}]}]}]}
            """;

    @Test
    void e5_readRowIntoVariable_isUsedByTheNextAction() {
        fixture.data.seed(fixture.topic("tp-fact"), row("orderId", "O-1", "customerId", "C-1",
                "amount", new BigDecimal("120.5"), "status", "new", "note", "n"));
        fixture.pipelines(E5);
        fixture.insert("{\"orderId\": \"O-1\", \"status\": \"paid\"}");

        assertThat(fixture.messages()).containsExactly("C-1:new:paid");
        Map<String, Object> log = fixture.log("p-e5");
        assertThat(log).containsEntry("status", "DONE");
        @SuppressWarnings("unchecked")
        List<Object> touched = (List<Object>) ((Map<String, Object>) action(log, 0, 0, 0).get("touched")).get("data");
        assertThat(touched).hasSize(1);
        assertThat(action(log, 0, 0, 1)).containsEntry("status", "DONE");
    }

    @Test
    void e5_readRowFindingNothing_stopsTheUnit() {
        fixture.data.seed(fixture.topic("tp-fact"), row("orderId", "O-1", "status", "new"));
        fixture.pipelines(E5);
        fixture.insert("{\"orderId\": \"O-404\", \"status\": \"paid\"}");

        assertThat(fixture.messages()).isEmpty();
        Map<String, Object> log = fixture.log("p-e5");
        assertThat(log).containsEntry("status", "ERROR");
        assertThat(unit(log, 0, 0)).containsEntry("status", "ERROR");
        assertThat(list(unit(log, 0, 0), "actions")).hasSize(1);
        assertThat((String) action(log, 0, 0, 0).get("error")).contains("Data not found, ");
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }
}
