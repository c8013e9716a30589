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
 * Creates the project's {@code wmx_} tables when absent: the ledger's in the meta database from
 * {@code ledger/<dialect>.sql} beside this class, the done marks in a data database from
 * {@code ledger/marks-<dialect>.sql}. DDL runs on a connection of its own with auto-commit on (MySQL commits
 * implicitly around DDL, so it must never run inside an item's transaction). A table present already is left as it
 * is, never altered.
 */
final class LedgerTables {

    static final String LEDGER = "wmx_delivery_ledger";
    static final String FAILURES = "wmx_failed_deliveries";
    static final String MARKS = "wmx_delivery_marks";

    private LedgerTables() {
    }

    static void createIfAbsent(StorageTarget target) {
        create(target, statements("ledger/" + target.dialect().name() + ".sql"), List.of(LEDGER, FAILURES),
                LEDGER + ", " + FAILURES);
    }

    /** The done marks' table of a data database, qualified by its schema as the topic tables there are. */
    static String marks(StorageTarget target) {
        return target.projectTable(MARKS);
    }

    static void createMarksIfAbsent(StorageTarget target) {
        String table = marks(target);
        List<String> statements = new ArrayList<>();
        for (String sql : statements("ledger/marks-" + target.dialect().name() + ".sql")) {
            statements.add(sql.replace("${table}", table));
        }
        create(target, statements, List.of(table), MARKS);
    }

    private static void create(StorageTarget target, List<String> statements, List<String> tables, String names) {
        try (Connection connection = target.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            for (String sql : statements) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                } catch (SQLException e) {
                    // Another instance may create the same table at the same moment (PostgreSQL then reports a
                    // catalog conflict even with IF NOT EXISTS): accept it when the tables are there now.
                    if (!present(connection, tables)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new WatchmenException(ErrorCode.STORAGE_FAILED, "Failed to create the delivery ledger tables ("
                    + names + ") in data source[" + target.key() + "] (SQLState " + e.getSQLState() + ").", e);
        }
    }

    /** Whether every table (SQL names) can be read on this connection. */
    static boolean present(Connection connection, List<String> tables) {
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static List<String> statements(String resource) {
        try (InputStream in = LedgerTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new WatchmenException(ErrorCode.CONFIG_INVALID, "No delivery ledger DDL [" + resource
                        + "] for this dialect.");
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
