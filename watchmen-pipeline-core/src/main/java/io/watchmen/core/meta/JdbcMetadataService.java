package io.watchmen.core.meta;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.topic.Topic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata read through bounded caches (spec storage 1.5, 6). Every cache has a size bound and an age bound
 * ({@code WATCHMEN_META_CACHE_TTL_SECONDS}, checked on read with the injected clock); {@code KERNEL_CACHE=false}
 * turns caching off. Unknown ids are never cached; a topic's empty pipeline list and a missing key store are.
 * An entity of another tenant is reported as absent.
 */
public final class JdbcMetadataService implements MetadataService {

    /** Size bounds the reference uses for the caches without a setting of their own. */
    public static final int MAX_DATA_SOURCES = 64;
    public static final int MAX_EXTERNAL_WRITERS = 16;
    public static final int MAX_TENANTS = 32;
    public static final int MAX_KEY_STORES = 32;

    private record Key(String tenantId, String id) {
    }

    /** Reads the rows of one query. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final javax.sql.DataSource meta;
    private final Settings.Crypto crypto;
    private final BoundedCache<String, Topic> topicsById;
    private final BoundedCache<Key, Topic> topicsByName;
    private final BoundedCache<Key, List<Pipeline>> pipelinesByTopic;
    private final BoundedCache<String, Tenant> tenants;
    private final BoundedCache<String, DataSource> dataSources;
    private final BoundedCache<String, ExternalWriter> externalWriters;
    private final BoundedCache<Key, Optional<KeyStore>> keyStores;

    public JdbcMetadataService(javax.sql.DataSource meta, Settings settings, Clock clock) {
        this.meta = Objects.requireNonNull(meta, "meta");
        this.crypto = settings.crypto();
        Settings.Caches caches = settings.caches();
        boolean on = caches.enabled();
        this.topicsById = new BoundedCache<>(on, caches.maxTopics(), caches.ttl(), clock);
        this.topicsByName = new BoundedCache<>(on, caches.maxTopics(), caches.ttl(), clock);
        this.pipelinesByTopic = new BoundedCache<>(on, caches.maxTopics(), caches.ttl(), clock);
        this.tenants = new BoundedCache<>(on, MAX_TENANTS, caches.ttl(), clock);
        this.dataSources = new BoundedCache<>(on, MAX_DATA_SOURCES, caches.ttl(), clock);
        this.externalWriters = new BoundedCache<>(on, MAX_EXTERNAL_WRITERS, caches.ttl(), clock);
        this.keyStores = new BoundedCache<>(on, MAX_KEY_STORES, caches.ttl(), clock);
    }

    @Override
    public Optional<Topic> topicByName(String name, String tenantId) {
        if (name == null || tenantId == null) {
            return Optional.empty();
        }
        Key key = new Key(tenantId, name);
        Optional<Topic> cached = topicsByName.get(key);
        if (cached.isPresent()) {
            return cached;
        }
        List<Topic> rows = query("SELECT " + MetaRows.TOPIC_COLUMNS + " FROM topics WHERE name = ? AND tenant_id = ?",
                MetaRows::topic, "topic [" + name + "]", name, tenantId);
        if (rows.size() > 1) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "More than one topic is named [" + name
                    + "] in tenant [" + tenantId + "]: topic names must be unique within a tenant.");
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Topic topic = rows.get(0);
        topicsByName.put(key, topic);
        topicsById.put(topic.topicId(), topic);
        return Optional.of(topic);
    }

    @Override
    public Optional<Topic> topicById(String topicId, String tenantId) {
        if (topicId == null) {
            return Optional.empty();
        }
        Optional<Topic> topic = topicsById.get(topicId);
        if (topic.isEmpty()) {
            topic = first(query("SELECT " + MetaRows.TOPIC_COLUMNS + " FROM topics WHERE topic_id = ?",
                    MetaRows::topic, "topic [" + topicId + "]", topicId));
            topic.ifPresent(found -> topicsById.put(topicId, found));
        }
        return topic.filter(found -> Objects.equals(found.tenantId(), tenantId));
    }

    @Override
    public List<Pipeline> pipelinesByTopic(String topicId, String tenantId) {
        if (topicId == null || tenantId == null) {
            return List.of();
        }
        Key key = new Key(tenantId, topicId);
        Optional<List<Pipeline>> cached = pipelinesByTopic.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        // The reference has no ORDER BY; ordering by id makes the run order deterministic.
        List<Pipeline> pipelines = List.copyOf(query("SELECT " + MetaRows.PIPELINE_COLUMNS
                        + " FROM pipelines WHERE topic_id = ? AND tenant_id = ? ORDER BY pipeline_id",
                MetaRows::pipeline, "pipelines of topic [" + topicId + "]", topicId, tenantId));
        pipelinesByTopic.put(key, pipelines);
        return pipelines;
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        if (tenantId == null) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = tenants.get(tenantId);
        if (tenant.isEmpty()) {
            tenant = first(query("SELECT " + MetaRows.TENANT_COLUMNS + " FROM tenants WHERE tenant_id = ?",
                    MetaRows::tenant, "tenant [" + tenantId + "]", tenantId));
            tenant.ifPresent(found -> tenants.put(tenantId, found));
        }
        return tenant;
    }

    /** The row with its password decrypted (Watchmen's {@code {AES}} format), cached decrypted. */
    @Override
    public Optional<DataSource> dataSource(String dataSourceId, String tenantId) {
        if (dataSourceId == null) {
            return Optional.empty();
        }
        Optional<DataSource> dataSource = dataSources.get(dataSourceId);
        if (dataSource.isEmpty()) {
            dataSource = first(query("SELECT " + MetaRows.DATA_SOURCE_COLUMNS
                            + " FROM data_sources WHERE data_source_id = ?",
                    MetaRows::dataSource, "data source [" + dataSourceId + "]", dataSourceId)).map(this::decrypted);
            dataSource.ifPresent(found -> dataSources.put(dataSourceId, found));
        }
        return dataSource.filter(found -> Objects.equals(found.tenantId(), tenantId));
    }

    /**
     * Every data source of every tenant, passwords decrypted, read now (not cached): for maintenance over all
     * data databases, such as purging the delivery marks.
     */
    public List<DataSource> allDataSources() {
        List<DataSource> rows = new ArrayList<>();
        for (DataSource row : query("SELECT " + MetaRows.DATA_SOURCE_COLUMNS + " FROM data_sources"
                + " ORDER BY data_source_id", MetaRows::dataSource, "data sources")) {
            rows.add(decrypted(row));
        }
        return rows;
    }

    @Override
    public Optional<ExternalWriter> externalWriter(String writerId, String tenantId) {
        if (writerId == null) {
            return Optional.empty();
        }
        Optional<ExternalWriter> writer = externalWriters.get(writerId);
        if (writer.isEmpty()) {
            writer = first(query("SELECT " + MetaRows.EXTERNAL_WRITER_COLUMNS
                            + " FROM external_writers WHERE writer_id = ?",
                    MetaRows::externalWriter, "external writer [" + writerId + "]", writerId));
            writer.ifPresent(found -> externalWriters.put(writerId, found));
        }
        return writer.filter(found -> Objects.equals(found.tenantId(), tenantId));
    }

    /** A missing key store is cached as absent too (the reference's "not existing" marker). */
    @Override
    public Optional<KeyStore> keyStore(String tenantId, String keyType) {
        if (tenantId == null || keyType == null) {
            return Optional.empty();
        }
        Key key = new Key(tenantId, keyType);
        Optional<Optional<KeyStore>> cached = keyStores.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<KeyStore> keyStore = first(query("SELECT " + MetaRows.KEY_STORE_COLUMNS
                        + " FROM key_stores WHERE key_type = ? AND tenant_id = ?",
                MetaRows::keyStore, "key store [" + keyType + "]", keyType, tenantId));
        keyStores.put(key, keyStore);
        return keyStore;
    }

    /** Drops every cached entry (after an import, or when a caller knows the metadata changed). */
    public void invalidateAll() {
        topicsById.clear();
        topicsByName.clear();
        pipelinesByTopic.clear();
        tenants.clear();
        dataSources.clear();
        externalWriters.clear();
        keyStores.clear();
    }

    private DataSource decrypted(DataSource row) {
        String password = DataSourcePasswords.decrypt(row.password(), crypto);
        if (Objects.equals(password, row.password())) {
            return row;
        }
        return new DataSource(row.dataSourceId(), row.dataSourceCode(), row.dataSourceType(), row.host(), row.port(),
                row.username(), password, row.name(), row.url(), row.params(), row.tenantId(), row.createdAt(),
                row.createdBy(), row.lastModifiedAt(), row.lastModifiedBy(), row.version());
    }

    private <T> List<T> query(String sql, RowReader<T> reader, String what, String... params) {
        try (Connection connection = meta.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new WatchmenException(ErrorCode.STORAGE_FAILED, "Cannot read " + what
                    + " from the meta database (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
