package io.watchmen.reliability;

import io.watchmen.core.storage.StorageTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of the fixture's topic tables and the ledger tables, read directly: a partial write shows here. */
final class TableCounts {

    static final String EVENTS = "topic_rel_event";
    static final String TOTALS = "topic_rel_account_total";
    static final String MAPPED = "topic_rel_mapped";
    static final String MAPPED_TARGET = "topic_rel_mapped_target";
    static final String B_ONLY = "topic_rel_b_only";
    static final String LEDGER = "wmx_delivery_ledger";
    static final String FAILURES = "wmx_failed_deliveries";
    static final List<String> TABLES = List.of(EVENTS, TOTALS, MAPPED, MAPPED_TARGET, B_ONLY, LEDGER, FAILURES);

    private TableCounts() {
    }

    static Map<String, Long> of(StorageTarget target) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = target.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table(target, table))) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count rows: " + e.getMessage(), e);
        }
        return counts;
    }

    /** Topic tables are created with quoted names (case matters on H2 and PostgreSQL); the wmx_ tables are not. */
    static String table(StorageTarget target, String table) {
        return table.startsWith("topic_") ? target.dialect().quote(table) : table;
    }

    /** {@code SELECT columns FROM table WHERE likeColumn LIKE ?}, names quoted as the storage quotes them. */
    static String select(StorageTarget target, String table, String likeColumn, String... columns) {
        List<String> quoted = new java.util.ArrayList<>();
        for (String column : columns) {
            quoted.add(target.dialect().quote(column));
        }
        return "SELECT " + String.join(", ", quoted) + " FROM " + table(target, table) + " WHERE "
                + target.dialect().quote(likeColumn) + " LIKE ?";
    }

    static long count(StorageTarget target, String sql, String... parameters) {
        try (Connection connection = target.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run [" + sql + "]: " + e.getMessage(), e);
        }
    }

    /** The failure record of a delivery key: error code, message, attempts; null when there is none. */
    static String[] failure(StorageTarget target, String deliveryKey) {
        try (Connection connection = target.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT error_code, error_message, attempts"
                     + " FROM " + FAILURES + " WHERE delivery_key = ?")) {
            statement.setString(1, deliveryKey);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3))}
                        : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a failure record: " + e.getMessage(), e);
        }
    }
}
