package io.watchmen.core.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Several rows' INSERTs (and optionally the COMMIT) as one prepared statement of several SQL statements, sent in
 * one round trip: MariaDB/MySQL with {@code allowMultiQueries} (the connector fills the bind parameters in on the
 * client, escaped, as it does for every prepared statement by default), PostgreSQL natively (pgjdbc sends each
 * statement's Parse/Bind/Execute and one Sync). Values stay bind parameters: each row's binder binds onto its own
 * statement's placeholders through a view of the statement that shifts parameter indexes.
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
            int offset = 0;
            for (Row row : rows) {
                row.binder().bind(offset == 0 ? statement : shifted(statement, offset));
                offset += placeholders(row.sql());
            }
            statement.execute();
        }
    }

    /**
     * The {@code ?} placeholders of a generated INSERT: outside quoted literals and quoted identifiers (our SQL
     * has no comments).
     */
    static int placeholders(String sql) {
        int count = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }

    /** {@code statement} with every {@code setXxx(int index, ...)} moved {@code offset} parameters on. */
    private static PreparedStatement shifted(PreparedStatement statement, int offset) {
        InvocationHandler handler = (proxy, method, args) -> invoke(statement, offset, method, args);
        return (PreparedStatement) Proxy.newProxyInstance(CombinedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(PreparedStatement statement, int offset, Method method, Object[] args)
            throws Throwable {
        if (method.getName().startsWith("set") && args != null && args.length >= 2
                && method.getParameterTypes()[0] == int.class) {
            args[0] = (Integer) args[0] + offset;
        }
        try {
            return method.invoke(statement, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
