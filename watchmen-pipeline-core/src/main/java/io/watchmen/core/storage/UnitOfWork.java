package io.watchmen.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One transaction per data source for everything one trigger item writes, handed down explicitly (as Jdbi
 * hands out its Handle). Connections are opened on first use with auto-commit off; {@link #commit()} commits
 * them all, {@link #rollback()} rolls them all back, {@link #close()} returns them to their pools (rolling back
 * anything not committed).
 *
 * <p>A unit shared by a chunk of items {@link #defersWrites() defers} inserts (write-behind): they are sent as
 * batches before anything else touches the same database and before the commit, so every read sees every earlier
 * write, as it would one item at a time.
 */
public interface UnitOfWork extends AutoCloseable {

    /**
     * Binds the values of one row onto an insert, from parameter index {@code first} on (1 unless the insert is one
     * of several in one statement), and returns the index after its last.
     */
    @FunctionalInterface
    interface RowBinder {
        int bind(PreparedStatement statement, int first) throws SQLException;
    }

    /**
     * The connection of this unit on the given storage, opened (and its transaction begun) on first use. In a
     * deferring unit the rows deferred on that storage are sent first.
     */
    Connection connection(StorageTarget target);

    /** Whether {@link #defer} holds rows back (a unit shared by a chunk of items); false by default. */
    default boolean defersWrites() {
        return false;
    }

    /**
     * Writes one row with {@code sql} (an INSERT, whose SQL text groups the rows of one batch): held back in a
     * deferring unit, executed at once otherwise. {@code table} names the table in a failure.
     */
    default void defer(StorageTarget target, String sql, String table, RowBinder binder) {
        recordWrite(target);
        try (PreparedStatement statement = connection(target).prepareStatement(sql)) {
            binder.bind(statement, 1);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw target.dialect().translate(e, "Failed to write a row into " + table + " on data source["
                    + target.key() + "]");
        }
    }

    /**
     * Whether {@link #deferToCommit} holds rows for {@code target} until the commit: a unit of one item on a pool
     * whose connections take one statement of several (MariaDB/MySQL, PostgreSQL). False by default.
     */
    default boolean holdsUntilCommit(StorageTarget target) {
        return false;
    }

    /**
     * Writes a row that no statement of this unit reads back (the delivery ledger's claim, the monitor logs of an
     * invocation): a deferring unit defers it as {@link #defer} does; a unit that {@link #holdsUntilCommit holds}
     * keeps it until {@link #commit()}, which sends the rows held on one database in one statement of several,
     * with the COMMIT where the driver allows, or until {@link #beforeExternalWrite()}; otherwise it is written at
     * once. A held row that fails (a duplicate key) fails the commit, before any data source committed.
     */
    default void deferToCommit(StorageTarget target, String sql, String table, RowBinder binder) {
        defer(target, sql, table, binder);
    }

    /**
     * Called just before a write outside the database, which a rollback cannot take back: sends the rows held for
     * the commit, so a delivery whose item is done (its held ledger claim conflicts) fails here, before the call.
     */
    default void beforeExternalWrite() {
    }

    /**
     * Marks a deferring unit as unable to hold what was asked of it (a write outside the database, which a
     * rollback cannot take back): its items must each run in a unit of their own. No effect on other units.
     */
    default void requireOwnUnits() {
    }

    /** Whether {@link #requireOwnUnits()} was called on this deferring unit. */
    default boolean ownUnitsRequired() {
        return false;
    }

    /**
     * Records that a statement writing rows ran (or is about to run) on {@code target}'s connection: callers that
     * write through {@link #connection(StorageTarget)} say so, deferred rows count by themselves. Reads do not:
     * a data source an item only read needs no done mark (and may be one the runtime cannot create tables in).
     */
    default void recordWrite(StorageTarget target) {
    }

    /**
     * The targets written (a recorded write, or a deferred row) since the previous call, in order of first write,
     * and forgets them: the data sources one item of a chunk wrote, though the chunk's connections stay open. The
     * delivery ledger writes its done marks there. Empty by default.
     */
    default List<StorageTarget> writtenTargets() {
        return List.of();
    }

    void commit();

    void rollback();

    @Override
    void close();
}
