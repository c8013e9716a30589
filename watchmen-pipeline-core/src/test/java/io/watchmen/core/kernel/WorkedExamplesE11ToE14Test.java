package io.watchmen.core.kernel;

import static io.watchmen.core.kernel.Logs.action;
import static io.watchmen.core.kernel.Logs.list;
import static io.watchmen.core.kernel.WorkedExamplesE1ToE5Test.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec section 6, E11-E14. */
class WorkedExamplesE11ToE14Test {

    private final KernelFixture fixture = new KernelFixture();

    @Test
    void e11_readFactorAggregatesExistsReadRowsAndComputedAdd() {
        for (Object[] values : new Object[][]{{"O-1", "C-1", 120}, {"O-2", "C-1", 30}, {"O-3", "C-2", 999}}) {
            fixture.data.seed(fixture.topic("tp-fact"), row("orderId", values[0], "customerId", values[1],
                    "amount", new BigDecimal(values[2].toString()), "status", "new", "note", null));
        }
        String byc = "{\"jointType\": \"and\", \"filters\": [{\"left\": TF(\"tp-fact\",\"of-2\"), \"operator\": \"equals\", "
                + "\"right\": TF(\"tp-event\",\"ev-2\")}]}";
        fixture.pipelines("""
                {"pipelineId": "p-e11", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "read-factor", "topicId": "tp-fact", "factorId": "of-3", "arithmetic": "sum", "variableName": "total", "by": BYC},
                   {"actionId": "a2", "type": "read-factor", "topicId": "tp-fact", "factorId": "of-3", "arithmetic": "count", "variableName": "cnt", "by": BYC},
                   {"actionId": "a3", "type": "exists", "topicId": "tp-fact", "variableName": "hasBig",
                    "by": {"jointType": "and", "filters": [
                      {"left": TF("tp-fact","of-2"), "operator": "equals", "right": TF("tp-event","ev-2")},
                      {"left": TF("tp-fact","of-3"), "operator": "more-equals", "right": C("100")}]}},
                   {"actionId": "a4", "type": "read-rows", "topicId": "tp-fact", "variableName": "rows", "by": BYC},
                   {"actionId": "a5", "type": "insert-row", "topicId": "tp-audit", "mapping": [
                     {"factorId": "al-1", "source": C("cnt={cnt};rows={rows.&count};ids={rows.orderId.&join};big={hasBig}")}]},
                   {"actionId": "a6", "type": "insert-row", "topicId": "tp-stats", "mapping": [
                     {"factorId": "cs-1", "source": TF("tp-event","ev-2")},
                     {"factorId": "cs-2", "source": {"kind": "computed", "type": "add", "parameters": [C("{total}"), TF("tp-event","ev-3")]}},
                     {"factorId": "cs-4", "source": C("{cnt}")}]}]}]}]}
                """.replace("BYC", byc));
        fixture.insert("{\"orderId\": \"Q\", \"customerId\": \"C-1\", \"amount\": 5}");

        assertThat(fixture.messages()).containsExactly("cnt=2;rows=2;ids=O-1,O-2;big=True");
        Map<String, Object> stats = fixture.rows("tp-stats").get(0);
        assertThat(stats).containsEntry("customerId", "C-1").containsEntry("avgAmount", null)
                .containsEntry("lastOrderId", null).containsEntry("version_", 1L);
        assertThat(new BigDecimal(stats.get("totalAmount").toString())).isEqualByComparingTo("155");
        assertThat(new BigDecimal(stats.get("orderCount").toString())).isEqualByComparingTo("2");
        Map<String, Object> log = fixture.log("p-e11");
        assertThat(log).containsEntry("status", "DONE");
        assertThat(list(Logs.unit(log, 0, 0), "actions")).extracting(a -> a.get("status")).containsOnly("DONE");
        assertThat(action(log, 0, 0, 2)).containsEntry("touched", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> second = list((Map<String, Object>) action(log, 0, 0, 2).get("findBy"), "children").get(1);
        assertThat(second).containsEntry("operator", "greater-than-or-equals");
        assertThat(second.get("right")).isInstanceOf(Number.class);
        assertThat(new BigDecimal(second.get("right").toString())).isEqualByComparingTo("100");
    }

    @Test
    void e12_triggerTypesChoosePipelines_andMergeReplacesTheRow() {
        for (String[] p : new String[][]{{"pi", "insert"}, {"pm", "merge"}, {"pim", "insert-or-merge"}, {"pd", "delete"}}) {
            fixture.pipelines("""
                    {"pipelineId": "ID", "topicId": "tp-fact", "type": "TYPE", "enabled": true,
                     "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                       {"actionId": "x", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("ID")}]}]}]}]}
                    """.replace("ID", p[0]).replace("TYPE", p[1]));
        }
        long x = fixture.trigger("order_fact", PipelineTriggerType.INSERT,
                "{\"orderId\": \"O-1\", \"customerId\": \"C-1\", \"status\": \"a\"}").internalDataId();
        assertThat(fixture.messages()).containsExactly("pi", "pim");

        fixture.trigger("order_fact", PipelineTriggerType.INSERT_OR_MERGE,
                "{\"id_\": " + x + ", \"orderId\": \"O-1\", \"status\": \"b\"}");
        assertThat(fixture.messages()).containsExactly("pi", "pim", "pm", "pim");
        assertThat(fixture.rows("tp-fact").get(0)).containsEntry("status", "b").containsEntry("customerId", null);

        fixture.trigger("order_fact", PipelineTriggerType.INSERT_OR_MERGE, "{\"orderId\": \"O-2\", \"status\": \"c\"}");
        assertThat(fixture.messages()).endsWith("pi", "pim");
        assertThat(fixture.rows("tp-fact")).extracting(r -> r.get("orderId")).containsExactly("O-1", "O-2");

        fixture.trigger("order_fact", PipelineTriggerType.DELETE, "{\"id_\": " + x + "}");
        assertThat(fixture.messages()).hasSize(7).endsWith("pd");
        assertThat(fixture.rows("tp-fact")).extracting(r -> r.get("orderId")).containsExactly("O-2");
    }

    @Test
    void e12_mergeWithoutId_failsTheRequestAndRunsNothing() {
        fixture.pipelines("""
                {"pipelineId": "pm", "topicId": "tp-fact", "type": "merge", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "x", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("pm")}]}]}]}]}
                """);
        assertThatThrownBy(() -> fixture.trigger("order_fact", PipelineTriggerType.MERGE, "{\"orderId\": \"O-1\"}"))
                .isInstanceOf(WatchmenException.class).hasMessageContaining("Id not found from data[");
        assertThat(fixture.messages()).isEmpty();
    }

    @Test
    void e13_multiplyCaseThenDateAndPathFunctions() {
        fixture.pipelines("""
                {"pipelineId": "p-e13", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "insert-row", "topicId": "tp-fact", "mapping": [
                     {"factorId": "of-1", "source": TF("tp-event","ev-1")},
                     {"factorId": "of-3", "source": {"kind": "computed", "type": "multiply", "parameters": [TF("tp-event","ev-3"), C("2")]}},
                     {"factorId": "of-4", "source": {"kind": "computed", "type": "case-then", "parameters": [
                        {"kind": "constant", "value": "large", "conditional": true,
                         "on": {"jointType": "and", "filters": [{"left": TF("tp-event","ev-3"), "operator": "more", "right": C("100")}]}},
                        {"kind": "constant", "value": "medium", "conditional": true,
                         "on": {"jointType": "and", "filters": [{"left": TF("tp-event","ev-3"), "operator": "more", "right": C("10")}]}},
                        {"kind": "constant", "value": "small"}]}},
                     {"factorId": "of-5", "source": C("{&fmtDate(orderDate,Y/M/D)}|len={orderId.&length}|d={&dayDiff(2024-03-20,orderDate)}|m={&monthDiff(2024-06-14,orderDate)}")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"ORD-77\", \"amount\": 60, \"orderDate\": \"2024-03-15\"}");

        Map<String, Object> fact = fixture.rows("tp-fact").get(0);
        assertThat(fact).containsEntry("orderId", "ORD-77").containsEntry("customerId", null)
                .containsEntry("status", "medium").containsEntry("note", "2024/03/15|len=6|d=5|m=2");
        assertThat(new BigDecimal(fact.get("amount").toString())).isEqualByComparingTo("120");
        assertThat(fixture.log("p-e13")).containsEntry("status", "DONE");
    }

    @Test
    void e13_spacedDateFunctionArguments_areTrimmed() {
        fixture.pipelines("""
                {"pipelineId": "p-e13b", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [
                     {"factorId": "al-1", "source": C("{&fmtDate(orderDate, Y/M/D)}|{&dayDiff(orderDate, &now)}")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"ORD-77\", \"orderDate\": \"2024-03-15\"}");

        // deviation: the reference yields " 2024/03/15" and fails on " &now"; the fixture clock is 2024-03-20
        assertThat(fixture.messages()).containsExactly("2024/03/15|-5");
    }

    @Test
    void e14_mergeRowAggregates_andReverseOnDelete() {
        fixture.data.seed(fixture.topic("tp-stats"), row("customerId", "C-1", "totalAmount", new BigDecimal("150"),
                "avgAmount", new BigDecimal("75"), "orderCount", new BigDecimal("2"), "lastOrderId", "O-2"));
        Map<String, Object> seeded = fixture.rows("tp-stats").get(0);
        seeded.put("version_", 3L);
        seeded.put("aggregate_assist_", new java.util.LinkedHashMap<>(Map.of("avgAmount.avg_count", 2)));
        String map = """
                [{"factorId": "cs-2", "source": TF("tp-fact","of-3"), "arithmetic": "sum"},
                 {"factorId": "cs-3", "source": TF("tp-fact","of-3"), "arithmetic": "avg"},
                 {"factorId": "cs-4", "source": TF("tp-fact","of-1"), "arithmetic": "count"}]""";
        fixture.pipelines("""
                [{"pipelineId": "p-e14-add", "topicId": "tp-fact", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "merge-row", "topicId": "tp-stats", "mapping": MAP,
                     "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-fact","of-2")}]}}]}]}]},
                 {"pipelineId": "p-e14-sub", "topicId": "tp-fact", "type": "delete", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "b1", "type": "merge-row", "topicId": "tp-stats", "accumulateMode": "reverse", "mapping": MAP,
                     "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": C("{&old.customerId}")}]}}]}]}]}]
                """.replace("MAP", map));

        long y = fixture.trigger("order_fact", PipelineTriggerType.INSERT,
                "{\"orderId\": \"O-3\", \"customerId\": \"C-1\", \"amount\": 30}").internalDataId();
        assertStats("180", "60", "3", 4L, 3);

        InvocationResult deleted = fixture.trigger("order_fact", PipelineTriggerType.DELETE, "{\"id_\": " + y + "}");
        assertStats("150", "75", "2", 5L, 2);
        assertThat(deleted.runs()).extracting(PipelineRun::status).containsExactly(MonitorLogStatus.DONE);
        assertThat(fixture.rows("tp-fact")).isEmpty();
        assertThat(fixture.log("p-e14-add")).containsEntry("status", "DONE");
        assertThat(fixture.log("p-e14-sub")).containsEntry("status", "DONE");
    }

    @SuppressWarnings("unchecked")
    private void assertStats(String total, String avg, String count, long version, int avgCount) {
        Map<String, Object> stats = fixture.rows("tp-stats").get(0);
        assertThat(new BigDecimal(stats.get("totalAmount").toString())).isEqualByComparingTo(total);
        assertThat(new BigDecimal(stats.get("avgAmount").toString())).isEqualByComparingTo(avg);
        assertThat(new BigDecimal(stats.get("orderCount").toString())).isEqualByComparingTo(count);
        assertThat(stats).containsEntry("lastOrderId", "O-2").containsEntry("version_", version);
        assertThat(((Map<String, Object>) stats.get("aggregate_assist_")).get("avgAmount.avg_count")).isEqualTo(avgCount);
    }

    @Test
    void entry_superAdminWithoutTenant_isRejected() {
        io.watchmen.core.auth.Principal superAdmin = new io.watchmen.core.auth.Principal("u0", "root", "SYS",
                io.watchmen.core.model.system.UserRole.SUPER_ADMIN);
        PipelineKernel kernel = fixture.kernel();
        assertThatThrownBy(() -> kernel.tryToInvokePipelines(new io.watchmen.core.model.pipeline.PipelineTriggerData(
                "order_event", new java.util.HashMap<>(Map.of("orderId", "O")), null, null), "t", superAdmin, null))
                .isInstanceOf(WatchmenException.class).hasMessage("No tenant appointed.")
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.TENANT_INVALID);
        assertThatThrownBy(() -> kernel.tryToInvokePipelines(new io.watchmen.core.model.pipeline.PipelineTriggerData(
                "order_event", new java.util.HashMap<>(Map.of("orderId", "O")), null, "T9"), "t", superAdmin, null))
                .hasMessage("Tenant[T9] not exists.");
        InvocationResult asAdmin = kernel.tryToInvokePipelines(new io.watchmen.core.model.pipeline.PipelineTriggerData(
                "order_event", new java.util.HashMap<>(Map.of("orderId", "O")), null, "T1"), "t", superAdmin, null);
        assertThat(asAdmin.internalDataId()).isPositive();
    }

    @Test
    void entry_adminNamingAnotherTenantOrUnknownTopic_isRejected() {
        PipelineKernel kernel = fixture.kernel();
        assertThatThrownBy(() -> kernel.tryToInvokePipelines(new io.watchmen.core.model.pipeline.PipelineTriggerData(
                "order_event", new java.util.HashMap<>(Map.of("orderId", "O")), null, "T2"), "t", fixture.principal, null))
                .hasMessage("Tenant[T2] does not match principal.");
        assertThatThrownBy(() -> kernel.tryToInvokePipelines(new io.watchmen.core.model.pipeline.PipelineTriggerData(
                "nope", new java.util.HashMap<>(Map.of("orderId", "O")), null, null), "t", fixture.principal, null))
                .hasMessage("Topic schema[name=nope, tenant=T1] not found.")
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.TOPIC_NOT_FOUND);
        assertThatThrownBy(() -> kernel.tryToInvokePipelines(new io.watchmen.core.model.pipeline.PipelineTriggerData(
                "order_event", null, null, null), "t", fixture.principal, null))
                .hasMessage("Trigger data is null.");
    }
}
