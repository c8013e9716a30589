package io.watchmen.core.meta;

import com.fasterxml.jackson.databind.JavaType;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.DataSourceParam;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.ExternalWriterType;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.topic.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Model objects for the meta tests; topics and pipelines come from the spec's examples (JSON fixtures). */
final class MetaFixtures {

    static final String FIXTURES = "/io/watchmen/core/meta/JdbcMetadataServiceTest/";

    private MetaFixtures() {
    }

    static <T> T read(String file, JavaType type) {
        try (InputStream in = MetaFixtures.class.getResourceAsStream(FIXTURES + file)) {
            return WatchmenJson.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec's common topics (pipeline spec 6.0), in tenant {@code tenantId}. */
    static List<Topic> topics(String tenantId) {
        List<Topic> topics = read("topics.json",
                WatchmenJson.mapper().getTypeFactory().constructCollectionType(List.class, Topic.class));
        return topics.stream().map(t -> withTenant(t, tenantId)).toList();
    }

    static Topic topic(String topicId, String tenantId) {
        return topics(tenantId).stream().filter(t -> t.topicId().equals(topicId)).findFirst().orElseThrow();
    }

    static Topic withTenant(Topic t, String tenantId) {
        return new Topic(t.topicId(), t.name(), t.type(), t.kind(), t.dataSourceId(), t.factors(), t.description(),
                tenantId, t.createdAt(), t.createdBy(), t.lastModifiedAt(), t.lastModifiedBy(), t.version());
    }

    static Topic renamed(Topic t, String description) {
        return new Topic(t.topicId(), t.name(), t.type(), t.kind(), t.dataSourceId(), t.factors(), description,
                t.tenantId(), t.createdAt(), t.createdBy(), t.lastModifiedAt(), t.lastModifiedBy(), t.version());
    }

    static Pipeline pipeline(String file, String tenantId) {
        Pipeline p = read(file, WatchmenJson.mapper().constructType(Pipeline.class));
        return withId(p, p.pipelineId(), tenantId);
    }

    static Pipeline withId(Pipeline p, String pipelineId, String tenantId) {
        return new Pipeline(pipelineId, p.topicId(), p.name(), p.type(), p.stages(), p.enabled(), p.validated(),
                p.conditional(), p.on(), tenantId, p.createdAt(), p.createdBy(), p.lastModifiedAt(),
                p.lastModifiedBy(), p.version());
    }

    static Tenant tenant(String tenantId) {
        return new Tenant(tenantId, "Tenant " + tenantId, true, null, null, null, null, null);
    }

    static DataSource dataSource(String id, String tenantId, String password) {
        return new DataSource(id, "ds-code-" + id, "mysql", "db.example.com", "3306", "wm", password, "watchmen",
                null, List.of(new DataSourceParam("charset", "utf8mb4"), new DataSourceParam("log", true)),
                tenantId, null, null, null, null, null);
    }

    static ExternalWriter writer(String id, String tenantId) {
        return new ExternalWriter(id, "code-" + id, "Writer " + id, ExternalWriterType.STANDARD_WRITER,
                "target-pat", "https://example.com/hook", tenantId, null, null, null, null, null);
    }
}
