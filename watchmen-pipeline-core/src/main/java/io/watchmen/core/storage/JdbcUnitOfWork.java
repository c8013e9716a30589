package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection and transaction per {@link StorageTarget} key, opened on first use with auto-commit off. Not
 * thread-safe: one trigger item (or one chunk of items) is processed by one thread.
 *
 * <p>A deferring unit keeps deferred rows per target and SQL text, in order, and sends each group as one JDBC
 * batch when that target's connection is asked for (every find, update, lock, delete or aggregate asks first) and
 * at commit. A failed batch fails the unit: its commit refuses, so a caller that swallowed the failure cannot
 * commit a unit that lost rows.
 */
final class JdbcUnitOfWork implements UnitOfWork {

    private final boolean deferring;
    private final Map<String, Opened> connections = new LinkedHashMap<>();
    /** Targets written since the last {@link #writtenTargets()}, by key, in order of first write. */
    private final Map<String, StorageTarget> touched = new LinkedHashMap<>();
    /** The last target recorded in {@link #touched}: most calls in a row ask for the same one. */
    private StorageTarget lastTouched;
    private boolean closed;
    /** Statements may have run since the last commit or rollback: close() must roll back. */
    private boolean pending;
    private boolean ownUnitsRequired;
    /** A deferred batch failed: the transaction lost rows and must not commit. */
    private WatchmenException flushFailure;

    JdbcUnitOfWork(boolean deferring) {
        this.deferring = deferring;
    }

    /** An open connection and the rows deferred on it, grouped by SQL text in order of first use. */
    private static final class Opened {
        final StorageTarget target;
        final Connection connection;
        final Map<String, Deferred> deferred = new LinkedHashMap<>();

        Opened(StorageTarget target, Connection connection) {
            this.target = target;
            this.connection = connection;
        }
    }

    private record Deferred(String table, List<RowBinder> rows) {
    }

    @Override
    public Connection connection(StorageTarget target) {
        Opened opened = open(target);
        flush(opened);
        return opened.connection;
    }

    @Override
    public boolean defersWrites() {
        return deferring;
    }

    @Override
    public void defer(StorageTarget target, String sql, String table, RowBinder binder) {
        if (!deferring) {
            UnitOfWork.super.defer(target, sql, table, binder);
            return;
        }
        // opened now, not at the flush: connections commit in reverse order of first use (see commit())
        touch(target);
        open(target).deferred.computeIfAbsent(sql, text -> new Deferred(table, new ArrayList<>())).rows().add(binder);
    }

    @Override
    public void recordWrite(StorageTarget target) {
        touch(target);
    }

    @Override
    public List<StorageTarget> writtenTargets() {
        if (touched.isEmpty()) {
            return List.of();
        }
        List<StorageTarget> targets = List.copyOf(touched.values());
        touched.clear();
        lastTouched = null;
        return targets;
    }

    private void touch(StorageTarget target) {
        if (target != lastTouched) {
            touched.putIfAbsent(target.key(), target);
            lastTouched = target;
        }
    }

    @Override
    public void requireOwnUnits() {
        if (deferring) {
            ownUnitsRequired = true;
        }
    }

    @Override
    public boolean ownUnitsRequired() {
        return ownUnitsRequired;
    }

    private Opened open(StorageTarget target) {
        if (closed) {
            throw new WatchmenException(ErrorCode.INTERNAL, "Unit of work is closed.");
        }
        pending = true;
        Opened opened = connections.get(target.key());
        if (opened == null) {
            try {
                Connection connection = target.dataSource().getConnection();
                try {
                    // the registry's pools hand out connections with auto-commit off already: no round trip
                    if (connection.getAutoCommit()) {
                        connection.setAutoCommit(false);
                    }
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
        return opened;
    }

    /** Sends the rows deferred on one connection: one batch per SQL text, in order of first use. */
    private void flush(Opened opened) {
        if (opened.deferred.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Deferred>> groups = new ArrayList<>(opened.deferred.entrySet());
        opened.deferred.clear();
        for (Map.Entry<String, Deferred> group : groups) {
            Deferred rows = group.getValue();
            try (PreparedStatement statement = opened.connection.prepareStatement(group.getKey())) {
                for (RowBinder row : rows.rows()) {
                    row.bind(statement);
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                // not a DuplicateKeyException: no caller may take this for its own insert's conflict and go on
                SQLException cause = e.getNextException() != null && e.getSQLState() == null
                        ? e.getNextException() : e;
                String state = cause.getSQLState();
                ErrorCode code = state != null && state.startsWith("22") ? ErrorCode.DATA_INVALID
                        : ErrorCode.STORAGE_FAILED;
                flushFailure = new WatchmenException(code, "Failed to write " + rows.rows().size()
                        + " deferred rows into " + rows.table() + " on data source[" + opened.target.key() + "]"
                        + (state == null ? "" : " (SQLState " + state + ")"), e);
                opened.deferred.clear();
                throw flushFailure;
            }
        }
    }

    /**
     * Sends every deferred row, then commits in reverse order of first use. The delivery ledger claims its row
     * first (on the meta database), so the meta database commits last, after every other data source. Each of
     * those holds the item's done mark ({@code wmx_delivery_marks}, written into the same transaction just before
     * this commit), so a process that dies between the commits leaves data sources whose writes committed with
     * their marks, and no ledger row: the redelivery claims the item again, finds the marks where it writes them,
     * and reports the item done (every data source holds one) or in doubt (only some do) instead of running it
     * twice. The other order would leave a ledger row saying "done" for writes that were lost, which nothing can
     * detect.
     */
    @Override
    public void commit() {
        if (flushFailure != null) {
            throw new WatchmenException(flushFailure.code(), "Not committed: " + flushFailure.getMessage(),
                    flushFailure);
        }
        for (Opened opened : connections.values()) {
            flush(opened);
        }
        List<Opened> reversed = new ArrayList<>(connections.values());
        Collections.reverse(reversed);
        for (Opened opened : reversed) {
            try {
                opened.connection.commit();
            } catch (SQLException e) {
                throw opened.target.dialect().translate(e, "Failed to commit on data source["
                        + opened.target.key() + "]");
            }
        }
        pending = false;
    }

    @Override
    public void rollback() {
        WatchmenException failure = null;
        for (Opened opened : connections.values()) {
            opened.deferred.clear();
            try {
                opened.connection.rollback();
            } catch (SQLException e) {
                WatchmenException wrapped = opened.target.dialect().translate(e, "Failed to roll back on"
                        + " data source[" + opened.target.key() + "]");
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        flushFailure = null;
        if (failure != null) {
            throw failure;
        }
        pending = false;
    }

    /** Drops deferred rows, rolls back anything not committed and returns every connection to its pool. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Opened opened : connections.values()) {
            opened.deferred.clear();
            try (Connection connection = opened.connection) {
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
