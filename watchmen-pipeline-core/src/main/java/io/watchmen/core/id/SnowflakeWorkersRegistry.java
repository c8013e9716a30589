package io.watchmen.core.id;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.id.SnowflakeWorkersTable.Holder;
import io.watchmen.core.id.SnowflakeWorkersTable.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Worker-id registry v2 on {@code snowflake_workers} (spec storage 5.5), done as a protocol rather than mirrored:
 * times come from the injected clock (never the text {@code NOW()}); a serverless holder writes the far-future beat
 * on every claim path, so a frozen instance's id can never time out; heartbeats and release are guarded by the
 * claim time and last beat this holder wrote; worker ids whose seed row is missing are claimed by inserting it.
 */
final class SnowflakeWorkersRegistry extends LeasedWorkerIds<Holder> {

    private static final int WORKER_IDS = SnowflakeGenerator.MAX_WORKER_ID + 1;
    private static final int ATTEMPTS = 8;
    /** A serverless claim never times out, so it is never re-validated on time alone. */
    private static final Duration TRUSTED_FOREVER = Duration.ofDays(365L * 100);

    private final DataSource meta;
    private final Duration livenessWindow;
    private final boolean serverless;

    SnowflakeWorkersRegistry(DataSource meta, int dataCenterId, Duration heartBeatInterval, boolean serverless,
                             Clock clock) {
        super(dataCenterId, clock, serverless ? null : heartBeatInterval,
                serverless ? TRUSTED_FOREVER : heartBeatInterval.plusSeconds(30));
        this.meta = meta;
        this.livenessWindow = heartBeatInterval.plusSeconds(60);
        this.serverless = serverless;
    }

    @Override
    String registry() {
        return SnowflakeWorkersTable.TABLE;
    }

    @Override
    Lease<Holder> claim() {
        WatchmenException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long nowMillis = secondsMillis();
            LocalDateTime now = localTime(nowMillis);
            LocalDateTime beat = serverless ? SnowflakeWorkersTable.HELD_FOREVER : now;
            Holder holder = new Holder(now, beat);
            try (Connection c = meta.getConnection()) {
                Candidates candidates = candidates(SnowflakeWorkersTable.rows(c, dataCenterId), now);
                if (candidates.isEmpty()) {
                    throw new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE, "All " + WORKER_IDS
                            + " snowflake worker ids of data center " + dataCenterId + " are held in " + registry()
                            + "; release stale rows or use another SNOWFLAKE_DATA_CENTER_ID");
                }
                int workerId;
                int claimed;
                if (!candidates.free().isEmpty()) {
                    workerId = pick(candidates.free());
                    claimed = SnowflakeWorkersTable.claimFree(c, dataCenterId, workerId, now, beat);
                } else if (!candidates.missing().isEmpty()) {
                    workerId = pick(candidates.missing());
                    SnowflakeWorkersTable.insertHeld(c, dataCenterId, workerId, now, beat);
                    claimed = 1;
                } else {
                    workerId = pick(candidates.timedOut());
                    claimed = SnowflakeWorkersTable.claimTimedOut(c, dataCenterId, workerId, now, beat,
                            now.minus(livenessWindow));
                }
                commitIfNeeded(c);
                if (claimed == 1) {
                    return new Lease<>(workerId, holder, nowMillis);
                }
            } catch (java.sql.SQLTransientConnectionException | java.sql.SQLInvalidAuthorizationSpecException e) {
                // no connection at all (pool timeout, bad credentials): another attempt right away cannot help
                throw new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE, "Claiming a snowflake worker id failed:"
                        + " no connection to the meta database (SQLState " + e.getSQLState() + ")", e);
            } catch (SQLException e) {
                WatchmenException next = new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE,
                        "Claiming a snowflake worker id failed: " + e.getMessage(), e);
                if (failure != null) {
                    next.addSuppressed(failure);
                }
                failure = next;
            }
        }
        throw new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE,
                "Cannot claim a snowflake worker id of data center " + dataCenterId + " in " + registry()
                        + " after " + ATTEMPTS + " attempts", failure);
    }

    private record Candidates(List<Integer> free, List<Integer> missing, List<Integer> timedOut) {
        boolean isEmpty() {
            return free.isEmpty() && missing.isEmpty() && timedOut.isEmpty();
        }
    }

    private Candidates candidates(List<Row> rows, LocalDateTime now) {
        LocalDateTime threshold = now.minus(livenessWindow);
        List<Integer> free = new ArrayList<>();
        List<Integer> timedOut = new ArrayList<>();
        Set<Integer> present = new HashSet<>();
        for (Row row : rows) {
            present.add(row.workerId());
            if (row.workerId() < 0 || row.workerId() >= WORKER_IDS) {
                continue;
            }
            if (!row.locked()) {
                free.add(row.workerId());
            } else if (row.lastBeatAt() != null && row.lastBeatAt().isBefore(threshold)) {
                timedOut.add(row.workerId());
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int id = 0; id < WORKER_IDS; id++) {
            if (!present.contains(id)) {
                missing.add(id);
            }
        }
        return new Candidates(free, missing, timedOut);
    }

    /** Random rather than lowest-first (the reference): concurrent claimers rarely collide on one row. */
    private static int pick(List<Integer> ids) {
        return ids.get(LeaseIdentity.randomIndex(ids.size()));
    }

    @Override
    Optional<Lease<Holder>> renew(Lease<Holder> lease) throws SQLException {
        long nowMillis = secondsMillis();
        LocalDateTime beat = serverless ? SnowflakeWorkersTable.HELD_FOREVER : localTime(nowMillis);
        try (Connection c = meta.getConnection()) {
            int updated = SnowflakeWorkersTable.renew(c, dataCenterId, lease.workerId(), lease.holder(), beat);
            commitIfNeeded(c);
            return updated == 1
                    ? Optional.of(new Lease<>(lease.workerId(), new Holder(lease.holder().registeredAt(), beat),
                            nowMillis))
                    : Optional.empty();
        }
    }

    @Override
    void release(Lease<Holder> lease) throws SQLException {
        try (Connection c = meta.getConnection()) {
            SnowflakeWorkersTable.release(c, dataCenterId, lease.workerId(), lease.holder());
            commitIfNeeded(c);
        }
    }

    private static void commitIfNeeded(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
