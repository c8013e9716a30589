package io.watchmen.core.meta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** UPDATE / INSERT by primary key over constant table and column names; every value is bound. */
final class MetaStatements {

    /** JSON text for a JSON column (bound per dialect). */
    record Json(String text) {
    }

    private MetaStatements() {
    }

    static int update(Connection connection, MetaDialect dialect, String table, Map<String, Object> key,
                      Map<String, Object> row) throws SQLException {
        List<String> sets = new ArrayList<>();
        row.keySet().forEach(column -> sets.add(column + " = ?"));
        List<String> conditions = new ArrayList<>();
        key.keySet().forEach(column -> conditions.add(column + " = ?"));
        String sql = "UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE "
                + String.join(" AND ", conditions);
        List<Object> values = new ArrayList<>(row.values());
        values.addAll(key.values());
        return execute(connection, dialect, sql, values);
    }

    static void insert(Connection connection, MetaDialect dialect, String table, Map<String, Object> key,
                       Map<String, Object> row) throws SQLException {
        List<String> columns = new ArrayList<>(key.keySet());
        columns.addAll(row.keySet());
        List<Object> values = new ArrayList<>(key.values());
        values.addAll(row.values());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        execute(connection, dialect, sql, values);
    }

    private static int execute(Connection connection, MetaDialect dialect, String sql, List<Object> values)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                bind(statement, dialect, i + 1, values.get(i));
            }
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, MetaDialect dialect, int index, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Json json) {
            dialect.bindJson(statement, index, json.text());
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof LocalDateTime time) {
            statement.setObject(index, time);
        } else {
            throw new IllegalArgumentException("Unsupported meta value type " + value.getClass().getName());
        }
    }
}
