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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Done marks that follow the data: an item that wrote to data sources other than the ledger's database leaves one
 * row ({@code wmx_delivery_marks}: delivery key, data source, trace id, the data sources it marked, time) in each
 * of them, in its transaction there; keyed by data source too, since two data sources (two transactions of the
 * item) may share a database. The unit of work commits those databases before the ledger's, so a crash between the
 * commits leaves committed marks and no ledger row; the redelivery's mark then hits the key, and
 * {@link #earlierAttempt} tells whether that earlier attempt committed everywhere it marked (done) or only in some
 * (in doubt). A deployment with one database writes none. Thread-safe.
 */
final class DeliveryMarks {

    private static final Logger LOG = LoggerFactory.getLogger("io.watchmen.core.trigger");
    /** Longest list of data source ids a mark records; a longer one is not recorded (in doubt when read). */
    private static final int MAX_DATA_SOURCES_CHARS = 2000;

    private final Clock clock;
    private final Function<String, Optional<StorageTarget>> dataSourceById;
    private final Supplier<List<StorageTarget>> allDataSources;
    private final Set<String> tablesReady = ConcurrentHashMap.newKeySet();

    /**
     * @param dataSourceById a data source's target by id, for the check of a data source the redelivery did not
     *                       use; empty when unknown
     * @param allDataSources every data source whose marks a purge deletes
     */
    DeliveryMarks(Clock clock, Function<String, Optional<StorageTarget>> dataSourceById,
                  Supplier<List<StorageTarget>> allDataSources) {
        this.clock = clock;
        this.dataSourceById = dataSourceById;
        this.allDataSources = allDataSources;
    }

    /** Marks nowhere but in the databases given to each call (tests of the ledger alone). */
    static DeliveryMarks withoutDataSources(Clock clock) {
        return new DeliveryMarks(clock, id -> Optional.empty(), List::of);
    }

    /**
     * On a data source's first use: creates its marks table before any unit of work holds a connection there (a
     * pool of one would otherwise wait on itself). A data source the runtime may not create tables in is only
     * reported here: items that merely read it need no mark; an item that writes it fails at its mark instead.
     */
    void prepare(StorageTarget target) {
        try {
            ensureTable(target);
        } catch (WatchmenException e) {
            LOG.warn("ledger marks-table-unavailable dataSource={} error=\"{}\"", target.key(), e.getMessage());
        }
    }

    /** Creates the marks table of a data database when absent (once per target and instance). */
    void ensureTable(StorageTarget target) {
        if (!tablesReady.contains(target.key())) {
            LedgerTables.createMarksIfAbsent(target);
            tablesReady.add(target.key());
        }
    }

    /**
     * Writes the item's mark into each of {@code targets} except the ledger's ({@code ledgerKey}), inside
     * {@code work}: deferred in a deferring unit (a mark there already fails its batch and so the unit), at once
     * otherwise. Returns the first data source that held the item's mark already (units of one item only).
     */
    Optional<StorageTarget> mark(UnitOfWork work, String ledgerKey, DeliveryKey key, String traceId,
                                 List<StorageTarget> targets) {
        List<StorageTarget> marked = new ArrayList<>(targets.size());
        for (StorageTarget target : targets) {
            if (!target.key().equals(ledgerKey)) {
                marked.add(target);
            }
        }
        if (marked.isEmpty()) {
            return Optional.empty(); // one database: the ledger row is the mark
        }
        String dataSources = list(marked);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        for (StorageTarget target : marked) {
            ensureTable(target);
            String table = LedgerTables.marks(target);
            String sql = "INSERT INTO " + table + " (delivery_key, data_source, trace_id, data_sources, marked_at)"
                    + " VALUES (?, ?, ?, ?, ?)";
            String dataSource = target.key();
            if (work.defersWrites()) {
                work.defer(target, sql, LedgerTables.MARKS,
                        (insert, first) -> bind(insert, first, key, dataSource, traceId, dataSources, now));
                continue;
            }
            try (PreparedStatement insert = work.connection(target).prepareStatement(sql)) {
                bind(insert, 1, key, dataSource, traceId, dataSources, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (JdbcDeliveryLedger.integrityViolation(e)) {
                    return Optional.of(target);
                }
                throw failure(e, "write the done mark of", key, target);
            }
        }
        return Optional.empty();
    }

    private static int bind(PreparedStatement insert, int first, DeliveryKey key, String dataSource,
                            String traceId, String dataSources, Timestamp now) throws SQLException {
        insert.setString(first, key.value());
        insert.setString(first + 1, dataSource);
        insert.setString(first + 2, traceId);
        insert.setString(first + 3, dataSources);
        insert.setTimestamp(first + 4, now);
        return first + 5;
    }

    /** The ids in order, or null when they cannot be listed unambiguously within the column. */
    private static String list(List<StorageTarget> targets) {
        StringBuilder ids = new StringBuilder();
        for (StorageTarget target : targets) {
            if (target.key().indexOf(',') >= 0) {
                return null;
            }
            ids.append(ids.length() == 0 ? "" : ",").append(target.key());
        }
        return ids.length() > MAX_DATA_SOURCES_CHARS ? null : ids.toString();
    }

    /** A mark as read: the attempt's trace id and the data sources it marked (null: not recorded). */
    private record Mark(String traceId, List<String> dataSources) {
    }

    /**
     * What the attempt that left the item's marks committed, read outside any unit: its trace id, the data sources
     * holding its mark and those it marked but which do not hold it (in doubt unless none). Looks in the data
     * sources of {@code written} (the redelivery's) and in those the marks found there list; all marks found must
     * be of one attempt.
     */
    DeliveryLedger.EarlierAttempt earlierAttempt(String ledgerKey, DeliveryKey key, List<StorageTarget> written) {
        Map<String, StorageTarget> targets = new LinkedHashMap<>();
        for (StorageTarget target : written) {
            if (!target.key().equals(ledgerKey)) {
                targets.put(target.key(), target);
            }
        }
        Map<String, Mark> found = new LinkedHashMap<>();
        Set<String> expected = new LinkedHashSet<>();
        boolean unlisted = false;
        Set<String> unreachable = new LinkedHashSet<>();
        for (StorageTarget target : targets.values()) {
            read(target, key).ifPresent(mark -> found.put(target.key(), mark));
        }
        for (Mark mark : List.copyOf(found.values())) {
            if (mark.dataSources() == null) {
                unlisted = true;
                continue;
            }
            for (String id : mark.dataSources()) {
                expected.add(id);
                if (found.containsKey(id) || targets.containsKey(id) || id.equals(ledgerKey)) {
                    continue;
                }
                Optional<StorageTarget> other = dataSourceById.apply(id);
                if (other.isEmpty()) {
                    unreachable.add(id);
                    continue;
                }
                targets.put(id, other.get());
                read(other.get(), key).ifPresent(m -> found.put(id, m));
            }
        }
        Set<String> traceIds = new LinkedHashSet<>();
        found.values().forEach(mark -> traceIds.add(mark.traceId()));
        List<String> missing = new ArrayList<>();
        for (String id : expected) {
            if (!found.containsKey(id)) {
                missing.add(id);
            }
        }
        String traceId = traceIds.isEmpty() ? null : traceIds.iterator().next();
        boolean complete = !found.isEmpty() && !unlisted && traceIds.size() == 1 && missing.isEmpty();
        return new DeliveryLedger.EarlierAttempt(traceId, List.copyOf(found.keySet()), missing,
                List.copyOf(unreachable), complete);
    }

    /** The item's mark in one data source; empty when it has none (or no marks table). */
    private Optional<Mark> read(StorageTarget target, DeliveryKey key) {
        String table = LedgerTables.marks(target);
        try (Connection connection = target.dataSource().getConnection()) {
            if (!LedgerTables.present(connection, List.of(table))) {
                return Optional.empty();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT trace_id, data_sources FROM "
                    + table + " WHERE delivery_key = ? AND data_source = ?")) {
                select.setString(1, key.value());
                select.setString(2, target.key());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String ids = row.getString(2);
                    return Optional.of(new Mark(row.getString(1), ids == null ? null : List.of(ids.split(","))));
                }
            }
        } catch (SQLException e) {
            throw failure(e, "read the done mark of", key, target);
        }
    }

    /**
     * Deletes the marks written before {@code before} in every data source known; a data source that cannot be
     * reached is logged and skipped (its marks only take room: the ledger is read first). Returns the rows deleted.
     */
    int purge(LocalDateTime before) {
        int deleted = 0;
        for (StorageTarget target : allDataSources.get()) {
            String table = LedgerTables.marks(target);
            try (Connection connection = target.dataSource().getConnection()) {
                connection.setAutoCommit(true);
                if (!LedgerTables.present(connection, List.of(table))) {
                    continue; // never created: the purge does not create it
                }
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE marked_at < ?")) {
                    delete.setTimestamp(1, Timestamp.valueOf(before));
                    deleted += delete.executeUpdate();
                }
            } catch (SQLException | RuntimeException e) {
                String state = e instanceof SQLException sql ? sql.getSQLState() : null;
                LOG.warn("ledger purge-marks-skipped dataSource={} cause={} sqlState={}", target.key(),
                        e.getClass().getSimpleName(), state);
            }
        }
        return deleted;
    }

    private static WatchmenException failure(SQLException e, String action, DeliveryKey key, StorageTarget target) {
        return new WatchmenException(ErrorCode.STORAGE_FAILED, "Failed to " + action + " delivery " + key.value()
                + " (" + key.ref().display() + " item " + key.itemIndex() + ") in data source[" + target.key()
                + "] (SQLState " + e.getSQLState() + ").", e);
    }
}
