package io.watchmen.core.storage.dialect;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;

/** Picks the dialect from a JDBC URL. */
final class Dialects {

    private Dialects() {
    }

    static SqlDialect forJdbcUrl(String jdbcUrl) {
        if (jdbcUrl != null) {
            if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:")) {
                return MySqlDialect.INSTANCE;
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return PostgresDialect.INSTANCE;
            }
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return H2Dialect.INSTANCE;
            }
        }
        throw new WatchmenException(ErrorCode.CONFIG_INVALID, "Unsupported JDBC URL [" + jdbcUrl
                + "]: use jdbc:mysql:, jdbc:mariadb:, jdbc:postgresql: or jdbc:h2:.");
    }
}
