package io.watchmen.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every sample item in one NDJSON object (inserts, merges and aggregates of the same rows, across chunk
 * boundaries), delivered in chunks and one item per unit of work: the same topic rows, outcomes and monitor logs.
 */
class ChunkedSamplesTest {

    /** Technical columns that differ between two runs (ids, times) or name them. */
    private static final Set<String> VARYING = Set.of("id_", "insert_time_", "update_time_", "aggregate_assist_",
            "uid", "traceId", "dataId", "startTime", "spentInMills", "data_");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void allSampleItemsInOneObject_chunked_leaveWhatOneItemPerUnitLeaves(TestDatabase database) throws Exception {
        StorageObject object = allItemsInOneObject();
        try (TestDb singleDb = database.create("samplesone");
             TestDb chunkedDb = database.create("sampleschunk");
             CoreRuntime single = CoreRuntime.create(withChunkSize(SampleRunTest.settingsFor(singleDb), 1));
             CoreRuntime chunked = CoreRuntime.create(withChunkSize(SampleRunTest.settingsFor(chunkedDb), 5))) {
            SampleInstaller.install(single, false);
            SampleInstaller.install(chunked, false);

            ObjectOutcome expected = single.handle(object);
            ObjectOutcome actual = chunked.handle(object);

            assertThat(actual.items()).hasSize(24);
            assertThat(summary(actual)).isEqualTo(summary(expected));
            for (Topic topic : Samples.topics()) {
                assertThat(rows(chunked, topic)).as(topic.name()).isEqualTo(rows(single, topic));
            }
            assertThat(ExpectedResults.check(chunked)).isEqualTo(ExpectedResults.check(single));
        }
    }

    private static Settings withChunkSize(Settings settings, int size) {
        return settings.withTriggers(settings.triggers().withChunkSize(size));
    }

    /** The sample objects' items, in processing order, one compact JSON line each. */
    private static StorageObject allItemsInOneObject() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (SampleObject sample : Samples.objects()) {
            String text = new String(sample.content(), StandardCharsets.UTF_8).strip();
            List<JsonNode> items = new ArrayList<>();
            if (sample.name().endsWith(".ndjson")) {
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        items.add(WatchmenJson.mapper().readTree(line));
                    }
                }
            } else {
                JsonNode node = WatchmenJson.mapper().readTree(text);
                if (node.isArray()) {
                    node.forEach(items::add);
                } else {
                    items.add(node);
                }
            }
            for (JsonNode item : items) {
                lines.append(WatchmenJson.mapper().writeValueAsString(item)).append('\n');
            }
        }
        byte[] content = lines.toString().getBytes(StandardCharsets.UTF_8);
        return new StorageObject(new ObjectRef("local", "samples", "all-items.ndjson", null, content.length), content);
    }

    private static List<String> summary(ObjectOutcome outcome) {
        List<String> lines = new ArrayList<>();
        for (ItemOutcome item : outcome.items()) {
            lines.add(item.index() + " " + item.status() + " " + item.errorCode() + " " + item.pipelines().stream()
                    .map(run -> run.pipelineId() + ":" + run.status()).toList());
        }
        return lines;
    }

    /** A topic's rows in table order without the columns that differ between two runs. */
    private static List<Map<String, String>> rows(CoreRuntime runtime, Topic topic) {
        List<Map<String, Object>> read = new ArrayList<>(TopicRows.read(runtime.registry().forTopic(topic), topic));
        // ids grow with time: insertion order, whatever order the table returns
        read.sort(java.util.Comparator.comparingLong(row -> row.get("id_") instanceof Number id ? id.longValue() : 0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, Object> row : read) {
            Map<String, String> kept = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (!VARYING.contains(column)) {
                    kept.put(column, ExpectedResults.text(value));
                }
            });
            rows.add(kept);
        }
        return rows;
    }
}
