package io.watchmen.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.model.pipeline.Action;
import io.watchmen.core.model.pipeline.MappingFactor;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.pipeline.Stage;
import io.watchmen.core.model.pipeline.Unit;
import io.watchmen.core.model.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sample resources are complete and consistent Watchmen JSON. */
class SamplesTest {

    @Test
    void resources_load_asTheOrdersDomain() {
        assertThat(Samples.topics()).extracting(Topic::name).containsExactlyInAnyOrder("raw_order", "order_fact",
                "customer_summary", "daily_sales", "order_item", "raw_pipeline_monitor_log");
        assertThat(Samples.pipelines()).extracting(Pipeline::pipelineId)
                .containsExactlyInAnyOrder("pl-order-fact", "pl-customer-summary", "pl-daily-sales");
        assertThat(Samples.objects()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Samples.objects()).extracting(SampleObject::name).isSorted();
        assertThat(Samples.objects()).anyMatch(object -> object.name().endsWith(".ndjson"));
        assertThat(Samples.expectations()).extracting(Expectation::topic)
                .containsExactlyInAnyOrderElementsOf(Samples.topics().stream().map(Topic::name).toList());
        assertThat(Samples.tenant().tenantId()).isEqualTo(Samples.adminUser().tenantId());
        assertThat(Samples.pat().userId()).isEqualTo(Samples.adminUser().userId());
    }

    @Test
    void everyObject_carriesTheSamplePat_andARawOrder() {
        for (SampleObject object : Samples.objects()) {
            String text = new String(object.content(), StandardCharsets.UTF_8);
            assertThat(text).as(object.name()).contains(Samples.patToken()).contains("\"raw_order\"");
        }
    }

    @Test
    void everyPipelineReference_namesAnExistingTopicAndFactor() {
        Map<String, Topic> topics = Samples.topics().stream()
                .collect(Collectors.toMap(Topic::topicId, Function.identity()));
        for (Pipeline pipeline : Samples.pipelines()) {
            assertThat(topics).as(pipeline.pipelineId()).containsKey(pipeline.topicId());
            for (Stage stage : pipeline.stages()) {
                for (Unit unit : stage.units()) {
                    assertThat(unit.unitId()).isNotBlank();
                    assertThat(unit.name()).isNotBlank();
                    for (Action action : unit.actions()) {
                        assertThat(action.actionId()).isNotBlank();
                        if (action instanceof Action.WriteAction write) {
                            Topic target = topics.get(write.topicId());
                            assertThat(target).as(action.actionId()).isNotNull();
                            for (MappingFactor mapping : write.mapping()) {
                                assertThat(target.factorById(mapping.factorId())).as(mapping.factorId()).isPresent();
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void monitorLogTopic_isTheSystemRawTopic_withFlattenedColumns() {
        Topic log = Samples.topic(Topic.MONITOR_LOG_TOPIC_NAME);
        assertThat(log.isSystem()).isTrue();
        assertThat(log.isRaw()).isTrue();
        List<String> flattened = log.factors().stream().filter(f -> f.isFlatten()).map(f -> f.name()).toList();
        assertThat(flattened).containsExactlyInAnyOrder("uid", "traceId", "pipelineId", "topicId", "status",
                "startTime", "spentInMills", "dataId");
        // an index on a factor without a column would break CREATE TABLE (spec storage 2.5)
        assertThat(log.factors()).allMatch(f -> f.indexGroup() == null || f.isFlatten());
    }
}
