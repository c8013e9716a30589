package io.watchmen.core.meta;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Watchmen's meta tables (spec storage 1.2) that are missing, in the layout of the reference scripts for
 * the connected database. An existing table is never altered, whatever its columns. The DDL lives in
 * {@code schema-<dialect>.sql} beside this class.
 */
public final class MetaSchema {

    private static final Logger LOG = LoggerFactory.getLogger(MetaSchema.class);

    /** Every table this class creates, in creation order. */
    public static final List<String> TABLES = List.of("tenants", "users", "pats", "data_sources", "external_writers",
            "topics", "pipelines", "key_stores", "snowflake_competitive_workers", "snowflake_workers");

    /** The reference seeds 1 024 free v2 worker rows (18.0.1); without them v2 cannot claim an id. */
    private static final int SNOWFLAKE_WORKER_ROWS = 1024;

    private MetaSchema() {
    }

    public static void createIfAbsent(DataSource meta) {
        try (Connection connection = meta.getConnection()) {
            connection.setAutoCommit(true);
            MetaDialect dialect = MetaDialect.of(connection);
            Map<String, List<String>> blocks = blocks(dialect.schemaResource());
            Set<String> existing = existingTables(connection);
            for (String table : TABLES) {
                if (existing.contains(table)) {
                    continue;
                }
                List<String> statements = blocks.get(table);
                if (statements == null) {
                    throw new IllegalStateException("No DDL for meta table " + table + " in "
                            + dialect.schemaResource());
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                }
                LOG.info("Created meta table {}.", table);
                if (table.equals("snowflake_workers")) {
                    seedSnowflakeWorkers(connection);
                }
            }
        } catch (SQLException e) {
            throw new WatchmenException(ErrorCode.STORAGE_FAILED, "Cannot create the Watchmen meta tables: "
                    + e.getMessage() + " (SQLState " + e.getSQLState() + ").", e);
        }
    }

    /** Table names of the connection's current catalog/schema, lower-cased (H2 reports upper case). */
    private static Set<String> existingTables(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Set<String> names = new HashSet<>();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Inserts the free worker rows unless another instance got there first (all or nothing). */
    private static void seedSnowflakeWorkers(Connection connection) throws SQLException {
        try (Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM snowflake_workers")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                return;
            }
        }
        Timestamp epoch = Timestamp.valueOf(LocalDateTime.of(1970, 1, 1, 0, 0, 0));
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO snowflake_workers"
                + " (data_center_id, worker_id, registered_at, last_beat_at, locked) VALUES (0, ?, ?, ?, 0)")) {
            for (int workerId = 0; workerId < SNOWFLAKE_WORKER_ROWS; workerId++) {
                insert.setInt(1, workerId);
                insert.setTimestamp(2, epoch);
                insert.setTimestamp(3, epoch);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            LOG.info("Snowflake worker rows not seeded (another instance may have done it): SQLState {}.",
                    e.getSQLState());
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Splits the resource into "-- table: name" blocks of statements ending with ';'. */
    static Map<String, List<String>> blocks(String resource) {
        String text;
        try (InputStream in = MetaSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> current = null;
        StringBuilder statement = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("-- table:")) {
                current = new ArrayList<>();
                blocks.put(trimmed.substring("-- table:".length()).trim(), current);
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("--") || current == null) {
                continue;
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = statement.toString().trim();
                current.add(sql.substring(0, sql.length() - 1));
                statement.setLength(0);
            }
        }
        return blocks;
    }
}
