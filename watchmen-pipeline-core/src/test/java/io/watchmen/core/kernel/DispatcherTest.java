package io.watchmen.core.kernel;

import static io.watchmen.core.kernel.Logs.action;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.config.Settings;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.topic.Topic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dispatcher extensions: cascade limit, compile errors, monitor-log storing rules, retries, external writers. */
class DispatcherTest {

    private final KernelFixture fixture = new KernelFixture();

    private static final String LOOP = """
            [{"pipelineId": "p-ab", "topicId": "tp-audit", "type": "insert", "enabled": true,
              "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                {"actionId": "a1", "type": "insert-row", "topicId": "tp-item", "mapping": [{"factorId": "oi-1", "source": C("{message}")}]}]}]}]},
             {"pipelineId": "p-ba", "topicId": "tp-item", "type": "insert", "enabled": true,
              "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                {"actionId": "b1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("{orderId}")}]}]}]}]}]
            """;

    private Settings withCascadeLimit(int limit) {
        Settings.Pipelines p = fixture.settings.pipelines();
        return fixture.settings.withPipelines(new Settings.Pipelines(p.updateRetry(), p.updateRetryTimes(),
                p.updateRetryInterval(), p.updateRetryForce(), p.decryptFactorValue(),
                p.standardExternalWriterTimeout(), p.errorHandleMonitorLogOnly(), limit));
    }

    @Test
    void cascadeLoop_twoPipelinesWritingEachOther_stopsAtTheLimitWithAnErrorLog() {
        fixture.withSettings(withCascadeLimit(5)).pipelines(LOOP);

        InvocationResult result = fixture.trigger("audit_log", io.watchmen.core.model.pipeline.PipelineTriggerType.INSERT,
                "{\"message\": \"ping\"}");

        // generations 0..5 run, generation 6 is refused
        assertThat(result.runs()).hasSize(7);
        assertThat(result.runs().subList(0, 6)).extracting(PipelineRun::status).containsOnly(MonitorLogStatus.DONE);
        PipelineRun refused = result.runs().get(6);
        assertThat(refused.status()).isEqualTo(MonitorLogStatus.ERROR);
        assertThat(refused.error()).startsWith("Cascade limit[5] exceeded on pipeline[id=p-ab");
        assertThat(fixture.logs().get(fixture.logs().size() - 1)).containsEntry("status", "ERROR")
                .containsEntry("pipelineId", "p-ab");
        assertThat(fixture.rows("tp-audit")).hasSize(4);
        assertThat(fixture.rows("tp-item")).hasSize(3);
    }

    @Test
    void compileError_logsThePipelineErrorAndTheQueueContinues() {
        fixture.pipelines("""
                [{"pipelineId": "p-bad", "topicId": "tp-event", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "read-row", "topicId": "tp-fact",
                     "by": {"jointType": "and", "filters": [{"left": TF("tp-fact","of-1"), "operator": "equals", "right": C("x")}]}}]}]}]},
                 {"pipelineId": "p-good", "topicId": "tp-event", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("ok")}]}]}]}]}]
                """);
        InvocationResult result = fixture.insert("{\"orderId\": \"O-1\"}");

        assertThat(result.runs()).extracting(PipelineRun::status).containsExactly(MonitorLogStatus.ERROR,
                MonitorLogStatus.DONE);
        assertThat(result.runs().get(0).error()).contains("Variable not declared in read action.");
        assertThat(fixture.log("p-bad")).containsEntry("status", "ERROR");
        assertThat(fixture.messages()).containsExactly("ok");
    }

    @Test
    void unknownFactor_isACompileError() {
        fixture.pipelines("""
                {"pipelineId": "p-bad", "topicId": "tp-event", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "zz", "source": C("ok")}]}]}]}]}
                """);
        InvocationResult result = fixture.insert("{\"orderId\": \"O-1\"}");
        assertThat(result.runs().get(0).error()).contains("Factor[id=zz] in topic[id=tp-audit, name=audit_log] not found.");
    }

    @Test
    void errorOnlyMonitorLogSetting_storesOnlyErrorLogs() {
        Settings.Pipelines p = fixture.settings.pipelines();
        fixture.withSettings(fixture.settings.withPipelines(new Settings.Pipelines(p.updateRetry(),
                p.updateRetryTimes(), p.updateRetryInterval(), p.updateRetryForce(), p.decryptFactorValue(),
                p.standardExternalWriterTimeout(), true, p.cascadeLimit())));
        fixture.pipelines("""
                [{"pipelineId": "p-ok", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": []},
                 {"pipelineId": "p-ko", "topicId": "tp-event", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "copy-to-memory", "variableName": "v", "source": C("{missing.x.&count}")}]}]}]}]
                """);
        fixture.insert("{\"orderId\": \"O-1\", \"missing\": \"text\"}");

        assertThat(fixture.logs()).extracting(l -> l.get("pipelineId")).containsExactly("p-ko");
    }

    @Test
    void missingMonitorLogTopic_isToleratedAndPipelinesStillRun() {
        fixture.metadata.topics.removeIf(Topic::isSystem);
        fixture.pipelines("""
                {"pipelineId": "p-ok", "topicId": "tp-event", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("ok")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\"}");
        fixture.insert("{\"orderId\": \"O-2\"}");
        assertThat(fixture.messages()).containsExactly("ok", "ok");
    }

    @Test
    void versionConflict_isRetriedWithTheRowReadAgain() {
        fixture.data.seed(fixture.topic("tp-stats"), WorkedExamplesE1ToE5Test.row("customerId", "C-1",
                "totalAmount", new java.math.BigDecimal("100")));
        // more than the first try, the re-read under the row lock and the 3 retries: the forced last try updates
        // without version
        fixture.data.versionConflicts = 6;
        fixture.pipelines("""
                {"pipelineId": "p-sum", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "merge-row", "topicId": "tp-stats",
                    "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-event","ev-2")}]},
                    "mapping": [{"factorId": "cs-2", "source": TF("tp-event","ev-3"), "arithmetic": "sum"}]}]}]}]}
                """);
        fixture.insert("{\"customerId\": \"C-1\", \"amount\": 5}");

        assertThat(fixture.log("p-sum")).containsEntry("status", "DONE");
        assertThat(new java.math.BigDecimal(fixture.rows("tp-stats").get(0).get("totalAmount").toString()))
                .isEqualByComparingTo("105");
        assertThat(fixture.data.versionConflicts).isEqualTo(1);
    }

    @Test
    void versionConflictOnce_isMergedIntoTheRowReadUnderItsLock() {
        fixture.data.seed(fixture.topic("tp-stats"), WorkedExamplesE1ToE5Test.row("customerId", "C-1",
                "totalAmount", new java.math.BigDecimal("100")));
        fixture.data.versionConflicts = 1; // a concurrent writer committed between the find and the update
        fixture.pipelines("""
                {"pipelineId": "p-sum", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "merge-row", "topicId": "tp-stats",
                    "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-event","ev-2")}]},
                    "mapping": [{"factorId": "cs-2", "source": TF("tp-event","ev-3"), "arithmetic": "sum"}]}]}]}]}
                """);
        fixture.insert("{\"customerId\": \"C-1\", \"amount\": 5}");

        assertThat(fixture.log("p-sum")).containsEntry("status", "DONE");
        assertThat(new java.math.BigDecimal(fixture.rows("tp-stats").get(0).get("totalAmount").toString()))
                .isEqualByComparingTo("105");
        assertThat(fixture.data.versionConflicts).isZero();
        assertThat(fixture.data.locks).isEqualTo(1);
    }

    @Test
    void insertOrMergeRow_duplicateKeyOnInsert_restartsAndUpdatesTheConcurrentRow() {
        fixture.data.uniqueKeys.put("tp-fact", List.of("orderId"));
        fixture.data.seed(fixture.topic("tp-fact"), WorkedExamplesE1ToE5Test.row("orderId", "O-1", "status", "old"));
        fixture.data.hiddenFinds = 1;
        fixture.pipelines("""
                {"pipelineId": "p-upsert", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "insert-or-merge-row", "topicId": "tp-fact",
                    "by": {"jointType": "and", "filters": [{"left": TF("tp-fact","of-1"), "operator": "equals", "right": C("{orderId}")}]},
                    "mapping": [{"factorId": "of-1", "source": TF("tp-event","ev-1")}, {"factorId": "of-4", "source": C("new")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\"}");

        Map<String, Object> a1 = action(fixture.log("p-upsert"), 0, 0, 0);
        assertThat(a1).containsEntry("status", "DONE").containsEntry("updateCount", 1).containsEntry("insertCount", 0);
        assertThat(fixture.rows("tp-fact")).hasSize(1);
        assertThat(fixture.rows("tp-fact").get(0)).containsEntry("status", "new");
    }

    @Test
    void writeToExternal_registeredWriter_receivesCopiesOfTheData() {
        fixture.metadata.writers.add(new ExternalWriter("w2", "mine", "m", null, "secret", "http://x",
                KernelFixture.TENANT, null, null, null, null, 1L));
        List<ExternalWriteRequest> received = new java.util.ArrayList<>();
        fixture.pipelines("""
                {"pipelineId": "p-ext", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "write-to-external", "externalWriterId": "w2", "eventCode": "evt"}]}]}]}
                """);
        PipelineKernel kernel = new PipelineKernel(fixture.metadata, fixture.data, new io.watchmen.core.schema.SchemaContext(
                io.watchmen.core.value.DateTimeParser.defaults(), fixture.settings.preparation(), fixture.settings.crypto(),
                (t, k) -> java.util.Optional.empty(), fixture.ids::incrementAndGet), fixture.settings, fixture.clock,
                ExternalWriters.none().with("mine", received::add));
        kernel.tryToInvokePipelines(new io.watchmen.core.model.pipeline.PipelineTriggerData("order_event",
                new java.util.HashMap<>(Map.of("orderId", "O-1")), null, null), "t", fixture.principal, null);

        assertThat(received).hasSize(1);
        assertThat(received.get(0).eventCode()).isEqualTo("evt");
        assertThat(received.get(0).pat()).isEqualTo("secret");
        assertThat(received.get(0).currentData()).containsEntry("orderId", "O-1");
        assertThat(received.get(0).toString()).doesNotContain("secret");
    }

    @Test
    void writeToExternal_unconfiguredWriterCode_failsTheAction() {
        fixture.metadata.writers.add(new ExternalWriter("w1", "kafka-1", "k", null, "secret", "kafka://h:1",
                KernelFixture.TENANT, null, null, null, null, 1L));
        fixture.pipelines("""
                {"pipelineId": "p-ext", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "write-to-external", "externalWriterId": "w1", "eventCode": "e"}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\"}");
        Map<String, Object> a1 = action(fixture.log("p-ext"), 0, 0, 0);
        assertThat((String) a1.get("error")).contains("External writer[kafka-1] is not configured.")
                .doesNotContain("secret");
    }

    @Test
    void versionConflictWithRetryOff_failsWithDataNotFoundOnUpdate() {
        Settings.Pipelines p = fixture.settings.pipelines();
        fixture.withSettings(fixture.settings.withPipelines(new Settings.Pipelines(false, p.updateRetryTimes(),
                p.updateRetryInterval(), p.updateRetryForce(), p.decryptFactorValue(),
                p.standardExternalWriterTimeout(), p.errorHandleMonitorLogOnly(), p.cascadeLimit())));
        fixture.data.seed(fixture.topic("tp-stats"), WorkedExamplesE1ToE5Test.row("customerId", "C-1"));
        fixture.data.versionConflicts = 1;
        fixture.pipelines("""
                {"pipelineId": "p-sum", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "merge-row", "topicId": "tp-stats",
                    "by": {"jointType": "and", "filters": [{"left": TF("tp-stats","cs-1"), "operator": "equals", "right": TF("tp-event","ev-2")}]},
                    "mapping": [{"factorId": "cs-5", "source": TF("tp-event","ev-1")}]}]}]}]}
                """);
        fixture.insert("{\"customerId\": \"C-1\", \"orderId\": \"O-1\"}");
        assertThat((String) action(fixture.log("p-sum"), 0, 0, 0).get("error")).contains("Data not found on do update, ");
    }

    @Test
    void changedTopic_recompilesTheCachedPipeline() {
        fixture.pipelines("""
                {"pipelineId": "p", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("v1")}]}]}]}]}
                """);
        fixture.insert("{\"orderId\": \"O-1\"}");
        Topic audit = fixture.topic("tp-audit");
        fixture.metadata.topics.remove(audit);
        fixture.metadata.topics.add(new Topic(audit.topicId(), audit.name(), audit.type(), audit.kind(),
                audit.dataSourceId(), List.of(), null, audit.tenantId(), null, null, null, null, 2L));
        InvocationResult result = fixture.insert("{\"orderId\": \"O-2\"}");
        assertThat(result.runs().get(0).error()).contains("Factor[id=al-1] in topic[id=tp-audit, name=audit_log] not found.");
    }

    @Test
    void oldWithPrefixOrInFindBy_isACompileError() {
        fixture.pipelines("""
                [{"pipelineId": "p1", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [{"factorId": "al-1", "source": C("x{&old}")}]}]}]}]},
                 {"pipelineId": "p2", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "exists", "topicId": "tp-audit", "variableName": "v",
                    "by": {"jointType": "and", "filters": [{"left": TF("tp-audit","al-1"), "operator": "equals", "right": C("{&old}")}]}}]}]}]}]
                """);
        InvocationResult result = fixture.insert("{\"orderId\": \"O-1\"}");
        assertThat(result.runs()).extracting(PipelineRun::error).allMatch(e -> e.contains("cannot use [&old]"));
    }

    @Test
    void monitorLogTopicPipelines_runAsInsertPipelines_andTheirOwnLogsAreNotStored() {
        fixture.metadata.topics.add(KernelFixture.read("""
                {"topicId": "tp-err", "name": "pipeline_monitor_error_log", "type": "distinct", "kind": "system",
                 "tenantId": "T1", "factors": [{"factorId": "er-1", "name": "pipelineId", "type": "text"},
                 {"factorId": "er-2", "name": "traceId", "type": "text"}]}""", new com.fasterxml.jackson.core.type.TypeReference<Topic>() { }));
        fixture.pipelines("""
                [{"pipelineId": "p-fail", "topicId": "tp-event", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "a1", "type": "read-row", "topicId": "tp-fact", "variableName": "v",
                     "by": {"jointType": "and", "filters": [{"left": TF("tp-fact","of-1"), "operator": "equals", "right": C("nope")}]}}]}]}]},
                 {"pipelineId": "p-ok", "topicId": "tp-event", "type": "insert", "enabled": true, "stages": []},
                 {"pipelineId": "pipeline-error", "topicId": "tp-log", "type": "insert", "enabled": true,
                  "stages": [{"stageId": "s1", "conditional": true, "on": {"jointType": "and", "filters": [
                     {"left": TF("tp-log","ml-5"), "operator": "equals", "right": C("ERROR")}]},
                   "units": [{"unitId": "u1", "name": "u1", "do": [
                    {"actionId": "e1", "type": "insert-row", "topicId": "tp-err", "mapping": [
                      {"factorId": "er-1", "source": TF("tp-log","ml-3")}, {"factorId": "er-2", "source": TF("tp-log","ml-2")}]}]}]}]}]
                """);
        InvocationResult result = fixture.insert("{\"orderId\": \"O-1\"}");

        assertThat(result.runs()).extracting(PipelineRun::pipelineId)
                .containsExactly("p-fail", "p-ok", "pipeline-error", "pipeline-error");
        assertThat(fixture.rows("tp-err")).hasSize(1);
        assertThat(fixture.rows("tp-err").get(0)).containsEntry("pipelineId", "p-fail").containsEntry("traceId", "trace-1");
        assertThat(fixture.logs()).extracting(l -> l.get("pipelineId")).containsExactly("p-fail", "p-ok");
    }
}
