package io.watchmen.core.meta;

import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.topic.Topic;
import java.util.List;
import java.util.Optional;

/**
 * Read access to Watchmen's metadata (spec storage 1.5, 6), always within a tenant: an entity of another tenant
 * is reported as absent. The JDBC implementation caches with a bounded age and size; tests may use an in-memory
 * one.
 */
public interface MetadataService {

    /** {@code topics WHERE name = ? AND tenant_id = ?}; more than one row is a definition error. */
    Optional<Topic> topicByName(String name, String tenantId);

    Optional<Topic> topicById(String topicId, String tenantId);

    /** All pipelines of the topic in the tenant, enabled or not, in a stable order (by pipeline id). */
    List<Pipeline> pipelinesByTopic(String topicId, String tenantId);

    Optional<Tenant> tenant(String tenantId);

    Optional<DataSource> dataSource(String dataSourceId, String tenantId);

    Optional<ExternalWriter> externalWriter(String writerId, String tenantId);

    Optional<KeyStore> keyStore(String tenantId, String keyType);
}
