package io.watchmen.core.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.auth.PatHash;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.topic.Topic;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes metadata rows for imports, demos and tests: an upsert by primary key (update, then insert when no row
 * matched), so columns this project does not model (a user's password hash) survive. Missing audit values are
 * filled with the clock's whole-second local time, the actor {@value #DEFAULT_ACTOR} and version 1; JSON columns
 * are written with {@link WatchmenJson}.
 */
public final class MetadataWriter {

    /** The reference's super-admin user id ({@code SUPER_ADMIN_USER_ID}), recorded as creator when none is given. */
    public static final String DEFAULT_ACTOR = "1";

    private final javax.sql.DataSource meta;
    private final Clock clock;

    public MetadataWriter(javax.sql.DataSource meta) {
        this(meta, Clock.systemDefaultZone());
    }

    public MetadataWriter(javax.sql.DataSource meta, Clock clock) {
        this.meta = Objects.requireNonNull(meta, "meta");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void saveTenant(Tenant tenant) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", tenant.name());
        row.put("enable_ai", flag(tenant.enableAI() == null ? Boolean.FALSE : tenant.enableAI()));
        audit(row, tenant.createdAt(), tenant.createdBy(), tenant.lastModifiedAt(), tenant.lastModifiedBy(),
                tenant.version());
        upsert("tenants", Map.of("tenant_id", tenant.tenantId()), row);
    }

    /** Writes every modelled column; an existing row keeps its password hash. */
    public void saveUser(User user) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", user.name());
        row.put("nickname", user.nickName());
        row.put("is_active", flag(Boolean.TRUE.equals(user.isActive())));
        row.put("group_ids", json(user.groupIds()));
        row.put("role", user.role() == null ? null : user.role().json());
        row.put("tenant_id", user.tenantId());
        row.put("email", user.email());
        audit(row, user.createdAt(), user.createdBy(), user.lastModifiedAt(), user.lastModifiedBy(), user.version());
        upsert("users", Map.of("user_id", user.userId()), row);
    }

    /** Stores the token as is (Watchmen's plain-text format). */
    public void savePat(PersonalAccessToken pat, String token) {
        savePat(pat, token, false);
    }

    /** With {@code hashed}, stores the lower-case hex SHA-256 of the token ({@code WATCHMEN_PAT_HASHED} mode). */
    public void savePat(PersonalAccessToken pat, String token, boolean hashed) {
        Objects.requireNonNull(token, "token");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("token", hashed ? PatHash.sha256Hex(token) : token);
        row.put("user_id", pat.userId());
        row.put("username", pat.username());
        row.put("tenant_id", pat.tenantId());
        row.put("note", pat.note());
        row.put("expired", pat.expired());
        row.put("permissions", json(pat.permissions()));
        row.put("created_at", pat.createdAt() == null ? now() : pat.createdAt());
        upsert("pats", Map.of("pat_id", pat.patId()), row);
    }

    /** The password is stored as given (encrypt it first with {@link DataSourcePasswords#encrypt} if wanted). */
    public void saveDataSource(DataSource dataSource) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("data_source_code", dataSource.dataSourceCode());
        row.put("data_source_type", dataSource.dataSourceType());
        row.put("host", dataSource.host());
        row.put("port", dataSource.port());
        row.put("username", dataSource.username());
        row.put("password", dataSource.password());
        row.put("name", dataSource.name());
        row.put("url", dataSource.url());
        row.put("params", json(dataSource.params()));
        row.put("tenant_id", dataSource.tenantId());
        audit(row, dataSource.createdAt(), dataSource.createdBy(), dataSource.lastModifiedAt(),
                dataSource.lastModifiedBy(), dataSource.version());
        upsert("data_sources", Map.of("data_source_id", dataSource.dataSourceId()), row);
    }

    public void saveTopic(Topic topic) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", topic.name());
        row.put("description", topic.description());
        row.put("type", topic.type().json());
        row.put("kind", topic.kind().json());
        row.put("data_source_id", topic.dataSourceId());
        row.put("factors", json(topic.factors()));
        row.put("tenant_id", topic.tenantId());
        audit(row, topic.createdAt(), topic.createdBy(), topic.lastModifiedAt(), topic.lastModifiedBy(),
                topic.version());
        upsert("topics", Map.of("topic_id", topic.topicId()), row);
    }

    public void savePipeline(Pipeline pipeline) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("topic_id", pipeline.topicId());
        row.put("name", pipeline.name());
        row.put("type", pipeline.type() == null ? null : pipeline.type().json());
        row.put("prerequisite_enabled", flag(pipeline.conditional()));
        row.put("prerequisite_on", json(pipeline.on()));
        row.put("stages", json(pipeline.stages()));
        row.put("enabled", flag(pipeline.enabled()));
        row.put("validated", flag(pipeline.validated()));
        row.put("tenant_id", pipeline.tenantId());
        audit(row, pipeline.createdAt(), pipeline.createdBy(), pipeline.lastModifiedAt(), pipeline.lastModifiedBy(),
                pipeline.version());
        upsert("pipelines", Map.of("pipeline_id", pipeline.pipelineId()), row);
    }

    public void saveExternalWriter(ExternalWriter writer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("writer_code", writer.writerCode());
        row.put("name", writer.name());
        row.put("type", writer.type() == null ? null : writer.type().json());
        row.put("pat", writer.pat());
        row.put("url", writer.url());
        row.put("tenant_id", writer.tenantId());
        audit(row, writer.createdAt(), writer.createdBy(), writer.lastModifiedAt(), writer.lastModifiedBy(),
                writer.version());
        upsert("external_writers", Map.of("writer_id", writer.writerId()), row);
    }

    public void saveKeyStore(KeyStore keyStore) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("params", json(keyStore.params()));
        row.put("created_at", keyStore.createdAt() == null ? now() : keyStore.createdAt());
        row.put("created_by", keyStore.createdBy() == null ? DEFAULT_ACTOR : keyStore.createdBy());
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("tenant_id", keyStore.tenantId());
        key.put("key_type", keyStore.keyType());
        upsert("key_stores", key, row);
    }

    private void audit(Map<String, Object> row, LocalDateTime createdAt, String createdBy,
                       LocalDateTime lastModifiedAt, String lastModifiedBy, Long version) {
        LocalDateTime now = now();
        row.put("created_at", createdAt == null ? now : createdAt);
        row.put("created_by", createdBy == null ? DEFAULT_ACTOR : createdBy);
        row.put("last_modified_at", lastModifiedAt == null ? now : lastModifiedAt);
        row.put("last_modified_by", lastModifiedBy == null ? DEFAULT_ACTOR : lastModifiedBy);
        row.put("version", version == null ? 1L : version);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Integer flag(Boolean value) {
        return value == null ? null : value ? 1 : 0;
    }

    /** Watchmen writes a Python None into a JSON column as the JSON literal null, not SQL NULL. */
    private static MetaStatements.Json json(Object value) {
        try {
            return new MetaStatements.Json(WatchmenJson.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Cannot write JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    private void upsert(String table, Map<String, Object> key, Map<String, Object> row) {
        for (Map.Entry<String, Object> part : key.entrySet()) {
            if (part.getValue() == null) {
                throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Cannot save into " + table + ": "
                        + part.getKey() + " is missing.");
            }
        }
        try (Connection connection = meta.getConnection()) {
            MetaDialect dialect = MetaDialect.of(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (MetaStatements.update(connection, dialect, table, key, row) == 0) {
                    MetaStatements.insert(connection, dialect, table, key, row);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new WatchmenException(ErrorCode.STORAGE_FAILED, "Cannot save into " + table + " (SQLState "
                    + e.getSQLState() + ", key " + List.copyOf(key.values()) + ").", e);
        }
    }
}
