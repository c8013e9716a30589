package io.watchmen.core.kernel;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.auth.Principal;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.pipeline.PipelineTriggerData;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.schema.SchemaContext;
import io.watchmen.core.value.DateTimeParser;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The spec's section 6 world: topics of 6.0, tenant T1, a monitor-log topic, in-memory storage and metadata. */
final class KernelFixture {

    static final String TENANT = "T1";
    static final String TOPICS = """
            [
             {"topicId": "tp-event", "name": "order_event", "type": "raw", "kind": "business", "dataSourceId": "ds-1", "factors": [
               {"factorId": "ev-1", "name": "orderId", "type": "text"},
               {"factorId": "ev-2", "name": "customerId", "type": "text"},
               {"factorId": "ev-3", "name": "amount", "type": "number"},
               {"factorId": "ev-4", "name": "status", "type": "text"},
               {"factorId": "ev-5", "name": "items", "type": "array"},
               {"factorId": "ev-6", "name": "items.sku", "type": "text"},
               {"factorId": "ev-7", "name": "items.qty", "type": "number"},
               {"factorId": "ev-8", "name": "orderDate", "type": "date"}]},
             {"topicId": "tp-fact", "name": "order_fact", "type": "distinct", "kind": "business", "dataSourceId": "ds-1", "factors": [
               {"factorId": "of-1", "name": "orderId", "type": "text"},
               {"factorId": "of-2", "name": "customerId", "type": "text"},
               {"factorId": "of-3", "name": "amount", "type": "number"},
               {"factorId": "of-4", "name": "status", "type": "text"},
               {"factorId": "of-5", "name": "note", "type": "text"}]},
             {"topicId": "tp-stats", "name": "customer_stats", "type": "aggregate", "kind": "business", "dataSourceId": "ds-1", "factors": [
               {"factorId": "cs-1", "name": "customerId", "type": "text"},
               {"factorId": "cs-2", "name": "totalAmount", "type": "number"},
               {"factorId": "cs-3", "name": "avgAmount", "type": "number"},
               {"factorId": "cs-4", "name": "orderCount", "type": "number"},
               {"factorId": "cs-5", "name": "lastOrderId", "type": "text"}]},
             {"topicId": "tp-item", "name": "order_item", "type": "distinct", "kind": "business", "dataSourceId": "ds-1", "factors": [
               {"factorId": "oi-1", "name": "orderId", "type": "text"},
               {"factorId": "oi-2", "name": "sku", "type": "text"},
               {"factorId": "oi-3", "name": "qty", "type": "number"}]},
             {"topicId": "tp-audit", "name": "audit_log", "type": "distinct", "kind": "business", "dataSourceId": "ds-1", "factors": [
               {"factorId": "al-1", "name": "message", "type": "text"}]},
             {"topicId": "tp-log", "name": "raw_pipeline_monitor_log", "type": "raw", "kind": "system", "dataSourceId": "ds-1", "factors": [
               {"factorId": "ml-1", "name": "uid", "type": "text", "flatten": true},
               {"factorId": "ml-2", "name": "traceId", "type": "text", "flatten": true},
               {"factorId": "ml-3", "name": "pipelineId", "type": "text", "flatten": true},
               {"factorId": "ml-4", "name": "topicId", "type": "text", "flatten": true},
               {"factorId": "ml-5", "name": "status", "type": "text", "flatten": true},
               {"factorId": "ml-8", "name": "dataId", "type": "number", "flatten": true}]}
            ]""";

    final AtomicLong ids = new AtomicLong(1000);
    final Clock clock = Clock.fixed(LocalDateTime.of(2024, 3, 20, 10, 0, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    final InMemoryMetadataService metadata = new InMemoryMetadataService();
    final InMemoryTopicDataService data = new InMemoryTopicDataService(ids::incrementAndGet, clock);
    final Principal principal = new Principal("u1", "admin", TENANT, UserRole.ADMIN);
    Settings settings = Settings.forJdbcUrl("jdbc:h2:mem:kernel", "sa", "");
    private PipelineKernel kernel;

    KernelFixture() {
        for (Topic topic : read(TOPICS.replace("\"dataSourceId\"", "\"tenantId\": \"T1\", \"dataSourceId\""),
                new TypeReference<List<Topic>>() { })) {
            metadata.topics.add(topic);
        }
        metadata.tenants.add(new Tenant(TENANT, "tenant one", false, null, null, null, null, 1L));
    }

    KernelFixture withSettings(Settings other) {
        settings = other;
        kernel = null;
        return this;
    }

    PipelineKernel kernel() {
        if (kernel == null) {
            SchemaContext context = new SchemaContext(DateTimeParser.defaults(), settings.preparation(),
                    settings.crypto(), (tenant, type) -> Optional.empty(), ids::incrementAndGet);
            kernel = new PipelineKernel(metadata, data, context, settings, clock, ExternalWriters.none(),
                    millis -> { });
        }
        return kernel;
    }

    Topic topic(String topicId) {
        return metadata.topicById(topicId, TENANT).orElseThrow();
    }

    /** Adds pipelines written with the spec's shorthands TF(t,f) and C(v). */
    KernelFixture pipelines(String json) {
        String expanded = expand(json.trim());
        if (!expanded.startsWith("[")) {
            expanded = "[" + expanded + "]";
        }
        for (Pipeline pipeline : read(expanded, new TypeReference<List<Pipeline>>() { })) {
            metadata.pipelines.add(withTenant(pipeline));
        }
        return this;
    }

    private static Pipeline withTenant(Pipeline p) {
        return new Pipeline(p.pipelineId(), p.topicId(), p.name(), p.type(), p.stages(), p.enabled(), p.validated(),
                p.conditional(), p.on(), TENANT, p.createdAt(), p.createdBy(), p.lastModifiedAt(),
                p.lastModifiedBy(), p.version() == null ? 1L : p.version());
    }

    static String expand(String json) {
        String tf = Pattern.compile("TF\\(\"([^\"]*)\",\\s*\"([^\"]*)\"\\)").matcher(json)
                .replaceAll("{\"kind\": \"topic\", \"topicId\": \"$1\", \"factorId\": \"$2\"}");
        Matcher constants = Pattern.compile("C\\((\"(?:[^\"\\\\]|\\\\.)*\")\\)").matcher(tf);
        return constants.replaceAll(m -> Matcher.quoteReplacement("{\"kind\": \"constant\", \"value\": "
                + m.group(1) + "}"));
    }

    InvocationResult trigger(String code, PipelineTriggerType type, String dataJson) {
        Map<String, Object> payload = read(dataJson, new TypeReference<Map<String, Object>>() { });
        return kernel().tryToInvokePipelines(new PipelineTriggerData(code, payload, type, null), "trace-1",
                principal, null);
    }

    InvocationResult insert(String dataJson) {
        return trigger("order_event", PipelineTriggerType.INSERT, dataJson);
    }

    List<Map<String, Object>> rows(String topicId) {
        return data.rows(topic(topicId));
    }

    List<String> messages() {
        return rows("tp-audit").stream().map(r -> (String) r.get("message")).collect(Collectors.toList());
    }

    /** Stored monitor logs (the documents of raw_pipeline_monitor_log), in store order. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> logs() {
        List<Map<String, Object>> logs = new ArrayList<>();
        for (Map<String, Object> row : rows("tp-log")) {
            logs.add((Map<String, Object>) row.get("data_"));
        }
        return logs;
    }

    Map<String, Object> log(String pipelineId) {
        List<Map<String, Object>> matching = logs().stream().filter(l -> pipelineId.equals(l.get("pipelineId")))
                .toList();
        return matching.get(matching.size() - 1);
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return WatchmenJson.mapper().readValue(json, type);
        } catch (Exception failure) {
            throw new IllegalArgumentException("Bad JSON in test: " + failure.getMessage() + "\n" + json, failure);
        }
    }
}
