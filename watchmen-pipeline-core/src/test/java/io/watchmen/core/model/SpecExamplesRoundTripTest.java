package io.watchmen.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.monitor.PipelineMonitorLog;
import io.watchmen.core.model.pipeline.Action;
import io.watchmen.core.model.pipeline.MappingFactor;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.trigger.PipelineTriggerDataWithPAT;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON example of the two specs (the worked examples' TF/C/MAP/BYC shorthands expanded) is read into the
 * model and written back: the output carries every field of the input with the same value, and reads back equal.
 */
class SpecExamplesRoundTripTest {

    private static final ObjectMapper JSON = WatchmenJson.mapper();

    static Stream<String> examples() {
        return Stream.concat(
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> String.format("pipeline-%02d.json", i)),
                Stream.of("storage-factor.json"));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void specExample_readAndWritten_keepsEveryField(String file) throws IOException {
        JsonNode original = read(file);
        Class<?> type = modelTypeOf(original.isArray() ? original.get(0) : original);
        if (original.isArray()) {
            for (JsonNode element : original) {
                roundTrip(element, type);
            }
        } else {
            roundTrip(original, type);
        }
    }

    private static void roundTrip(JsonNode original, Class<?> type) throws IOException {
        Object model = JSON.treeToValue(original, type);
        JsonNode written = JSON.valueToTree(model);
        assertContains(written, original, "$");
        assertThat(JSON.treeToValue(written, type)).isEqualTo(model);
    }

    /** Every non-null field of {@code expected} is in {@code actual} with an equal value (numbers compared numerically). */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    assertThat(actual.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
                    assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
                }
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static Class<?> modelTypeOf(JsonNode node) {
        if (node.has("uid") && node.has("traceId")) {
            return PipelineMonitorLog.class;
        }
        if (node.has("pipelineId")) {
            return Pipeline.class;
        }
        if (node.has("factors")) {
            return Topic.class;
        }
        if (node.has("actionId")) {
            return Action.class;
        }
        if (node.has("code")) {
            return PipelineTriggerDataWithPAT.class;
        }
        if (node.has("source")) {
            return MappingFactor.class;
        }
        return Factor.class;
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = SpecExamplesRoundTripTest.class.getResourceAsStream(
                "SpecExamplesRoundTripTest/" + file)) {
            return JSON.readTree(in);
        }
    }
}
