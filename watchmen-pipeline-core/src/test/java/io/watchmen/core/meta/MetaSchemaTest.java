package io.watchmen.core.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MetaSchemaTest {

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        String pattern = c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), pattern, "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_onEmptyDatabase_createsEveryMetaTableWithWatchmenColumns(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("metaschema")) {
            MetaSchema.createIfAbsent(db.dataSource());
            try (Connection c = db.connection()) {
                assertThat(tables(c)).containsAll(MetaSchema.TABLES);
                assertThat(columns(c, "tenants")).containsExactlyInAnyOrder("tenant_id", "name", "enable_ai",
                        "created_at", "created_by", "last_modified_at", "last_modified_by", "version");
                assertThat(columns(c, "users")).containsExactlyInAnyOrder("user_id", "name", "nickname", "password",
                        "is_active", "group_ids", "role", "tenant_id", "email", "created_at", "created_by",
                        "last_modified_at", "last_modified_by", "version");
                assertThat(columns(c, "pats")).containsExactlyInAnyOrder("pat_id", "token", "user_id", "username",
                        "tenant_id", "note", "expired", "permissions", "created_at");
                assertThat(columns(c, "data_sources")).containsExactlyInAnyOrder("data_source_id",
                        "data_source_code", "data_source_type", "host", "port", "username", "password", "name", "url",
                        "params", "tenant_id", "created_at", "created_by", "last_modified_at", "last_modified_by",
                        "version");
                assertThat(columns(c, "external_writers")).containsExactlyInAnyOrder("writer_id", "writer_code",
                        "type", "pat", "url", "tenant_id", "name", "created_at", "created_by", "last_modified_at",
                        "last_modified_by", "version");
                assertThat(columns(c, "topics")).containsExactlyInAnyOrder("topic_id", "name", "description", "type",
                        "kind", "data_source_id", "factors", "tenant_id", "created_at", "created_by",
                        "last_modified_at", "last_modified_by", "version");
                assertThat(columns(c, "pipelines")).containsExactlyInAnyOrder("pipeline_id", "topic_id", "name",
                        "type", "prerequisite_enabled", "prerequisite_on", "stages", "enabled", "validated",
                        "tenant_id", "created_at", "created_by", "last_modified_at", "last_modified_by", "version");
                assertThat(columns(c, "key_stores")).containsExactlyInAnyOrder("tenant_id", "key_type", "params",
                        "created_at", "created_by");
                assertThat(columns(c, "snowflake_competitive_workers")).containsExactlyInAnyOrder("ip",
                        "process_id", "data_center_id", "worker_id", "registered_at", "last_beat_at");
                assertThat(columns(c, "snowflake_workers")).containsExactlyInAnyOrder("data_center_id", "worker_id",
                        "registered_at", "last_beat_at", "locked");
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(worker_id), MAX(worker_id), SUM(locked)"
                             + " FROM snowflake_workers WHERE data_center_id = 0")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1024);
                    assertThat(rs.getLong(2)).isEqualTo(0);
                    assertThat(rs.getLong(3)).isEqualTo(1023);
                    assertThat(rs.getLong(4)).isEqualTo(0);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_runTwice_isIdempotent(TestDatabase database) throws Exception {
        try (TestDb db = database.create("metaschema2")) {
            MetaSchema.createIfAbsent(db.dataSource());
            MetaSchema.createIfAbsent(db.dataSource());
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM snowflake_workers")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1024);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_withExistingTable_neverAltersIt(TestDatabase database) throws Exception {
        try (TestDb db = database.create("metaschema3")) {
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE tenants (tenant_id VARCHAR(50) NOT NULL PRIMARY KEY, legacy_note VARCHAR(10))");
            }
            MetaSchema.createIfAbsent(db.dataSource());
            try (Connection c = db.connection()) {
                assertThat(columns(c, "tenants")).containsExactlyInAnyOrder("tenant_id", "legacy_note");
                assertThat(tables(c)).containsAll(MetaSchema.TABLES);
            }
        }
    }
}
