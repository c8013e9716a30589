package io.watchmen.core.storage;

import io.watchmen.core.storage.dialect.SqlDialect;
import javax.sql.DataSource;

/**
 * A database topic data (or metadata) lives in: a key (the data source id, or {@code "meta"}), its SQL dialect,
 * its pool, and the optional schema that qualifies table names (the data source param {@code schema}).
 */
public record StorageTarget(String key, SqlDialect dialect, DataSource dataSource, String schema) {

    /**
     * One of the project's own tables ({@code wmx_}, a constant name left unquoted like the ledger's) in this
     * target's schema: qualified by the schema, checked and quoted as for topic tables, when there is one.
     */
    public String projectTable(String table) {
        String schema = TopicTables.schema(this);
        return schema == null ? table : dialect.quote(schema) + "." + table;
    }
}
