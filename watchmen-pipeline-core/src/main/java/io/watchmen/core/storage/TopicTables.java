package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.dialect.SqlDialect;
import io.watchmen.core.storage.dialect.TableIndex;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic tables from a topic's factors (spec storage 2.3-2.5): primary key on {@code id_}, indexes on
 * {@code tenant_id_}, {@code insert_time_}, {@code update_time_}, and one index per {@code u-N} / {@code i-N}
 * group. Index names are generated ({@code <table>_u1}, shortened with a hash for long table names) so they are
 * valid identifiers and unique per schema (PostgreSQL and H2 index names are schema-wide).
 *
 * <p>Deviation: an index group naming a factor that has no column (a raw factor that is not flattened, a dotted
 * factor of a regular topic) is skipped with a warning; the reference emits DDL that fails.
 */
public final class TopicTables {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTables.class);
    private static final Pattern INDEX_GROUP = Pattern.compile("^([ui])-(\\d{1,2})$");

    private TopicTables() {
    }

    /** Creates the topic's table and indexes unless the table exists; never for synonyms. */
    public static void createIfAbsent(StorageTarget target, Topic topic) {
        if (topic.isSynonym()) {
            return;
        }
        TopicColumns layout = TopicColumns.of(topic);
        SqlDialect dialect = target.dialect();
        String schema = schema(target);
        List<String> definitions = new ArrayList<>();
        for (TopicColumns.Column column : layout.columns()) {
            definitions.add(dialect.quote(column.name()) + " " + TopicColumns.sqlType(dialect, column)
                    + (column.role() == TopicColumns.Role.ID ? " NOT NULL" : ""));
        }
        List<String> statements = dialect.createTable(schema, layout.table(), definitions, indexes(layout));
        try {
            execute(target, statements);
        } catch (SQLException first) {
            // another instance may have created it at the same moment (PostgreSQL reports such races as
            // duplicates even with IF NOT EXISTS); the statements are idempotent, so run them once more
            try {
                execute(target, statements);
            } catch (SQLException second) {
                second.addSuppressed(first);
                throw dialect.translate(second, "Failed to create table of topic[id=" + topic.topicId()
                        + ", name=" + topic.name() + "]");
            }
        }
    }

    private static void execute(StorageTarget target, List<String> statements) throws SQLException {
        try (Connection connection = target.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Whether the topic's table (or the synonym's table or view) exists in the target. */
    public static boolean exists(StorageTarget target, Topic topic) {
        String table = Identifiers.tableName(topic);
        String schema = schema(target);
        try (Connection connection = target.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            boolean catalogIsSchema = "mysql".equals(target.dialect().name());
            String catalog = catalogIsSchema ? (schema == null ? connection.getCatalog() : schema) : null;
            String schemaPattern = catalogIsSchema ? null : (schema == null ? connection.getSchema() : schema);
            // databases that fold unquoted names to upper case (H2) store both parts upper-cased
            for (boolean upper : new boolean[]{false, true}) {
                String name = upper ? table.toUpperCase(Locale.ROOT) : table;
                String inSchema = upper && schemaPattern != null && schema != null
                        ? schemaPattern.toUpperCase(Locale.ROOT) : schemaPattern;
                try (ResultSet rs = meta.getTables(catalog, inSchema, name, new String[]{"TABLE", "VIEW",
                        "BASE TABLE"})) {
                    while (rs.next()) {
                        if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw target.dialect().translate(e, "Failed to look up table of topic[id=" + topic.topicId()
                    + ", name=" + topic.name() + "]");
        }
    }

    static String schema(StorageTarget target) {
        String schema = target.schema();
        if (schema == null || schema.isBlank()) {
            return null;
        }
        return Identifiers.checked(schema.trim(), "Schema");
    }

    private static List<TableIndex> indexes(TopicColumns layout) {
        String table = layout.table();
        List<TableIndex> indexes = new ArrayList<>();
        Map<String, List<Factor>> groups = new LinkedHashMap<>();
        for (Factor factor : layout.topic().factors()) {
            String group = factor.indexGroup() == null ? "" : factor.indexGroup().trim();
            if (!group.isEmpty()) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(factor);
            }
        }
        for (Map.Entry<String, List<Factor>> group : groups.entrySet()) {
            var matcher = INDEX_GROUP.matcher(group.getKey());
            if (!matcher.matches()) {
                LOG.warn("Index group[{}] of topic[id={}, name={}] is not u-N or i-N; no index is created for it.",
                        group.getKey(), layout.topic().topicId(), layout.topic().name());
                continue;
            }
            List<String> columns = new ArrayList<>();
            String missing = null;
            for (Factor factor : group.getValue()) {
                TopicColumns.Column column = layout.factorColumn(factor.name());
                if (column == null) {
                    missing = factor.name();
                    break;
                }
                columns.add(column.name());
            }
            if (missing != null) {
                LOG.warn("Index group[{}] of topic[id={}, name={}] names factor[{}], which has no column (a raw"
                                + " factor must be flattened); the index is skipped.", group.getKey(),
                        layout.topic().topicId(), layout.topic().name(), missing);
                continue;
            }
            indexes.add(new TableIndex(indexName(table, matcher.group(1) + matcher.group(2)),
                    "u".equals(matcher.group(1)), columns));
        }
        indexes.add(new TableIndex(indexName(table, "tenant"), false, List.of(TopicColumns.TENANT)));
        indexes.add(new TableIndex(indexName(table, "instime"), false, List.of(TopicColumns.INSERT_TIME)));
        indexes.add(new TableIndex(indexName(table, "updtime"), false, List.of(TopicColumns.UPDATE_TIME)));
        return indexes;
    }

    /** {@code <table>_<suffix>}, or a 36-character prefix plus a hash of the table name when that is too long. */
    static String indexName(String table, String suffix) {
        String name = table + "_" + suffix;
        if (name.length() > 60) {
            String hash = String.format("%08x", table.hashCode());
            name = table.substring(0, 36) + "_" + hash + "_" + suffix;
        }
        if (!Identifiers.isValid(name)) {
            throw new WatchmenException(ErrorCode.IDENTIFIER_INVALID, "Index name[" + name + "] is not valid.");
        }
        return name;
    }
}
