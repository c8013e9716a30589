package io.watchmen.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Several rows' INSERTs (and optionally the COMMIT) as one prepared statement of several SQL statements, sent in
 * one round trip: MariaDB/MySQL with {@code allowMultiQueries} (the connector fills the bind parameters in on the
 * client, escaped, as it does for every prepared statement by default), PostgreSQL natively (pgjdbc sends each
 * statement's Parse/Bind/Execute and one Sync). Values stay bind parameters: each row's binder binds from the index
 * after the previous row's last parameter.
 *
 * <p>The server stops at the first statement that fails and the driver throws: no later statement (and no
 * COMMIT) runs, and the caller rolls the transaction back.
 */
final class CombinedStatement {

    /** At most this many rows go in one combined statement; more go as JDBC batches, one per SQL text. */
    static final int MAX_ROWS = 16;

    /** One row: its INSERT text and binder. */
    record Row(String sql, UnitOfWork.RowBinder binder) {
    }

    private CombinedStatement() {
    }

    /** Executes {@code rows} in order, then COMMIT when {@code commit}, as one statement of several. */
    static void execute(Connection connection, List<Row> rows, boolean commit) throws SQLException {
        StringBuilder sql = new StringBuilder(rows.size() * 256);
        for (Row row : rows) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(row.sql());
        }
        if (commit) {
            sql.append(";\nCOMMIT");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int next = 1;
            for (Row row : rows) {
                next = row.binder().bind(statement, next);
            }
            statement.execute();
        }
    }
}
