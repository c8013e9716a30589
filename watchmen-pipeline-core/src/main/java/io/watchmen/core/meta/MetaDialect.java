package io.watchmen.core.meta;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/** The meta database's flavour, read from the connection metadata; decides the DDL file and JSON binding. */
enum MetaDialect {
    MYSQL("schema-mysql.sql"),
    POSTGRESQL("schema-postgresql.sql"),
    H2("schema-h2.sql");

    private final String schemaResource;

    MetaDialect(String schemaResource) {
        this.schemaResource = schemaResource;
    }

    String schemaResource() {
        return schemaResource;
    }

    static MetaDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (lower.contains("mysql") || lower.contains("mariadb")) {
            return MYSQL;
        }
        if (lower.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (lower.equals("h2")) {
            return H2;
        }
        throw new WatchmenException(ErrorCode.CONFIG_INVALID, "The meta database [" + product
                + "] is not supported: use MySQL, MariaDB, PostgreSQL or H2.");
    }

    /**
     * Binds JSON text. PostgreSQL refuses a varchar parameter for a JSON column unless the type is left
     * unspecified (the driver's {@code Types.OTHER}); the others take a plain string.
     */
    void bindJson(PreparedStatement statement, int index, String json) throws SQLException {
        if (json == null) {
            statement.setNull(index, this == POSTGRESQL ? Types.OTHER : Types.VARCHAR);
        } else if (this == POSTGRESQL) {
            statement.setObject(index, json, Types.OTHER);
        } else {
            statement.setString(index, json);
        }
    }
}
