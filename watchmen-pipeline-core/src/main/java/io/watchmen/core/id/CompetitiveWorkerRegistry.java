package io.watchmen.core.id;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Worker-id registry v1 on {@code snowflake_competitive_workers} (spec storage 5.4), compatible with Python
 * processes sharing the table, with the reference's unsafe parts fixed: heartbeats and release check that the row
 * still carries our {@code process_id}; a lease older than interval + 30 s is re-validated before the next id; a
 * data center with all 1 024 ids alive fails instead of looping.
 */
final class CompetitiveWorkerRegistry extends LeasedWorkerIds<String> {

    private static final int WORKER_IDS = SnowflakeGenerator.MAX_WORKER_ID + 1;

    private final DataSource meta;
    private final Duration livenessWindow;
    private final int retryTimes;

    CompetitiveWorkerRegistry(DataSource meta, int dataCenterId, Duration heartBeatInterval, int retryTimes,
                              Clock clock) {
        // Trust a confirmation for the interval plus half the 60 s grace: a healthy heartbeat never lets the lease
        // age, and a paused instance re-validates well before others may judge its row abandoned.
        super(dataCenterId, clock, heartBeatInterval, heartBeatInterval.plusSeconds(30));
        this.meta = meta;
        this.livenessWindow = heartBeatInterval.plusSeconds(60);
        this.retryTimes = retryTimes;
    }

    @Override
    String registry() {
        return CompetitiveWorkerTable.TABLE;
    }

    @Override
    Lease<String> claim() {
        WatchmenException failure = null;
        for (int attempt = 0; attempt <= retryTimes; attempt++) {
            long nowMillis = secondsMillis();
            LocalDateTime now = localTime(nowMillis);
            LocalDateTime threshold = now.minus(livenessWindow);
            try (Connection c = meta.getConnection()) {
                Set<Integer> alive = CompetitiveWorkerTable.aliveWorkerIds(c, dataCenterId, threshold);
                List<Integer> free = new ArrayList<>(WORKER_IDS - Math.min(alive.size(), WORKER_IDS));
                for (int id = 0; id < WORKER_IDS; id++) {
                    if (!alive.contains(id)) {
                        free.add(id);
                    }
                }
                if (free.isEmpty()) {
                    throw new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE, "All " + WORKER_IDS
                            + " snowflake worker ids of data center " + dataCenterId + " are alive in " + registry()
                            + "; use another SNOWFLAKE_DATA_CENTER_ID or remove stale rows");
                }
                int workerId = free.get(LeaseIdentity.randomIndex(free.size()));
                String holder = LeaseIdentity.newProcessId();
                if (tryClaim(c, workerId, holder, now, threshold)) {
                    return new Lease<>(workerId, holder, nowMillis);
                }
            } catch (java.sql.SQLTransientConnectionException | java.sql.SQLInvalidAuthorizationSpecException e) {
                // no connection at all (pool timeout, bad credentials): another attempt right away cannot help
                throw new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE, "Claiming a snowflake worker id failed:"
                        + " no connection to the meta database (SQLState " + e.getSQLState() + ")", e);
            } catch (SQLException e) {
                // A competitor inserted first (duplicate key), a deadlock, or the database is down: try again.
                WatchmenException next = new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE,
                        "Claiming a snowflake worker id failed: " + e.getMessage(), e);
                if (failure != null) {
                    next.addSuppressed(failure);
                }
                failure = next;
            }
        }
        WatchmenException exhausted = new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE,
                "Cannot claim a snowflake worker id of data center " + dataCenterId + " in " + registry() + " after "
                        + (retryTimes + 1) + " attempts (SNOWFLAKE_COMPETITIVE_WORKER_CREATION_RETRY_TIMES="
                        + retryTimes + ")", failure);
        throw exhausted;
    }

    /** One transaction: insert a new row, or take over an abandoned one; false when a competitor holds it. */
    private boolean tryClaim(Connection c, int workerId, String holder, LocalDateTime now, LocalDateTime threshold)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<CompetitiveWorkerTable.Row> rows = CompetitiveWorkerTable.rows(c, dataCenterId, workerId);
            boolean claimed = false;
            String ip = LeaseIdentity.outboundIp();
            if (rows.isEmpty()) {
                CompetitiveWorkerTable.insert(c, dataCenterId, workerId, ip, holder, now);
                claimed = true;
            } else if (rows.size() == 1 && isAbandoned(rows.get(0), threshold)) {
                claimed = CompetitiveWorkerTable.takeOver(c, dataCenterId, workerId, rows.get(0), threshold, ip,
                        holder, now) == 1;
            }
            if (claimed) {
                c.commit();
            } else {
                c.rollback();
            }
            return claimed;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Compares whole timestamps (the reference compared only the seconds-of-day part of the age). */
    private static boolean isAbandoned(CompetitiveWorkerTable.Row row, LocalDateTime threshold) {
        return row.lastBeatAt() != null && !row.lastBeatAt().isAfter(threshold);
    }

    @Override
    Optional<Lease<String>> renew(Lease<String> lease) throws SQLException {
        long nowMillis = secondsMillis();
        String holder = LeaseIdentity.newProcessId();
        try (Connection c = meta.getConnection()) {
            int updated = CompetitiveWorkerTable.renew(c, dataCenterId, lease.workerId(), lease.holder(), holder,
                    localTime(nowMillis));
            commitIfNeeded(c);
            return updated == 1 ? Optional.of(new Lease<>(lease.workerId(), holder, nowMillis)) : Optional.empty();
        }
    }

    @Override
    void release(Lease<String> lease) throws SQLException {
        try (Connection c = meta.getConnection()) {
            CompetitiveWorkerTable.delete(c, dataCenterId, lease.workerId(), lease.holder());
            commitIfNeeded(c);
        }
    }

    /** Pools may hand out connections with auto-commit off. */
    private static void commitIfNeeded(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
