package io.watchmen.core.meta;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.ParameterJoint;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.pipeline.Stage;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.DataSourceParam;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.ExternalWriterType;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Column ↔ model mapping of the meta tables (spec storage 1.2); the SELECT lists name every column read. */
final class MetaRows {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final JavaType FACTORS = TYPES.constructCollectionType(List.class, Factor.class);
    private static final JavaType STAGES = TYPES.constructCollectionType(List.class, Stage.class);
    private static final JavaType JOINT = TYPES.constructType(ParameterJoint.class);
    private static final JavaType PARAMS = TYPES.constructCollectionType(List.class, DataSourceParam.class);
    private static final JavaType OBJECT = TYPES.constructMapType(Map.class, String.class, Object.class);

    static final String AUDIT = "created_at, created_by, last_modified_at, last_modified_by, version";

    static final String TOPIC_COLUMNS = "topic_id, name, description, type, kind, data_source_id, factors, tenant_id, "
            + AUDIT;
    static final String PIPELINE_COLUMNS = "pipeline_id, topic_id, name, type, prerequisite_enabled, prerequisite_on, "
            + "stages, enabled, validated, tenant_id, " + AUDIT;
    static final String TENANT_COLUMNS = "tenant_id, name, enable_ai, " + AUDIT;
    static final String DATA_SOURCE_COLUMNS = "data_source_id, data_source_code, data_source_type, host, port, "
            + "username, password, name, url, params, tenant_id, " + AUDIT;
    static final String EXTERNAL_WRITER_COLUMNS = "writer_id, writer_code, name, type, pat, url, tenant_id, " + AUDIT;
    static final String KEY_STORE_COLUMNS = "tenant_id, key_type, params, created_at, created_by";

    private MetaRows() {
    }

    static Topic topic(ResultSet rs) throws SQLException {
        String id = rs.getString("topic_id");
        String where = "Topic[" + id + "]";
        List<Factor> factors = Columns.json(rs, "factors", FACTORS, where);
        return new Topic(id, rs.getString("name"),
                enumValue(rs.getString("type"), TopicType::of, where, "type"),
                enumValue(rs.getString("kind"), TopicKind::of, where, "kind"),
                rs.getString("data_source_id"), factors, rs.getString("description"), rs.getString("tenant_id"),
                Columns.dateTime(rs, "created_at"), rs.getString("created_by"),
                Columns.dateTime(rs, "last_modified_at"), rs.getString("last_modified_by"),
                Columns.longValue(rs, "version"));
    }

    static Pipeline pipeline(ResultSet rs) throws SQLException {
        String id = rs.getString("pipeline_id");
        String where = "Pipeline[" + id + "]";
        List<Stage> stages = Columns.json(rs, "stages", STAGES, where);
        ParameterJoint on = Columns.json(rs, "prerequisite_on", JOINT, where);
        return new Pipeline(id, rs.getString("topic_id"), rs.getString("name"),
                enumValue(rs.getString("type"), PipelineTriggerType::of, where, "type"),
                stages, Columns.bool(rs, "enabled"), Columns.bool(rs, "validated"),
                Columns.bool(rs, "prerequisite_enabled"), on, rs.getString("tenant_id"),
                Columns.dateTime(rs, "created_at"), rs.getString("created_by"),
                Columns.dateTime(rs, "last_modified_at"), rs.getString("last_modified_by"),
                Columns.longValue(rs, "version"));
    }

    static Tenant tenant(ResultSet rs) throws SQLException {
        return new Tenant(rs.getString("tenant_id"), rs.getString("name"), Columns.bool(rs, "enable_ai"),
                Columns.dateTime(rs, "created_at"), rs.getString("created_by"),
                Columns.dateTime(rs, "last_modified_at"), rs.getString("last_modified_by"),
                Columns.longValue(rs, "version"));
    }

    /** The stored password as is; decryption is the service's job. */
    static DataSource dataSource(ResultSet rs) throws SQLException {
        String id = rs.getString("data_source_id");
        List<DataSourceParam> params = Columns.json(rs, "params", PARAMS, "DataSource[" + id + "]");
        return new DataSource(id, rs.getString("data_source_code"), rs.getString("data_source_type"),
                rs.getString("host"), rs.getString("port"), rs.getString("username"), rs.getString("password"),
                rs.getString("name"), rs.getString("url"), params, rs.getString("tenant_id"),
                Columns.dateTime(rs, "created_at"), rs.getString("created_by"),
                Columns.dateTime(rs, "last_modified_at"), rs.getString("last_modified_by"),
                Columns.longValue(rs, "version"));
    }

    static ExternalWriter externalWriter(ResultSet rs) throws SQLException {
        String id = rs.getString("writer_id");
        return new ExternalWriter(id, rs.getString("writer_code"), rs.getString("name"),
                enumValue(rs.getString("type"), ExternalWriterType::of, "ExternalWriter[" + id + "]", "type"),
                rs.getString("pat"), rs.getString("url"), rs.getString("tenant_id"),
                Columns.dateTime(rs, "created_at"), rs.getString("created_by"),
                Columns.dateTime(rs, "last_modified_at"), rs.getString("last_modified_by"),
                Columns.longValue(rs, "version"));
    }

    static KeyStore keyStore(ResultSet rs) throws SQLException {
        String tenantId = rs.getString("tenant_id");
        String keyType = rs.getString("key_type");
        Map<String, Object> params = Columns.json(rs, "params", OBJECT,
                "KeyStore[tenantId=" + tenantId + ", keyType=" + keyType + "]");
        return new KeyStore(tenantId, keyType, params, Columns.dateTime(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static <E> E enumValue(String value, Function<String, E> parse, String where, String column) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, where + ": column " + column + " has the"
                    + " unknown value [" + value + "].", e);
        }
    }
}
