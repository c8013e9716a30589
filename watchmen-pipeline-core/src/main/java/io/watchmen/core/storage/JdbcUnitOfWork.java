package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One connection and transaction per {@link StorageTarget} key, opened on first use with auto-commit off. Not
 * thread-safe: one trigger item is processed by one thread.
 */
final class JdbcUnitOfWork implements UnitOfWork {

    private final Map<String, Opened> connections = new LinkedHashMap<>();
    private boolean closed;
    /** Statements may have run since the last commit or rollback: close() must roll back. */
    private boolean pending;

    private record Opened(StorageTarget target, Connection connection) {
    }

    @Override
    public Connection connection(StorageTarget target) {
        if (closed) {
            throw new WatchmenException(ErrorCode.INTERNAL, "Unit of work is closed.");
        }
        pending = true;
        Opened opened = connections.get(target.key());
        if (opened == null) {
            try {
                Connection connection = target.dataSource().getConnection();
                try {
                    connection.setAutoCommit(false);
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
                opened = new Opened(target, connection);
                connections.put(target.key(), opened);
            } catch (SQLException e) {
                throw target.dialect().translate(e, "Failed to open a connection to data source[" + target.key()
                        + "]");
            }
        }
        return opened.connection();
    }

    /**
     * Commits in reverse order of first use. The delivery ledger claims its row first (on the meta database), so
     * it commits last: when an item spans several databases and the process dies between commits, the ledger
     * does not say "done" for writes that were lost; the redelivery runs the item again instead.
     */
    @Override
    public void commit() {
        java.util.List<Opened> reversed = new java.util.ArrayList<>(connections.values());
        java.util.Collections.reverse(reversed);
        for (Opened opened : reversed) {
            try {
                opened.connection().commit();
            } catch (SQLException e) {
                throw opened.target().dialect().translate(e, "Failed to commit on data source["
                        + opened.target().key() + "]");
            }
        }
        pending = false;
    }

    @Override
    public void rollback() {
        WatchmenException failure = null;
        for (Opened opened : connections.values()) {
            try {
                opened.connection().rollback();
            } catch (SQLException e) {
                WatchmenException wrapped = opened.target().dialect().translate(e, "Failed to roll back on"
                        + " data source[" + opened.target().key() + "]");
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        pending = false;
    }

    /** Rolls back anything not committed and returns every connection to its pool. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Opened opened : connections.values()) {
            try (Connection connection = opened.connection()) {
                // after a commit there is nothing to undo: no ROLLBACK round trip (some drivers always send it)
                if (pending && !connection.isClosed()) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                // a broken connection is discarded by the pool; nothing was committed through it
            }
        }
        connections.clear();
    }
}
