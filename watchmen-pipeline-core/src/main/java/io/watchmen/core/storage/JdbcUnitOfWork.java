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
        /** Rows no statement of the unit reads back, held for the commit (a unit of one item). */
        final Map<String, Deferred> held = new LinkedHashMap<>();

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

    /** A unit of one item holds rows for the commit where one statement of several can carry them. */
    @Override
    public boolean holdsUntilCommit(StorageTarget target) {
        return !deferring && multiStatements(target);
    }

    @Override
    public void deferToCommit(StorageTarget target, String sql, String table, RowBinder binder) {
        if (!holdsUntilCommit(target)) {
            defer(target, sql, table, binder);
            return;
        }
        touch(target);
        open(target).held.computeIfAbsent(sql, text -> new Deferred(table, new ArrayList<>())).rows().add(binder);
    }

    /** Sends the held rows now: a duplicate delivery fails here, before a call outside the database. */
    @Override
    public void beforeExternalWrite() {
        if (flushFailure != null) {
            throw flushFailure;
        }
        for (Opened opened : connections.values()) {
            send(opened, opened.held, false);
        }
    }

    private static boolean multiStatements(StorageTarget target) {
        return target.dataSource() instanceof LazyPool pool && pool.multiStatements();
    }

    private static boolean commitInStatement(StorageTarget target) {
        return target.dataSource() instanceof LazyPool pool && pool.commitInStatement();
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

    /** Sends the rows deferred on one connection (not those held for the commit). */
    private void flush(Opened opened) {
        send(opened, opened.deferred, false);
    }

    /**
     * Sends {@code rows} (and empties it), then COMMIT when {@code commit}: as one statement of several when the
     * pool allows it and the rows are few (one round trip), otherwise one batch per SQL text, in order of first
     * use. Returns whether the COMMIT went with them.
     */
    private boolean send(Opened opened, Map<String, Deferred> rows, boolean commit) {
        if (rows.isEmpty()) {
            return false;
        }
        List<Map.Entry<String, Deferred>> groups = new ArrayList<>(rows.entrySet());
        rows.clear();
        List<CombinedStatement.Row> combined = combinable(opened, groups, commit);
        if (combined != null) {
            try {
                CombinedStatement.execute(opened.connection, combined, commit);
                return commit;
            } catch (SQLException e) {
                throw failed(opened, e, combined.size() + " rows into " + tables(groups));
            }
        }
        for (Map.Entry<String, Deferred> group : groups) {
            Deferred deferred = group.getValue();
            try (PreparedStatement statement = opened.connection.prepareStatement(group.getKey())) {
                for (RowBinder row : deferred.rows()) {
                    row.bind(statement, 1);
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw failed(opened, e, deferred.rows().size() + " rows into " + deferred.table());
            }
        }
        return false;
    }

    /**
     * The rows as one statement of several, or null: a single row without a COMMIT gains nothing, many rows go
     * faster as batches (MariaDB's bulk command, PostgreSQL's rewritten multi-row INSERT).
     */
    private static List<CombinedStatement.Row> combinable(Opened opened, List<Map.Entry<String, Deferred>> groups,
                                                          boolean commit) {
        if (!multiStatements(opened.target)) {
            return null;
        }
        List<CombinedStatement.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Deferred> group : groups) {
            for (RowBinder binder : group.getValue().rows()) {
                if (rows.size() == CombinedStatement.MAX_ROWS) {
                    return null;
                }
                rows.add(new CombinedStatement.Row(group.getKey(), binder));
            }
        }
        return rows.size() > 1 || commit ? rows : null;
    }

    private static String tables(List<Map.Entry<String, Deferred>> groups) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Deferred> group : groups) {
            text.append(text.isEmpty() ? "" : ", ").append(group.getValue().table());
        }
        return text.toString();
    }

    /** A failed send fails the unit: its commit refuses, even when a caller swallowed this. */
    private WatchmenException failed(Opened opened, SQLException e, String what) {
        // not a DuplicateKeyException: no caller may take this for its own insert's conflict and go on
        SQLException cause = e.getNextException() != null && e.getSQLState() == null ? e.getNextException() : e;
        String state = cause.getSQLState();
        ErrorCode code = state != null && state.startsWith("22") ? ErrorCode.DATA_INVALID : ErrorCode.STORAGE_FAILED;
        flushFailure = new WatchmenException(code, "Failed to write " + what + " on data source["
                + opened.target.key() + "]" + (state == null ? "" : " (SQLState " + state + ")"), e);
        opened.deferred.clear();
        opened.held.clear();
        return flushFailure;
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
        // every row is sent before the first commit: a held claim that finds its item done fails here, before
        // any data source commits. The COMMIT joins the last statement only when there is one connection.
        boolean alone = connections.size() == 1;
        for (Opened opened : connections.values()) {
            // a unit holds rows (one item) or defers them (a chunk), never both
            send(opened, deferring ? opened.deferred : opened.held, alone && commitInStatement(opened.target));
        }
        List<Opened> reversed = new ArrayList<>(connections.values());
        Collections.reverse(reversed);
        for (Opened opened : reversed) {
            try {
                // after a COMMIT inside the statement MariaDB Connector/J sends nothing here (the server reported
                // no open transaction); the call still tells the pool the connection is clean
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
            opened.held.clear();
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
            opened.held.clear();
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
