package io.watchmen.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.config.Settings;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Monitor logs share the compiled definitions (read-only) only when preparing the log cannot change them. */
class MonitorLogPreparationTest {

    private static final String AUDIT = """
            {"pipelineId": "p-audit", "topicId": "tp-event", "type": "insert", "enabled": true,
             "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
               {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [
                 {"factorId": "al-1", "source": C("{orderId}")}]}]}]}]}
            """;

    @Test
    void store_logTopicWithADateInsidePrerequisiteDefinedAs_preparesACopyOfTheCompiledDefinition() {
        KernelFixture fixture = new KernelFixture();
        withLogFactor(fixture, new Factor("ml-9", FactorType.DATETIME, "prerequisiteDefinedAs.conditional", null,
                null, null, null, null, null, null, null));
        Settings.Preparation preparation = fixture.settings.preparation();
        fixture.withSettings(fixture.settings.withPreparation(new Settings.Preparation(
                preparation.ignoreDefaultOnRaw(), true, List.of(), List.of(), List.of(), List.of())));
        fixture.pipelines(AUDIT);

        InvocationResult first = fixture.insert("{\"orderId\": \"O-1\"}");
        InvocationResult second = fixture.insert("{\"orderId\": \"O-2\"}");

        assertThat(first.runs()).extracting(PipelineRun::status).containsOnly(MonitorLogStatus.DONE);
        assertThat(second.runs()).extracting(PipelineRun::status).containsOnly(MonitorLogStatus.DONE);
        assertThat(fixture.messages()).containsExactly("O-1", "O-2");
        for (Map<String, Object> log : fixture.logs()) {
            // the unparseable "date" is abandoned in the stored log, as in any other document
            @SuppressWarnings("unchecked")
            Map<String, Object> definedAs = (Map<String, Object>) log.get("prerequisiteDefinedAs");
            assertThat(definedAs).containsEntry("conditional", null);
        }
    }

    private static void withLogFactor(KernelFixture fixture, Factor extra) {
        Topic log = fixture.topic("tp-log");
        List<Factor> factors = new ArrayList<>(log.factors());
        factors.add(extra);
        fixture.metadata.topics.remove(log);
        fixture.metadata.topics.add(new Topic(log.topicId(), log.name(), log.type(), log.kind(), log.dataSourceId(),
                factors, log.description(), log.tenantId(), log.createdAt(), log.createdBy(), log.lastModifiedAt(),
                log.lastModifiedBy(), log.version()));
    }
}
