package io.watchmen.core.id;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Snowflake ids with Watchmen's layout (spec storage 5.1): 41 bits of milliseconds since 2014-12-31T16:00:00Z,
 * 2 bits data center, 10 bits worker, 10 bits sequence. Thread-safe; usable as a {@code LongSupplier} via
 * {@code generator::nextId}.
 *
 * <p>A leased worker id (competitive registry) is claimed lazily, by the first {@link #nextId()} or
 * {@link #workerId()}, and re-validated before an id is issued whenever its last confirmation is old (a frozen
 * instance). {@link #suspend()} releases it (SnapStart checkpoint, preStop), {@link #resume()} claims a fresh one.
 */
public final class SnowflakeGenerator implements AutoCloseable {

    /** 2015-01-01T00:00:00+08:00 in epoch milliseconds. */
    public static final long EPOCH = 1_420_041_600_000L;

    public static final int MAX_DATA_CENTER_ID = 3;
    public static final int MAX_WORKER_ID = 1023;
    static final int SEQUENCE_BITS = 10;
    static final int WORKER_SHIFT = SEQUENCE_BITS;
    static final int DATA_CENTER_SHIFT = SEQUENCE_BITS + 10;
    static final int TIMESTAMP_SHIFT = DATA_CENTER_SHIFT + 2;
    static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;

    private final int dataCenterId;
    private final WorkerIdSource workers;
    private final Clock clock;

    // Guarded by this.
    private long lastMillis = -1;
    private int sequence;

    private SnowflakeGenerator(int dataCenterId, WorkerIdSource workers, Clock clock) {
        this.dataCenterId = checkRange(dataCenterId, MAX_DATA_CENTER_ID, "SNOWFLAKE_DATA_CENTER_ID");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A generator with a fixed worker id and the system clock. */
    public static SnowflakeGenerator fixed(int dataCenterId, int workerId) {
        return fixed(dataCenterId, workerId, Clock.systemDefaultZone());
    }

    /** A generator with a fixed worker id; ids take their time from {@code clock}. */
    public static SnowflakeGenerator fixed(int dataCenterId, int workerId, Clock clock) {
        return new SnowflakeGenerator(dataCenterId,
                new WorkerIdSource.Fixed(checkRange(workerId, MAX_WORKER_ID, "SNOWFLAKE_WORKER_ID")), clock);
    }

    /**
     * The generator the settings ask for (spec storage 5.3): a fixed worker id when
     * {@code SNOWFLAKE_COMPETITIVE_WORKERS=false}, else a worker id leased from {@code snowflake_competitive_workers}
     * (v1) or {@code snowflake_workers} (v2, {@code SNOWFLAKE_COMPETITIVE_WORKERS_V2=true}) in the meta database.
     * Nothing is claimed here: the first id claims. The tables must exist (the meta schema creates them).
     *
     * @param metaDataSource the meta database; may be null only for a fixed worker id
     */
    public static SnowflakeGenerator create(Settings.Snowflake settings, DataSource metaDataSource, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        int dataCenterId = checkRange(settings.dataCenterId(), MAX_DATA_CENTER_ID, "SNOWFLAKE_DATA_CENTER_ID");
        if (!settings.competitiveWorkers()) {
            return fixed(dataCenterId, settings.workerId(), clock);
        }
        if (metaDataSource == null) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "SNOWFLAKE_COMPETITIVE_WORKERS=true needs the meta"
                    + " database to lease a worker id; set SNOWFLAKE_COMPETITIVE_WORKERS=false and SNOWFLAKE_WORKER_ID"
                    + " for a fixed one");
        }
        if (settings.heartBeatInterval() == null || settings.heartBeatInterval().toSeconds() < 1) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID,
                    "SNOWFLAKE_COMPETITIVE_WORKER_HEART_BEAT_INTERVAL must be at least 1 second");
        }
        WorkerIdSource workers = settings.competitiveWorkersV2()
                ? new SnowflakeWorkersRegistry(metaDataSource, dataCenterId, settings.heartBeatInterval(),
                        settings.inServerlessPlatform(), clock)
                : new CompetitiveWorkerRegistry(metaDataSource, dataCenterId, settings.heartBeatInterval(),
                        settings.creationRetryTimes(), clock);
        return new SnowflakeGenerator(dataCenterId, workers, clock);
    }

    /**
     * The next id. Within one millisecond the sequence counts up; when it wraps, this waits for the next millisecond.
     * A clock that went back is treated as standing still at the last millisecond used.
     *
     * @throws WatchmenException WORKER_ID_UNAVAILABLE when no worker id can be claimed or re-validated
     */
    public synchronized long nextId() {
        // Time first, then the lease check: an id is only ever stamped with a time its worker id was valid at.
        long now = clock.millis();
        int workerId = workers.workerIdAt(now);
        // A new lease (new worker id) keeps the time/sequence state: ids under different worker ids never collide.
        if (now < lastMillis) {
            now = lastMillis;
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                now = waitAfter(lastMillis);
                // The instance may have been frozen while waiting: check the lease for the new time too.
                workerId = workers.workerIdAt(now);
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return compose(now, dataCenterId, workerId, sequence);
    }

    private long waitAfter(long millis) {
        long now = clock.millis();
        while (now <= millis) {
            Thread.onSpinWait();
            now = clock.millis();
        }
        return now;
    }

    /** The data center id (0-3). */
    public int dataCenterId() {
        return dataCenterId;
    }

    /** The worker id ids are issued with now; claims a lease first when none is held. */
    public int workerId() {
        return workers.workerIdAt(clock.millis());
    }

    /** Releases a leased worker id (SnapStart checkpoint, freeze, preStop); the next id claims again. */
    public void suspend() {
        workers.suspend();
    }

    /** Drops any lease (one restored from a snapshot included) and claims a fresh one. */
    public void resume() {
        workers.resume();
    }

    /** Releases a leased worker id and stops its heartbeat. */
    @Override
    public void close() {
        workers.close();
    }

    /** Builds an id from its parts (no range checks beyond masking). */
    public static long compose(long epochMillis, int dataCenterId, int workerId, int sequence) {
        return ((epochMillis - EPOCH) << TIMESTAMP_SHIFT)
                | ((long) (dataCenterId & MAX_DATA_CENTER_ID) << DATA_CENTER_SHIFT)
                | ((long) (workerId & MAX_WORKER_ID) << WORKER_SHIFT)
                | (sequence & MAX_SEQUENCE);
    }

    /** The epoch milliseconds an id was issued at. */
    public static long epochMillisOf(long id) {
        return (id >>> TIMESTAMP_SHIFT) + EPOCH;
    }

    public static int dataCenterIdOf(long id) {
        return (int) ((id >>> DATA_CENTER_SHIFT) & MAX_DATA_CENTER_ID);
    }

    public static int workerIdOf(long id) {
        return (int) ((id >>> WORKER_SHIFT) & MAX_WORKER_ID);
    }

    public static int sequenceOf(long id) {
        return (int) (id & MAX_SEQUENCE);
    }

    private static int checkRange(int value, int max, String variable) {
        if (value < 0 || value > max) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID,
                    variable + " must be between 0 and " + max + ", got " + value);
        }
        return value;
    }
}
