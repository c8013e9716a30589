package io.watchmen.samples;

import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.Identifiers;
import io.watchmen.core.storage.StorageTarget;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every row of a topic's table, keyed by factor name (technical columns keep their column names), with
 * JDBC date and time types turned into {@code java.time} values. For showing and checking results, not for
 * pipelines: the kernel reads through {@code TopicDataService}.
 */
public final class TopicRows {

    private TopicRows() {
    }

    public static List<Map<String, Object>> read(StorageTarget target, Topic topic) {
        String table = Identifiers.tableName(topic);
        try (Connection connection = target.dataSource().getConnection()) {
            try {
                return select(connection, qualified(target, target.dialect().quote(table), true), topic);
            } catch (SQLException quotedFailed) {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // PostgreSQL refuses any statement after a failed one in a transaction
                }
                // a table created without quotes (an existing database) is found by its folded name
                return select(connection, qualified(target, table, false), topic);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rows of topic [" + topic.name() + "] from table ["
                    + table + "]: " + e.getMessage(), e);
        }
    }

    private static String qualified(StorageTarget target, String table, boolean quoted) {
        String schema = target.schema();
        if (schema == null || schema.isBlank()) {
            return table;
        }
        return (quoted ? target.dialect().quote(schema) : schema) + "." + table;
    }

    private static List<Map<String, Object>> select(Connection connection, String table, Topic topic)
            throws SQLException {
        Map<String, String> factorByColumn = new HashMap<>();
        for (Factor factor : topic.factors()) {
            if (factor.name() != null && (!topic.isRaw() ? !factor.name().contains(".") : factor.isFlatten())) {
                factorByColumn.put(Identifiers.columnName(factor.name()), factor.name());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    row.put(factorByColumn.getOrDefault(column, column), normalise(result.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object normalise(Object value) throws SQLException {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value != null && value.getClass().getName().equals("org.postgresql.util.PGobject")) {
            return value.toString();
        }
        return value;
    }
}
