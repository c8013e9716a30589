package io.watchmen.core.trigger;

import io.watchmen.core.WatchmenException;
import io.watchmen.core.auth.Principal;
import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.pipeline.PipelineTriggerData;
import io.watchmen.core.storage.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs consecutive items of one object in one deferring unit of work: one ledger look-up for all of them, then per
 * item a trace id, a deferred claim, the PAT, the kernel and the deferred done marks in the other data sources it
 * used; one commit sends every deferred row in batches. A mark present already (an earlier attempt of an item
 * committed in that data source) fails the chunk, and the per-item path decides about that item. The
 * chunk commits only when every item ran cleanly (no exception, no pipeline run in ERROR, no external write asked
 * for); otherwise it rolls back and says where it failed, and the caller runs those items one by one, as if there
 * had been no chunk. Nothing of a rolled-back chunk is visible to anyone.
 */
final class ChunkRunner {

    private static final Logger LOG = LoggerFactory.getLogger("io.watchmen.core.trigger");

    /**
     * What a chunk did: committed with an outcome and a duration per item, or rolled back. {@code failedAt} is the
     * position of the item that failed (the items before it ran cleanly), -1 when the chunk failed as a whole (an
     * item already done, the batches or the commit); {@code ownUnitsRequired} when an item asked for an external
     * write.
     */
    record Attempt(List<ItemOutcome> outcomes, long[] millis, int failedAt, boolean ownUnitsRequired) {
        boolean committed() {
            return outcomes != null;
        }

        static Attempt rolledBack(int failedAt, boolean ownUnitsRequired) {
            return new Attempt(null, null, failedAt, ownUnitsRequired);
        }
    }

    private final DeliveryLedger ledger;
    private final DeliveryProcessor.Authenticator authenticator;
    private final LongSupplier ids;
    private final Supplier<UnitOfWork> units;
    private final DeliveryProcessor.Invoker invoker;

    ChunkRunner(DeliveryLedger ledger, DeliveryProcessor.Authenticator authenticator, LongSupplier ids,
                Supplier<UnitOfWork> units, DeliveryProcessor.Invoker invoker) {
        this.ledger = ledger;
        this.authenticator = authenticator;
        this.ids = ids;
        this.units = units;
        this.invoker = invoker;
    }

    /** {@code keys} and {@code items} are parallel: items parsed without failure, in object order. */
    Attempt run(List<DeliveryKey> keys, List<ParsedItem> items) {
        int at = -1;
        String[] traceIds = new String[items.size()];
        for (int k = 0; k < traceIds.length; k++) {
            traceIds[k] = Long.toString(ids.getAsLong());
        }
        try (UnitOfWork work = units.get()) {
            try {
                if (!ledger.doneAmong(work, probe(keys)).isEmpty()) {
                    // a redelivery: one by one, each done item reports SKIPPED as it always has
                    work.rollback();
                    return Attempt.rolledBack(-1, false);
                }
                if (!claim(work, keys, traceIds)) {
                    work.rollback();
                    return Attempt.rolledBack(-1, false);
                }
                List<ItemOutcome> outcomes = new ArrayList<>(items.size());
                long[] millis = new long[items.size()];
                for (at = 0; at < items.size(); at++) {
                    long started = System.nanoTime();
                    ParsedItem item = items.get(at);
                    PipelineTriggerDataWithPAT data = item.data();
                    String traceId = traceIds[at];
                    Principal principal = authenticator.authenticate(data.pat());
                    work.writtenTargets(); // the claims' and the previous item's marks: this item starts here
                    InvocationResult result = invoker.invoke(new PipelineTriggerData(data.code(), data.data(),
                            data.triggerType(), data.tenantId()), traceId, principal, work);
                    if (work.ownUnitsRequired() || anyError(result.runs())) {
                        boolean ownUnits = work.ownUnitsRequired();
                        work.rollback();
                        log(keys, at, ownUnits ? "external-write" : "pipeline-error");
                        return Attempt.rolledBack(at, ownUnits);
                    }
                    // deferred: a mark present already (an earlier attempt committed there) fails the batch
                    ledger.markDone(work, keys.get(at), traceId, work.writtenTargets());
                    outcomes.add(new ItemOutcome(item.index(), ItemStatus.DONE, traceId, result.internalDataId(),
                            null, null, result.runs()));
                    millis[at] = System.nanoTime() - started;
                }
                at = -1;
                work.commit();
                return new Attempt(outcomes, millis, -1, false);
            } catch (RuntimeException e) {
                boolean ownUnits = work.ownUnitsRequired();
                try {
                    work.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                log(keys, at, e instanceof WatchmenException watchmen ? watchmen.code().name()
                        : e.getClass().getSimpleName());
                return Attempt.rolledBack(at, ownUnits);
            }
        } catch (RuntimeException closeFailure) {
            // closing returns connections; nothing of this chunk was committed unless commit() returned above
            return Attempt.rolledBack(-1, false);
        }
    }

    /**
     * The keys looked up before a chunk: its first and last. A key done anywhere in the chunk fails the chunk's
     * ledger batch (a duplicate key) whether it was looked up or not, so the look-up only spares a redelivered
     * object running its items twice; an object's items are done in order, so a redelivery after a crash or of a
     * done object finds its chunks' ends done. A look-up of every key cost more than it saved: on PostgreSQL a
     * prepared IN list of 500 keys became a sequential scan of the ledger (330 ms per chunk in the batch bench).
     */
    private static List<DeliveryKey> probe(List<DeliveryKey> keys) {
        return keys.size() <= 2 ? keys : List.of(keys.get(0), keys.get(keys.size() - 1));
    }

    /**
     * Claims every item (deferred), in the order of their delivery keys: the ledger's index takes them in order, and
     * two deliveries of the same object lock the keys in the same order (no deadlock between them).
     */
    private boolean claim(UnitOfWork work, List<DeliveryKey> keys, String[] traceIds) {
        Integer[] order = new Integer[keys.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparing(k -> keys.get(k).value()));
        for (int k : order) {
            if (!ledger.claim(work, keys.get(k), traceIds[k]).claimed()) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyError(List<PipelineRun> runs) {
        for (PipelineRun run : runs) {
            if (run.status() == MonitorLogStatus.ERROR) {
                return true;
            }
        }
        return false;
    }

    /** The reason is an error code or a kind; never a message (it may quote trigger data). */
    private static void log(List<DeliveryKey> keys, int failedAt, String reason) {
        LOG.info("trigger chunk-rolled-back object={} items={} from={} failedAt={} reason={}; its items run one by"
                + " one", keys.get(0).ref().display(), keys.size(), keys.get(0).itemIndex(),
                failedAt < 0 ? "-" : Integer.toString(keys.get(failedAt).itemIndex()), reason);
    }
}
