package io.watchmen.core.storage;

import io.watchmen.core.storage.dialect.SqlDialect;
import javax.sql.DataSource;

/**
 * A database topic data (or metadata) lives in: a key (the data source id, or {@code "meta"}), its SQL dialect,
 * its pool, and the optional schema that qualifies table names (the data source param {@code schema}).
 */
public record StorageTarget(String key, SqlDialect dialect, DataSource dataSource, String schema) {
}
