package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.storage.StorageTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the project's {@code wmx_} tables when absent, from {@code ledger/<dialect>.sql} beside this class. DDL
 * runs on a connection of its own with auto-commit on (MySQL commits implicitly around DDL, so it must never run
 * inside an item's transaction).
 */
final class LedgerTables {

    static final String LEDGER = "wmx_delivery_ledger";
    static final String FAILURES = "wmx_failed_deliveries";

    private LedgerTables() {
    }

    static void createIfAbsent(StorageTarget target) {
        List<String> statements = statements(target.dialect().name());
        try (Connection connection = target.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    // Another instance may create the same table at the same moment (PostgreSQL then reports a
                    // catalog conflict even with IF NOT EXISTS): accept it when the tables are there now.
                    if (!present(connection)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new WatchmenException(ErrorCode.STORAGE_FAILED, "Failed to create the delivery ledger tables ("
                    + LEDGER + ", " + FAILURES + ") in data source[" + target.key() + "] (SQLState "
                    + e.getSQLState() + ").", e);
        }
    }

    private static boolean present(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + LEDGER + " WHERE 1 = 0").close();
            statement.executeQuery("SELECT COUNT(*) FROM " + FAILURES + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static List<String> statements(String dialect) {
        String resource = "ledger/" + dialect + ".sql";
        try (InputStream in = LedgerTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new WatchmenException(ErrorCode.CONFIG_INVALID, "No delivery ledger DDL for dialect ["
                        + dialect + "].");
            }
            StringBuilder script = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    script.append(line).append('\n');
                }
            }
            List<String> statements = new ArrayList<>();
            for (String statement : script.toString().split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
