package io.watchmen.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.topic.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample orders domain, loaded from the classpath ({@code io/watchmen/samples/}): a tenant with an admin user
 * and a PAT, the topics {@code raw_order}, {@code order_fact}, {@code customer_summary}, {@code daily_sales},
 * {@code order_item} and the system topic {@code raw_pipeline_monitor_log}, three pipelines, 22 storage objects
 * (one of them an NDJSON batch) and the expected rows of every topic. Everything is Watchmen's JSON shape; the
 * index of resources is {@code samples.json}.
 *
 * <p>Sample topics have no {@code dataSourceId}: their tables live in the meta database (a documented extension).
 */
public final class Samples {

    private static final String ROOT = "/io/watchmen/samples/";
    private static final ObjectMapper JSON = WatchmenJson.mapper();

    private Samples() {
    }

    /** The tenant every sample belongs to. */
    public static Tenant tenant() {
        return read(index().get("tenant"), Tenant.class);
    }

    /** The sample admin (role admin, active), owner of the sample PAT. */
    public static User adminUser() {
        return read(index().get("user"), User.class);
    }

    /** The sample PAT's row; the token itself is {@link #patToken()}. */
    public static PersonalAccessToken pat() {
        return read(index().get("pat"), PersonalAccessToken.class);
    }

    /** The sample PAT, as written into every sample storage object. Sample data only: never reuse it. */
    public static String patToken() {
        return index().get("pat").get("token").asText();
    }

    /** All sample topics, the monitor-log topic included. */
    public static List<Topic> topics() {
        List<Topic> topics = new ArrayList<>();
        for (String path : paths("topics")) {
            topics.add(readResource(path, Topic.class));
        }
        return List.copyOf(topics);
    }

    /** The sample topic of that name. */
    public static Topic topic(String name) {
        return topics().stream().filter(topic -> topic.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sample topic named [" + name + "]."));
    }

    public static List<Pipeline> pipelines() {
        List<Pipeline> pipelines = new ArrayList<>();
        for (String path : paths("pipelines")) {
            pipelines.add(readResource(path, Pipeline.class));
        }
        return List.copyOf(pipelines);
    }

    /** The sample storage objects in processing (name) order. */
    public static List<SampleObject> objects() {
        List<SampleObject> objects = new ArrayList<>();
        for (String path : paths("objects")) {
            objects.add(new SampleObject(path.substring(path.lastIndexOf('/') + 1), bytes(path)));
        }
        return List.copyOf(objects);
    }

    /** The expected rows of each sample topic after all objects ran once. */
    public static List<Expectation> expectations() {
        List<Expectation> expectations = new ArrayList<>();
        for (String path : paths("expected")) {
            expectations.add(readResource(path, Expectation.class));
        }
        return List.copyOf(expectations);
    }

    /** The raw bytes of a resource below {@code io/watchmen/samples/}, e.g. {@code topics/raw_order.json}. */
    public static byte[] bytes(String path) {
        try (InputStream in = Samples.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("Sample resource " + ROOT + path + " is missing.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample resource " + ROOT + path, e);
        }
    }

    private static JsonNode index() {
        try {
            return JSON.readTree(bytes("samples.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse samples.json", e);
        }
    }

    private static List<String> paths(String group) {
        List<String> paths = new ArrayList<>();
        index().get(group).forEach(node -> paths.add(node.asText()));
        return paths;
    }

    private static <T> T readResource(String path, Class<T> type) {
        try {
            return JSON.readValue(bytes(path), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse sample resource " + path + " as " + type.getSimpleName(), e);
        }
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + type.getSimpleName() + " from samples.json", e);
        }
    }
}
