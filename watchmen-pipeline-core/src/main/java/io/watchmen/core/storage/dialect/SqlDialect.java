package io.watchmen.core.storage.dialect;

/**
 * Everything that differs between MySQL/MariaDB, PostgreSQL and H2: identifier quoting, column types, paging,
 * locking, JSON columns, error classification. All SQL text of topic storage is built through this type.
 */
public interface SqlDialect {

    /** A short name: {@code mysql}, {@code postgresql} or {@code h2}. */
    String name();

    /** Quotes an identifier that has already been validated (see {@code storage.Identifiers}). */
    String quote(String identifier);

    /** The dialect for a JDBC URL ({@code jdbc:mysql:}, {@code jdbc:mariadb:}, {@code jdbc:postgresql:}, {@code jdbc:h2:}). */
    static SqlDialect forJdbcUrl(String jdbcUrl) {
        return Dialects.forJdbcUrl(jdbcUrl);
    }
}
