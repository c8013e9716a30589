package io.watchmen.core.kernel;

import io.watchmen.core.meta.MetadataService;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Metadata kept in lists; pipelines are returned in the order they were added (the examples' candidate order). */
final class InMemoryMetadataService implements MetadataService {

    final List<Topic> topics = new ArrayList<>();
    final List<Pipeline> pipelines = new ArrayList<>();
    final List<Tenant> tenants = new ArrayList<>();
    final List<ExternalWriter> writers = new ArrayList<>();

    @Override
    public Optional<Topic> topicByName(String name, String tenantId) {
        return topics.stream().filter(t -> t.name().equals(name) && tenantId.equals(t.tenantId())).findFirst();
    }

    @Override
    public Optional<Topic> topicById(String topicId, String tenantId) {
        return topics.stream().filter(t -> t.topicId().equals(topicId) && tenantId.equals(t.tenantId())).findFirst();
    }

    @Override
    public List<Pipeline> pipelinesByTopic(String topicId, String tenantId) {
        return pipelines.stream().filter(p -> topicId.equals(p.topicId()) && tenantId.equals(p.tenantId())).toList();
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return tenants.stream().filter(t -> t.tenantId().equals(tenantId)).findFirst();
    }

    @Override
    public Optional<DataSource> dataSource(String dataSourceId, String tenantId) {
        return Optional.empty();
    }

    @Override
    public Optional<ExternalWriter> externalWriter(String writerId, String tenantId) {
        return writers.stream().filter(w -> w.writerId().equals(writerId) && tenantId.equals(w.tenantId()))
                .findFirst();
    }

    @Override
    public Optional<KeyStore> keyStore(String tenantId, String keyType) {
        return Optional.empty();
    }
}
