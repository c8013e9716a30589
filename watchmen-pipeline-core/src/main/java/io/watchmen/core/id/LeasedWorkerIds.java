package io.watchmen.core.id;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease life cycle shared by the worker-id registries: claim lazily on first use, heart-beat in the background
 * while the JVM runs, and never trust a lease whose last confirmation is older than {@code refreshAfter}. Frozen
 * serverless instances run no heartbeats, so the first id after a long pause first re-validates the lease in the
 * database (or claims a new one when it was taken over).
 */
abstract class LeasedWorkerIds<H> implements WorkerIdSource {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedWorkerIds.class);

    /** A held worker id: {@code holder} is the value proving ownership; confirmed = last successful write. */
    record Lease<H>(int workerId, H holder, long confirmedAtMillis) {
    }

    protected final int dataCenterId;
    protected final Clock clock;
    private final Duration heartBeatInterval;
    private final long refreshAfterMillis;

    private volatile Lease<H> lease;
    private boolean closed;
    private ScheduledThreadPoolExecutor heartbeats;
    private ScheduledFuture<?> beat;

    /**
     * @param heartBeatInterval null for no background heartbeat
     * @param refreshAfter      how long a confirmation is trusted; must stay below the liveness window
     */
    LeasedWorkerIds(int dataCenterId, Clock clock, Duration heartBeatInterval, Duration refreshAfter) {
        this.dataCenterId = dataCenterId;
        this.clock = clock;
        this.heartBeatInterval = heartBeatInterval;
        this.refreshAfterMillis = refreshAfter.toMillis();
    }

    /** Claims a new worker id, or throws WORKER_ID_UNAVAILABLE. */
    abstract Lease<H> claim();

    /** Confirms the lease is still ours and records a beat; empty when it has been taken over. */
    abstract Optional<Lease<H>> renew(Lease<H> lease) throws SQLException;

    /** Gives the worker id back; must not touch a row that another holder has taken over. */
    abstract void release(Lease<H> lease) throws SQLException;

    /** The table name, for messages. */
    abstract String registry();

    @Override
    public int workerIdAt(long nowMillis) {
        Lease<H> current = lease;
        if (current != null && nowMillis < current.confirmedAtMillis() + refreshAfterMillis) {
            return current.workerId();
        }
        return refresh(nowMillis);
    }

    private synchronized int refresh(long nowMillis) {
        if (closed) {
            throw new IllegalStateException("The snowflake generator is closed");
        }
        Lease<H> current = lease;
        if (current != null && nowMillis < current.confirmedAtMillis() + refreshAfterMillis) {
            return current.workerId();
        }
        if (current != null) {
            Optional<Lease<H>> renewed;
            try {
                renewed = renew(current);
            } catch (SQLException | RuntimeException e) {
                // Ownership cannot be proven: issuing ids now could duplicate another instance's.
                throw new WatchmenException(ErrorCode.WORKER_ID_UNAVAILABLE, "Cannot re-validate snowflake worker id "
                        + current.workerId() + " of data center " + dataCenterId + " in " + registry(), e);
            }
            if (renewed.isPresent()) {
                lease = renewed.get();
                return renewed.get().workerId();
            }
            LOG.warn("Snowflake worker id {} of data center {} was taken over in {} while this instance was paused;"
                    + " claiming another", current.workerId(), dataCenterId, registry());
            lease = null;
        }
        Lease<H> claimed = claim();
        lease = claimed;
        LOG.info("Claimed snowflake worker id {} of data center {} in {}", claimed.workerId(), dataCenterId,
                registry());
        startHeartbeat();
        return claimed.workerId();
    }

    @Override
    public synchronized void suspend() {
        stopHeartbeat();
        Lease<H> current = lease;
        lease = null;
        if (current != null) {
            try {
                release(current);
            } catch (SQLException | RuntimeException e) {
                // The row expires after the liveness window; nothing else to do here.
                LOG.warn("Cannot release snowflake worker id {} of data center {} in {}", current.workerId(),
                        dataCenterId, registry(), e);
            }
        }
    }

    @Override
    public synchronized void resume() {
        suspend();
        refresh(clock.millis());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        suspend();
        closed = true;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
    }

    /** Background beat; failures are logged and the next id re-validates synchronously when the lease gets old. */
    private void beat() {
        synchronized (this) {
            Lease<H> current = lease;
            if (current == null || closed) {
                return;
            }
            try {
                Optional<Lease<H>> renewed = renew(current);
                if (renewed.isPresent()) {
                    lease = renewed.get();
                } else {
                    LOG.warn("Snowflake worker id {} of data center {} is no longer held by this instance in {};"
                            + " the next id claims another", current.workerId(), dataCenterId, registry());
                    lease = null;
                    stopHeartbeat();
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Snowflake heartbeat for worker id {} of data center {} failed", current.workerId(),
                        dataCenterId, e);
            }
        }
    }

    private void startHeartbeat() {
        if (heartBeatInterval == null || beat != null) {
            return;
        }
        if (heartbeats == null) {
            heartbeats = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "watchmen-snowflake-heartbeat-dc" + dataCenterId);
                thread.setDaemon(true); // must never keep the JVM alive
                return thread;
            });
            heartbeats.setRemoveOnCancelPolicy(true);
        }
        long millis = Math.max(1000, heartBeatInterval.toMillis());
        beat = heartbeats.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void stopHeartbeat() {
        if (beat != null) {
            beat.cancel(false);
            beat = null;
        }
    }

    /** The clock's time in whole seconds, in epoch millis. */
    long secondsMillis() {
        long now = clock.millis();
        return now - Math.floorMod(now, 1000L);
    }

    /** Naive local time of the clock's zone, as written into DATETIME columns. */
    LocalDateTime localTime(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), clock.getZone());
    }
}
