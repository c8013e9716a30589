package io.watchmen.reliability;

import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers objects as a platform does: an outcome of RETRY is delivered again (up to {@code maxDeliveries} in
 * all), anything else is final. Counts deliveries, DONE and SKIPPED items and dead letters. Thread-safe.
 */
public final class Deliverer {

    private final StorageObjectHandler handler;
    private final int maxDeliveries;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong pipelineErrors = new AtomicLong();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    public Deliverer(StorageObjectHandler handler, int maxDeliveries) {
        this.handler = handler;
        this.maxDeliveries = maxDeliveries;
    }

    /** The final outcome; a platform retry of a RETRY outcome is counted as another attempt. */
    public ObjectOutcome deliver(StorageObject object) {
        ObjectOutcome outcome = null;
        for (int delivery = 1; delivery <= maxDeliveries; delivery++) {
            attempts.incrementAndGet();
            outcome = handler.handle(object);
            count(outcome.items());
            if (outcome.disposition() != Disposition.RETRY) {
                break;
            }
            retries.incrementAndGet();
        }
        if (outcome.disposition() == Disposition.DEAD_LETTERED) {
            deadLettered.incrementAndGet();
        }
        if (outcome.disposition() != Disposition.SUCCEEDED) {
            problem(object.ref().display() + " ended " + outcome.disposition() + ": " + firstError(outcome));
        }
        return outcome;
    }

    private void count(List<ItemOutcome> items) {
        for (ItemOutcome item : items) {
            if (item.status() == ItemStatus.DONE) {
                done.incrementAndGet();
                for (PipelineRun run : item.pipelines()) {
                    if (run.status() == MonitorLogStatus.ERROR) {
                        // The item is committed but its pipeline's effect is not: for these good objects, a loss.
                        pipelineErrors.incrementAndGet();
                        problem("item " + item.index() + " DONE with pipeline " + run.pipelineId() + " failed: "
                                + run.error());
                    }
                }
            } else if (item.status() == ItemStatus.SKIPPED) {
                skipped.incrementAndGet();
            }
        }
    }

    static String firstError(ObjectOutcome outcome) {
        for (ItemOutcome item : outcome.items()) {
            if (item.status() == ItemStatus.ERROR) {
                return item.errorCode() + " " + item.error();
            }
        }
        return "-";
    }

    void problem(String text) {
        if (problems.size() < 5) {
            problems.add(text);
        }
    }

    public long attempts() {
        return attempts.get();
    }

    /** Deliveries repeated because the outcome said RETRY (transient failures, e.g. lock timeouts). */
    public long retries() {
        return retries.get();
    }

    public long done() {
        return done.get();
    }

    public long skipped() {
        return skipped.get();
    }

    /** Items done whose pipelines (some of them) failed: the trigger row is saved, the pipeline's effect is not. */
    public long pipelineErrors() {
        return pipelineErrors.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
