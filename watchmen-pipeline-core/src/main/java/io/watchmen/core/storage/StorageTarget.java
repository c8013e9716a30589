package io.watchmen.core.storage;

import io.watchmen.core.storage.dialect.SqlDialect;
import javax.sql.DataSource;

/**
 * A database topic data (or metadata) lives in: a key (the data source id, or {@code "meta"}), its SQL dialect,
 * its pool, the optional schema that qualifies table names (the data source param {@code schema}), and the pool
 * units of work take their connections from (one kept in manual-commit mode).
 */
public record StorageTarget(String key, SqlDialect dialect, DataSource dataSource, String schema,
                            DataSource unitOfWorkSource) {

    /** A target whose units of work take their connections from the same pool. */
    public StorageTarget(String key, SqlDialect dialect, DataSource dataSource, String schema) {
        this(key, dialect, dataSource, schema, dataSource);
    }
}
