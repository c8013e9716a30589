package io.watchmen.core.trigger.function;

import io.watchmen.core.config.Settings;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.LedgerPurge;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The core runtime of one function instance: built lazily on first use, once (a volatile field behind a
 * double-checked lock, no holder class: a failed build is retried by the next invocation instead of poisoning the
 * instance), then reused by every warm invocation. {@link #deliver} handles every object of a notification
 * independently and logs one line per object; {@link #purgeLedger} is the adapters' scheduled upkeep.
 * {@link #startBuilding} moves the build (and a warm-up) onto a thread of its own during a function's init.
 */
public final class FunctionRuntime implements AutoCloseable {

    private final Supplier<? extends StorageObjectHandler> factory;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile StorageObjectHandler handler;
    /** A build started by {@link #startBuilding}, not yet joined; guarded by {@code lock}. */
    private FutureTask<StorageObjectHandler> building;

    public FunctionRuntime(Supplier<? extends StorageObjectHandler> factory, Clock clock) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The production runtime: {@code CoreRuntime.create(Settings.fromEnvironment())} on first use. */
    public static FunctionRuntime fromEnvironment() {
        return new FunctionRuntime(() -> CoreRuntime.create(Settings.fromEnvironment()), Clock.systemUTC());
    }

    /** A runtime around a given handler (tests, custom wiring). */
    public static FunctionRuntime of(StorageObjectHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new FunctionRuntime(() -> handler, Clock.systemUTC());
    }

    /**
     * The handler, built on the first call; when {@link #startBuilding} started a build, the first call waits for it
     * (and its warm-up) instead.
     */
    public StorageObjectHandler handler() {
        StorageObjectHandler current = handler;
        if (current == null) {
            synchronized (lock) {
                current = handler;
                if (current == null) {
                    FutureTask<StorageObjectHandler> started = building;
                    building = null;
                    current = started == null ? build() : join(started);
                    handler = current;
                }
            }
        }
        return current;
    }

    /**
     * Starts building the handler on a daemon thread, then warms it up there (a meta connection opened and kept, the
     * ledger tables checked, the snowflake worker id leased, the parser's classes loaded), and returns at once. A
     * function calls it in its init, so that this work, most of it class loading, overlaps the platform client's
     * (on a machine with a second CPU, or while either waits on the network). The first {@link #handler()} call
     * joins it. A failed build is thrown there, once: the call after builds again. A failed warm-up is only logged,
     * because the first object meets the same failure and reports it as usual. Does nothing when the handler is
     * built or a build is under way.
     */
    public void startBuilding() {
        FutureTask<StorageObjectHandler> task;
        synchronized (lock) {
            if (handler != null || building != null) {
                return;
            }
            task = new FutureTask<>(() -> warmUp(build()));
            building = task;
        }
        Thread thread = new Thread(task, "watchmen-init");
        // An instance shut down mid-build must not wait for it.
        thread.setDaemon(true);
        thread.start();
    }

    private StorageObjectHandler build() {
        return Objects.requireNonNull(factory.get(), "the runtime factory returned null");
    }

    private static StorageObjectHandler warmUp(StorageObjectHandler built) {
        try {
            if (built instanceof CoreRuntime core) {
                core.warmUp();
            } else if (built instanceof FunctionLifecycle lifecycle) {
                lifecycle.warmUp();
            }
        } catch (RuntimeException e) {
            System.err.println("watchmen: warming up the runtime during init failed (the first object retries what"
                    + " it needs): " + e);
        }
        return built;
    }

    /**
     * The background build's handler, or its failure rethrown on this thread: the original exception (its type
     * decides retries), with this thread's stack added as a suppressed exception.
     */
    private static StorageObjectHandler join(FutureTask<StorageObjectHandler> started) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return started.get();
                } catch (InterruptedException e) {
                    // The build finishes on its own; waiting for it is what the caller needs.
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        runtime.addSuppressed(new IllegalStateException("joined the watchmen-init thread here"));
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("Building the runtime on the watchmen-init thread failed", cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the handler has been built (lifecycle hooks do nothing before that, except {@link #prime()}). */
    public boolean isBuilt() {
        return handler != null;
    }

    /**
     * Delivers every object in order, each on its own: a failure of one never stops the others. Returns the report;
     * the adapter then calls {@link DeliveryReport#throwIfRetryNeeded()} (or its platform's equivalent).
     */
    public DeliveryReport deliver(String provider, String requestId, List<PendingObject> objects, FunctionLog log) {
        List<Delivery> deliveries = new ArrayList<>(objects.size());
        for (PendingObject object : objects) {
            Delivery delivery = deliverOne(object);
            deliveries.add(delivery);
            try {
                log.write(requestId, delivery);
            } catch (RuntimeException e) {
                // A broken log sink must not stop the remaining objects; the outcome still reaches the platform.
                System.err.println("watchmen: could not log " + delivery.ref().display() + ": " + e);
            }
        }
        return new DeliveryReport(provider, requestId, deliveries);
    }

    private Delivery deliverOne(PendingObject object) {
        Instant start = clock.instant();
        byte[] content;
        try {
            content = object.reader().read();
        } catch (ObjectMissingException e) {
            return failed(object, Disposition.DEAD_LETTERED, Delivery.Status.MISSING, e, start);
        } catch (Exception e) {
            return failed(object, Disposition.RETRY, Delivery.Status.READ_FAILED, e, start);
        }
        try {
            ObjectOutcome outcome = handler().handle(new StorageObject(object.ref(), content));
            if (outcome == null) {
                throw new IllegalStateException("the handler returned no outcome");
            }
            return Delivery.of(outcome, Duration.between(start, clock.instant()));
        } catch (RuntimeException e) {
            // The core reports item failures in the outcome; an exception here is wiring or a bug: retry.
            return failed(object, Disposition.RETRY, Delivery.Status.HANDLER_FAILED, e, start);
        }
    }

    private Delivery failed(PendingObject object, Disposition disposition, Delivery.Status status, Exception e,
                            Instant start) {
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new Delivery(object.ref(), disposition, status, null, reason, Duration.between(start, clock.instant()));
    }

    /**
     * The scheduled upkeep of the delivery ledger, run by each adapter's timer entry: deletes the ledger rows of
     * items done longer ago than the configured retention ({@code WATCHMEN_LEDGER_RETENTION_HOURS}, see
     * {@link io.watchmen.core.config.Settings.Ledger}), logs one line and returns the summary. Failure records of
     * items not done, dead letters among them, stay. A failure is logged and thrown, so the platform records a
     * failed run; the next run deletes what this one left.
     */
    public PurgeReport purgeLedger(String provider, String requestId, FunctionLog log) {
        Instant start = clock.instant();
        Duration retention = null;
        PurgeReport report;
        try {
            StorageObjectHandler current = handler();
            if (!(current instanceof CoreRuntime core)) {
                throw new IllegalStateException("The ledger purge needs the core runtime, not "
                        + current.getClass().getName());
            }
            retention = core.settings().ledger().retention();
            LedgerPurge purge = core.purgeDeliveryLedger(retention);
            report = new PurgeReport(provider, requestId, purge.rows(), purge.doneBefore(), retention,
                    Duration.between(start, clock.instant()));
        } catch (RuntimeException e) {
            try {
                log.purgeFailed(provider, requestId, retention, e, Duration.between(start, clock.instant()));
            } catch (RuntimeException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
        try {
            log.write(report);
        } catch (RuntimeException e) {
            // The rows are gone all the same; the summary still reaches the platform.
            System.err.println("watchmen: could not log the ledger purge: " + e);
        }
        return report;
    }

    /** Warms up before a snapshot: builds the runtime and primes it (loads classes, opens and closes a connection). */
    public void prime() {
        StorageObjectHandler current = handler();
        if (current instanceof CoreRuntime core) {
            core.prime();
        } else if (current instanceof FunctionLifecycle lifecycle) {
            lifecycle.prime();
        }
    }

    /** Before a checkpoint or a freeze: closes connections and releases the snowflake worker id. */
    public void suspend() {
        StorageObjectHandler current = handler;
        if (current instanceof CoreRuntime core) {
            core.suspend();
        } else if (current instanceof FunctionLifecycle lifecycle) {
            lifecycle.suspend();
        }
    }

    /** After a restore: claims a fresh worker id; pools reopen lazily. */
    public void resume() {
        StorageObjectHandler current = handler;
        if (current instanceof CoreRuntime core) {
            core.resume();
        } else if (current instanceof FunctionLifecycle lifecycle) {
            lifecycle.resume();
        }
    }

    /** Releases the worker id and closes the pools (preStop / shutdown); a later invocation builds a new runtime. */
    @Override
    public void close() {
        StorageObjectHandler current;
        synchronized (lock) {
            current = handler;
            handler = null;
        }
        if (current instanceof CoreRuntime core) {
            core.close();
        } else if (current instanceof FunctionLifecycle lifecycle) {
            lifecycle.close();
        }
    }
}
