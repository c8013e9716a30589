package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery ledger and failure records in one database, the meta database: items of topics stored there (a
 * topic without a data source id) are claimed, written and marked done in one transaction. A topic in another
 * data source has a transaction of its own there, committed before the ledger's (the unit of work commits in
 * reverse order of first use, and the claim uses the meta database first), with the item's done mark in it
 * ({@link DeliveryMarks}): a crash between the two commits leaves the item's rows with their mark and no ledger
 * row, and the redelivery finds the mark instead of writing the rows twice. Tables are created on first use.
 */
final class JdbcDeliveryLedger implements DeliveryLedger {

    private static final Logger LOG = LoggerFactory.getLogger("io.watchmen.core.trigger");

    private static final String COLUMNS = "delivery_key, provider, bucket, object_key, object_version, object_size,"
            + " content_sha256, item_index";
    private static final String FAILURE_COLUMNS = COLUMNS + ", trace_id, error_code, error_message, attempts,"
            + " first_failed_at, last_failed_at, dead_lettered, raw_content";
    /** Failure records of items done since are stale: success deletes nothing, readers skip them. */
    private static final String NOT_DONE = " AND NOT EXISTS (SELECT 1 FROM " + LedgerTables.LEDGER
            + " l WHERE l.delivery_key = f.delivery_key)";

    private static final String CLAIM = "INSERT INTO " + LedgerTables.LEDGER + " (" + COLUMNS
            + ", status, trace_id, claimed_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'done', ?, ?, ?)";

    private final StorageTarget target;
    private final Clock clock;
    private final int maxAttempts;
    private final DeliveryMarks marks;
    private volatile boolean tablesReady;
    /** Ledger rows deleted per purge transaction. */
    private int purgeBatch = 1_000;

    /** A ledger that knows no data sources beyond the ones its callers hand it (tests of the ledger alone). */
    JdbcDeliveryLedger(StorageTarget target, Clock clock, int maxAttempts) {
        this(target, clock, maxAttempts, DeliveryMarks.withoutDataSources(clock));
    }

    JdbcDeliveryLedger(StorageTarget target, Clock clock, int maxAttempts, DeliveryMarks marks) {
        this.target = target;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.marks = marks;
    }

    /** Tests: a small batch shows that a purge spanning several transactions deletes every row it should. */
    JdbcDeliveryLedger withPurgeBatch(int rows) {
        this.purgeBatch = rows;
        return this;
    }

    /** Creates the tables when absent (once per instance; also done lazily by every other method). */
    void ensureTables() {
        if (!tablesReady) {
            synchronized (this) {
                if (!tablesReady) {
                    LedgerTables.createIfAbsent(target);
                    tablesReady = true;
                }
            }
        }
    }

    @Override
    public Claim claim(UnitOfWork work, DeliveryKey key, String traceId) {
        ensureTables();
        Timestamp now = now();
        if (work.defersWrites() || work.holdsUntilCommit(target)) {
            // a chunk's claims go in one batch with its first flush; a key done meanwhile fails the batch, so the
            // chunk rolls back and its items run one by one. A unit of one item holds its claim for the commit's
            // round trip; a key done meanwhile fails the commit and the caller finds the item done (doneRecord).
            work.deferToCommit(target, CLAIM, LedgerTables.LEDGER, (insert, first) -> bindClaim(insert, first, key, traceId, now));
            return Claim.granted();
        }
        return insertClaim(work, key, traceId, now);
    }

    @Override
    public Claim claimAtOnce(UnitOfWork work, DeliveryKey key, String traceId) {
        if (work.defersWrites()) {
            return claim(work, key, traceId);
        }
        ensureTables();
        return insertClaim(work, key, traceId, now());
    }

    private Claim insertClaim(UnitOfWork work, DeliveryKey key, String traceId, Timestamp now) {
        Connection connection = work.connection(target);
        // No lookup first: the insert is the claim and the done mark. A concurrent delivery's insert waits on the
        // uncommitted key and then fails with a duplicate key (done) or succeeds (the other rolled back).
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            bindClaim(insert, 1, key, traceId, now);
            insert.executeUpdate();
            return Claim.granted();
        } catch (SQLException e) {
            if (integrityViolation(e)) {
                return alreadyDone(connection, key);
            }
            throw failure(e, "claim", key);
        }
    }

    private static int bindClaim(PreparedStatement insert, int first, DeliveryKey key, String traceId,
                                 Timestamp now) throws SQLException {
        int next = bindKey(insert, first, key);
        insert.setString(next++, traceId);
        insert.setTimestamp(next++, now);
        insert.setTimestamp(next++, now);
        return next;
    }

    @Override
    public Set<String> doneAmong(UnitOfWork work, List<DeliveryKey> keys) {
        ensureTables();
        Set<String> done = new HashSet<>();
        if (keys.isEmpty()) {
            return done;
        }
        Connection connection = work.connection(target);
        try (PreparedStatement select = connection.prepareStatement("SELECT delivery_key FROM " + LedgerTables.LEDGER
                + " WHERE delivery_key IN (" + placeholders(keys.size()) + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                select.setString(i + 1, keys.get(i).value());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    done.add(rows.getString(1).strip());
                }
            }
            return done;
        } catch (SQLException e) {
            throw failure(e, "look up " + keys.size() + " deliveries of " + keys.get(0).ref().display(), null);
        }
    }

    @Override
    public Optional<String> markDone(UnitOfWork work, DeliveryKey key, String traceId, List<StorageTarget> written) {
        return marks.mark(work, target.key(), key, traceId, written).map(StorageTarget::key);
    }

    @Override
    public EarlierAttempt earlierAttempt(DeliveryKey key, List<StorageTarget> written) {
        return marks.earlierAttempt(target.key(), key, written);
    }

    @Override
    public Optional<Claim> doneRecord(DeliveryKey key) {
        ensureTables();
        try (Connection connection = target.dataSource().getConnection()) {
            Claim claim = read(connection, key);
            if (!connection.getAutoCommit()) {
                connection.rollback(); // a read: ends the transaction the pool's auto-commit-off connection began
            }
            return Optional.ofNullable(claim);
        } catch (SQLException e) {
            throw failure(e, "look up", key);
        }
    }

    /** The done row of {@code key}, or null. */
    private static Claim read(Connection connection, DeliveryKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT trace_id, data_id FROM "
                + LedgerTables.LEDGER + " WHERE delivery_key = ?")) {
            select.setString(1, key.value());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    String traceId = row.getString(1);
                    long dataId = row.getLong(2);
                    return Claim.alreadyDone(traceId, row.wasNull() ? null : dataId);
                }
            }
            return null;
        }
    }

    /** The done row that made the claim fail (read on the redelivery path only). */
    private Claim alreadyDone(Connection connection, DeliveryKey key) {
        try {
            Claim claim = read(connection, key);
            return claim == null ? Claim.alreadyDone(null, null) : claim;
        } catch (SQLException e) {
            // the item is done all the same; only its trace id is unknown here
            return Claim.alreadyDone(null, null);
        }
    }

    @Override
    public FailureRecord recordFailure(Failure failure) {
        ensureTables();
        try (Connection connection = target.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                FailureRecord record = upsertFailure(connection, failure);
                connection.commit();
                return record;
            } catch (SQLException e) {
                connection.rollback();
                if (!integrityViolation(e)) {
                    throw e;
                }
                // A concurrent failure of the same item inserted first: count this one on top of it.
                FailureRecord record = upsertFailure(connection, failure);
                connection.commit();
                return record;
            }
        } catch (SQLException e) {
            throw failure(e, "record a failure of", failure.key());
        }
    }

    private FailureRecord upsertFailure(Connection connection, Failure failure) throws SQLException {
        Timestamp now = now();
        Integer previous = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT attempts FROM " + LedgerTables.FAILURES
                + " WHERE delivery_key = ?" + target.dialect().forUpdate())) {
            select.setString(1, failure.key().value());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    previous = row.getInt(1);
                }
            }
        }
        int attempts = previous == null ? 1 : previous + 1;
        boolean dead = Dispositions.deadLetter(failure.code(), attempts, maxAttempts);
        String message = Messages.truncate(failure.message(), 1000);
        if (previous == null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + LedgerTables.FAILURES + " ("
                    + FAILURE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int next = bindKey(insert, 1, failure.key());
                insert.setString(next++, failure.traceId());
                insert.setString(next++, failure.code().name());
                insert.setString(next++, message);
                insert.setInt(next++, attempts);
                insert.setTimestamp(next++, now);
                insert.setTimestamp(next++, now);
                insert.setBoolean(next++, dead);
                insert.setString(next, failure.rawContent());
                insert.executeUpdate();
            }
        } else {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + LedgerTables.FAILURES
                    + " SET trace_id = ?, error_code = ?, error_message = ?, attempts = ?, last_failed_at = ?,"
                    + " dead_lettered = ?, raw_content = ? WHERE delivery_key = ?")) {
                update.setString(1, failure.traceId());
                update.setString(2, failure.code().name());
                update.setString(3, message);
                update.setInt(4, attempts);
                update.setTimestamp(5, now);
                update.setBoolean(6, dead);
                update.setString(7, failure.rawContent());
                update.setString(8, failure.key().value());
                update.executeUpdate();
            }
        }
        return new FailureRecord(attempts, dead);
    }

    /**
     * Deletes the ledger rows of items done before {@code doneBefore}, then the done marks written before it in
     * every data source the marks know (all of the metadata's, in a runtime); a redelivery of such an item would
     * run it again, so keep well beyond the platforms' redelivery windows (hours to days). Returns the ledger rows
     * deleted.
     */
    int purgeDone(LocalDateTime doneBefore) {
        int deleted = purgeLedger(doneBefore);
        // after the ledger: a mark kept longer than its ledger row only makes a late redelivery report "skipped"
        int marksDeleted = marks.purge(doneBefore);
        if (marksDeleted > 0) {
            LOG.info("ledger purged-marks rows={} before={}", marksDeleted, doneBefore);
        }
        return deleted;
    }

    /**
     * Deletes in transactions of at most {@link #purgeBatch} rows (keys found through the done_at index), so the
     * first purge of a ledger that grew for months neither holds one huge transaction nor outlasts a function's
     * timeout without progress: every batch committed stays purged.
     */
    private int purgeLedger(LocalDateTime doneBefore) {
        ensureTables();
        int deleted = 0;
        try (Connection connection = target.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            while (true) {
                List<String> keys = donePage(connection, doneBefore);
                if (keys.isEmpty()) {
                    return deleted;
                }
                try {
                    // stale failure records first: without their ledger row they would read as dead letters again
                    deleteByKeys(connection, LedgerTables.FAILURES, keys);
                    deleted += deleteByKeys(connection, LedgerTables.LEDGER, keys);
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                }
                if (keys.size() < purgeBatch) {
                    return deleted;
                }
            }
        } catch (SQLException e) {
            throw failure(e, "purge done deliveries", null);
        }
    }

    private List<String> donePage(Connection connection, LocalDateTime doneBefore) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT delivery_key FROM " + LedgerTables.LEDGER
                + " WHERE done_at < ? ORDER BY done_at")) {
            select.setTimestamp(1, Timestamp.valueOf(doneBefore));
            select.setMaxRows(purgeBatch);
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        }
    }

    private static int deleteByKeys(Connection connection, String table, List<String> keys) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                + " WHERE delivery_key IN (" + placeholders(keys.size()) + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                delete.setString(i + 1, keys.get(i));
            }
            return delete.executeUpdate();
        }
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        ensureTables();
        try (Connection connection = target.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + FAILURE_COLUMNS + " FROM "
                     + LedgerTables.FAILURES + " f WHERE dead_lettered = ?" + NOT_DONE
                     + " ORDER BY last_failed_at, delivery_key")) {
            select.setBoolean(1, true);
            select.setMaxRows(Math.max(1, limit));
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && letters.size() < limit) {
                    letters.add(read(rows));
                }
            }
            return letters;
        } catch (SQLException e) {
            throw failure(e, "list dead letters", null);
        }
    }

    @Override
    public Optional<DeadLetter> failure(String deliveryKey) {
        ensureTables();
        try (Connection connection = target.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + FAILURE_COLUMNS + " FROM "
                     + LedgerTables.FAILURES + " f WHERE delivery_key = ?" + NOT_DONE)) {
            select.setString(1, deliveryKey);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e, "read the failure record " + deliveryKey, null);
        }
    }

    @Override
    public boolean discard(String deliveryKey) {
        ensureTables();
        try (Connection connection = target.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + LedgerTables.FAILURES
                     + " WHERE delivery_key = ?")) {
            connection.setAutoCommit(true);
            delete.setString(1, deliveryKey);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure(e, "discard the failure record " + deliveryKey, null);
        }
    }

    private static DeadLetter read(ResultSet row) throws SQLException {
        ObjectRef ref = new ObjectRef(row.getString("provider"), row.getString("bucket"), row.getString("object_key"),
                row.getString("object_version"), row.getLong("object_size"));
        DeliveryKey key = new DeliveryKey(row.getString("delivery_key").strip(), ref,
                strip(row.getString("content_sha256")), row.getInt("item_index"));
        return new DeadLetter(key, row.getString("trace_id"), errorCode(row.getString("error_code")),
                row.getString("error_message"), row.getInt("attempts"), time(row.getTimestamp("first_failed_at")),
                time(row.getTimestamp("last_failed_at")), row.getBoolean("dead_lettered"),
                row.getString("raw_content"));
    }

    private static ErrorCode errorCode(String name) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ErrorCode.INTERNAL; // written by a newer version: still listable
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    private static int bindKey(PreparedStatement statement, int first, DeliveryKey key) throws SQLException {
        ObjectRef ref = key.ref();
        statement.setString(first, key.value());
        statement.setString(first + 1, ref.provider());
        statement.setString(first + 2, ref.bucket());
        statement.setString(first + 3, ref.key());
        statement.setString(first + 4, ref.version());
        statement.setLong(first + 5, ref.size());
        statement.setString(first + 6, key.contentSha256());
        statement.setInt(first + 7, key.itemIndex());
        return first + 8;
    }

    /** Naive local time truncated to seconds, as every Watchmen timestamp. */
    /** {@code ?, ?, ...}: one bind parameter per value of an IN list. */
    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    static boolean integrityViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && state.startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private WatchmenException failure(SQLException e, String action, DeliveryKey key) {
        String subject = key == null ? "" : " delivery " + key.value() + " (" + key.ref().display() + " item "
                + key.itemIndex() + ")";
        return new WatchmenException(ErrorCode.STORAGE_FAILED, "Failed to " + action + subject + " in the"
                + " delivery ledger of data source[" + target.key() + "] (SQLState " + e.getSQLState() + ").", e);
    }
}
