package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.auth.Principal;
import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.model.pipeline.PipelineTriggerData;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery path of a storage object: parse, then for each item, in one unit of work: claim it in the ledger
 * under a new trace id (already done → SKIPPED), authenticate its PAT, run the kernel, mark it done in the other
 * data sources it used, commit. A mark found there already means an earlier attempt committed there and lost its
 * ledger row: SKIPPED when it committed everywhere it marked, dead-lettered as DELIVERY_IN_DOUBT otherwise. Any
 * failure rolls the item back and is recorded in a transaction of its own. One log line per item; the PAT is
 * never logged. Thread-safe when its ports are.
 *
 * <p>Consecutive parsed items, up to the chunk size, share one deferring unit of work ({@link ChunkRunner}). A
 * chunk that does not commit cleanly leaves nothing behind and its items run one by one as above, the item that
 * failed first on its own and the ones before it as a chunk again; after an item asked for an external write,
 * the rest of the object runs one by one.
 */
final class DeliveryProcessor {

    private static final Logger LOG = LoggerFactory.getLogger("io.watchmen.core.trigger");

    /** PAT → principal allowed to trigger pipelines (rejections are WatchmenExceptions). */
    @FunctionalInterface
    interface Authenticator {
        Principal authenticate(String pat);
    }

    /** The kernel's entry: saves the trigger data and runs its pipelines inside the given unit of work. */
    @FunctionalInterface
    interface Invoker {
        InvocationResult invoke(PipelineTriggerData data, String traceId, Principal principal, UnitOfWork work);
    }

    private final StorageObjectParser parser;
    private final DeliveryLedger ledger;
    private final Authenticator authenticator;
    private final LongSupplier ids;
    private final Supplier<UnitOfWork> units;
    private final Invoker invoker;
    private final ChunkRunner chunks;
    private final int chunkSize;

    /** One unit of work per item (chunk size 1). */
    DeliveryProcessor(StorageObjectParser parser, DeliveryLedger ledger, Authenticator authenticator,
                      LongSupplier ids, Supplier<UnitOfWork> units, Invoker invoker) {
        this(parser, ledger, authenticator, ids, units, invoker, units, 1);
    }

    /** {@code chunkUnits} makes the deferring units of chunks of up to {@code chunkSize} items. */
    DeliveryProcessor(StorageObjectParser parser, DeliveryLedger ledger, Authenticator authenticator,
                      LongSupplier ids, Supplier<UnitOfWork> units, Invoker invoker,
                      Supplier<UnitOfWork> chunkUnits, int chunkSize) {
        this.parser = parser;
        this.ledger = ledger;
        this.authenticator = authenticator;
        this.ids = ids;
        this.units = units;
        this.invoker = invoker;
        this.chunks = new ChunkRunner(ledger, authenticator, ids, chunkUnits, invoker);
        this.chunkSize = Math.max(1, chunkSize);
    }

    StorageObjectParser parser() {
        return parser;
    }

    ObjectOutcome handle(StorageObject object) {
        ParsedObject parsed = parser.parse(object);
        String contentHash = DeliveryKey.contentHashFor(object);
        List<ParsedItem> items = parsed.items();
        List<DeliveryKey> keys = new ArrayList<>(items.size());
        for (ParsedItem item : items) {
            keys.add(DeliveryKey.of(object.ref(), contentHash, item.index()));
        }
        List<Dispositions.ItemResult> results = new ArrayList<>(items.size());
        boolean chunking = chunkSize > 1;
        BitSet alone = new BitSet(); // items that run one by one after a chunk of theirs rolled back
        // Chunks grow back after a failure as a window does (1, 2, 4 ... chunkSize): an object of bad items then
        // runs them one by one instead of paying a rolled-back chunk for each.
        int window = chunkSize;
        int i = 0;
        while (i < items.size()) {
            int end = chunking && !alone.get(i) ? chunkEnd(items, i, alone, window) : i + 1;
            if (end - i < 2) {
                // after a chunk of its object rolled back the item may be done: its claim goes first, not with
                // the commit, so a redelivered object's done items are skipped without running their pipelines
                Dispositions.ItemResult result = run(keys.get(i), items.get(i), alone.get(i));
                results.add(result);
                if (!items.get(i).failed()) {
                    window = result.outcome().status() == ItemStatus.ERROR ? 1 : grown(window);
                }
                i++;
                continue;
            }
            ChunkRunner.Attempt attempt = chunks.run(keys.subList(i, end), items.subList(i, end));
            if (attempt.committed()) {
                for (int k = 0; k < attempt.outcomes().size(); k++) {
                    ItemOutcome outcome = attempt.outcomes().get(k);
                    log(keys.get(i + k), outcome, null, TimeUnit.NANOSECONDS.toMillis(attempt.millis()[k]));
                    results.add(new Dispositions.ItemResult(outcome, null));
                }
                window = grown(window);
                i = end;
                continue;
            }
            chunking &= !attempt.ownUnitsRequired();
            if (attempt.failedAt() >= 0) {
                alone.set(i + attempt.failedAt()); // the items before it ran cleanly: they form the next chunk
            } else {
                alone.set(i, end);
            }
        }
        List<ItemOutcome> outcomes = new ArrayList<>(results.size());
        for (Dispositions.ItemResult result : results) {
            outcomes.add(result.outcome());
        }
        return new ObjectOutcome(object.ref(), outcomes, Dispositions.of(results));
    }

    private int grown(int window) {
        return Math.min(chunkSize, window * 2);
    }

    /**
     * The end of the chunk starting at {@code start}: at most {@code window} parsed items, none that must run
     * alone.
     */
    private int chunkEnd(List<ParsedItem> items, int start, BitSet alone, int window) {
        int limit = (int) Math.min(items.size(), (long) start + window);
        int nextAlone = alone.nextSetBit(start);
        if (nextAlone >= 0) {
            limit = Math.min(limit, nextAlone);
        }
        int end = start;
        while (end < limit && !items.get(end).failed()) {
            end++;
        }
        return end;
    }

    /** Runs a recorded item again under its original delivery key (the dead-letter replay). */
    Dispositions.ItemResult replay(DeadLetter letter) {
        return run(letter.key(), parser.parseItem(letter.key().ref(), letter.key().itemIndex(), letter.rawContent()),
                false);
    }

    private Dispositions.ItemResult run(DeliveryKey key, ParsedItem item, boolean claimAtOnce) {
        long started = System.nanoTime();
        ItemOutcome outcome = item.failed()
                ? error(item.index(), null, item.errorCode(), item.error())
                : execute(key, item, claimAtOnce);
        DeliveryLedger.FailureRecord failure = null;
        if (outcome.status() == ItemStatus.ERROR) {
            failure = record(key, item, outcome);
        }
        log(key, outcome, failure, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new Dispositions.ItemResult(outcome, failure);
    }

    private ItemOutcome execute(DeliveryKey key, ParsedItem item, boolean claimAtOnce) {
        PipelineTriggerDataWithPAT data = item.data();
        String traceId = null;
        List<StorageTarget> marked;
        try (UnitOfWork work = units.get()) {
            try {
                // the trace id is taken first: the claim records it as the item's done mark
                String candidate = Long.toString(ids.getAsLong());
                DeliveryLedger.Claim claim = claimAtOnce ? ledger.claimAtOnce(work, key, candidate)
                        : ledger.claim(work, key, candidate);
                if (!claim.claimed()) {
                    work.rollback();
                    return new ItemOutcome(item.index(), ItemStatus.SKIPPED, claim.traceId(), claim.dataId(), null,
                            null, List.of());
                }
                Principal principal = authenticator.authenticate(data.pat());
                traceId = candidate;
                work.writtenTargets(); // the claim's: the item's own start here
                InvocationResult result = invoker.invoke(new PipelineTriggerData(data.code(), data.data(),
                        data.triggerType(), data.tenantId()), traceId, principal, work);
                marked = work.writtenTargets();
                if (ledger.markDone(work, key, traceId, marked).isEmpty()) {
                    work.commit();
                    return new ItemOutcome(item.index(), ItemStatus.DONE, traceId, result.internalDataId(), null,
                            null, result.runs());
                }
                work.rollback(); // an earlier attempt committed in another database: decided below, unit closed
            } catch (RuntimeException e) {
                rollbackQuietly(work, e);
                throw e;
            }
        } catch (RuntimeException e) {
            Optional<ItemOutcome> skipped = doneMeanwhile(key, item.index());
            if (skipped.isPresent()) {
                return skipped.get();
            }
            ErrorCode code = e instanceof WatchmenException watchmen ? watchmen.code() : ErrorCode.INTERNAL;
            return error(item.index(), traceId, code, Messages.safe(describe(e), data.pat()));
        }
        return afterEarlierAttempt(key, item, marked);
    }

    /**
     * A data source held the item's done mark: an earlier attempt committed there and lost its ledger row (the
     * process died between the commits). When it committed in every data source it marked, the item is done: the
     * ledger row is written alone (under the earlier trace id) and the item reports SKIPPED. Otherwise part of it
     * committed and part did not: no run can be right, so it is dead-lettered at once as DELIVERY_IN_DOUBT.
     */
    private ItemOutcome afterEarlierAttempt(DeliveryKey key, ParsedItem item, List<StorageTarget> written) {
        String pat = item.data().pat();
        try {
            DeliveryLedger.EarlierAttempt earlier = ledger.earlierAttempt(key, written);
            if (earlier.complete()) {
                try (UnitOfWork work = units.get()) {
                    DeliveryLedger.Claim claim = ledger.claim(work, key, earlier.traceId());
                    if (claim.claimed()) {
                        work.commit();
                    } else {
                        work.rollback(); // a concurrent redelivery repaired it first
                    }
                    String traceId = claim.claimed() ? earlier.traceId() : claim.traceId();
                    return new ItemOutcome(item.index(), ItemStatus.SKIPPED, traceId, claim.dataId(), null, null,
                            List.of());
                }
            }
            String message = "Delivery in doubt: an earlier attempt (trace id " + earlier.traceId() + ") committed"
                    + " in data sources " + names(earlier.holding()) + (earlier.missing().isEmpty() ? ""
                    : " but not in " + names(earlier.missing()))
                    + (earlier.unreachable().isEmpty() ? "" : ", not checked in " + names(earlier.unreachable()))
                    + "; running it again would write twice. Reconcile those data sources, delete the item's rows"
                    + " in " + LedgerTables.MARKS + " there, then replay or discard it (docs/operations.md).";
            LOG.error("trigger item-in-doubt object={} index={} deliveryKey={} traceId={} holding={} missing={}"
                            + " unreachable={}", key.ref().display(), key.itemIndex(), key.value(), earlier.traceId(),
                    earlier.holding(), earlier.missing(), earlier.unreachable());
            return error(item.index(), earlier.traceId(), ErrorCode.DELIVERY_IN_DOUBT, Messages.safe(message, pat));
        } catch (RuntimeException e) {
            Optional<ItemOutcome> skipped = doneMeanwhile(key, item.index());
            if (skipped.isPresent()) {
                return skipped.get(); // a concurrent redelivery repaired it first
            }
            ErrorCode code = e instanceof WatchmenException watchmen ? watchmen.code() : ErrorCode.INTERNAL;
            return error(item.index(), null, code, Messages.safe(describe(e), pat));
        }
    }

    /**
     * After a unit of work of the item failed: SKIPPED when the item is done, committed by another delivery. A
     * claim held until the commit (DeliveryLedger.claim) meets a delivery that finished first only there, as a
     * failed commit, or the item's run failed on the way (its rows, or its data, changed since it was done); either
     * way it is done, not failed. Empty when it is not done or the ledger cannot say.
     */
    private Optional<ItemOutcome> doneMeanwhile(DeliveryKey key, int index) {
        try {
            return ledger.doneRecord(key).map(done -> new ItemOutcome(index, ItemStatus.SKIPPED, done.traceId(),
                    done.dataId(), null, null, List.of()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String names(List<String> dataSources) {
        StringBuilder text = new StringBuilder();
        for (String id : dataSources) {
            text.append(text.length() == 0 ? "" : ",").append(id);
        }
        return "[" + text + "]";
    }

    private static void rollbackQuietly(UnitOfWork work, RuntimeException cause) {
        try {
            work.rollback();
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private DeliveryLedger.FailureRecord record(DeliveryKey key, ParsedItem item, ItemOutcome outcome) {
        try {
            return ledger.recordFailure(new DeliveryLedger.Failure(key, outcome.traceId(), outcome.errorCode(),
                    outcome.error(), item.rawContent()));
        } catch (RuntimeException e) {
            LOG.error("trigger failure-record-lost object={} index={} deliveryKey={} errorCode={} cause={}",
                    key.ref().display(), key.itemIndex(), key.value(), outcome.errorCode(),
                    Messages.safe(describe(e), item.data() == null ? null : item.data().pat()));
            return null;
        }
    }

    private static ItemOutcome error(int index, String traceId, ErrorCode code, String message) {
        return new ItemOutcome(index, ItemStatus.ERROR, traceId, null, code, message, List.of());
    }

    /** Watchmen's own messages are written for the operator; anything else is named by its type. */
    private static String describe(RuntimeException e) {
        if (e instanceof WatchmenException) {
            return e.getMessage();
        }
        return "Unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void log(DeliveryKey key, ItemOutcome outcome, DeliveryLedger.FailureRecord failure,
                            long millis) {
        if (outcome.status() == ItemStatus.ERROR) {
            LOG.warn("trigger item object={} index={} traceId={} status={} durationMs={} errorCode={} attempts={}"
                            + " deadLettered={} error=\"{}\"", key.ref().display(), outcome.index(),
                    outcome.traceId(), outcome.status().json(), millis, outcome.errorCode(),
                    failure == null ? "?" : failure.attempts(), failure != null && failure.deadLettered(),
                    outcome.error());
        } else if (LOG.isInfoEnabled()) {
            // one line per item of a 10,000-item object: its arguments are built only when it is written
            LOG.info("trigger item object={} index={} traceId={} status={} durationMs={} errorCode=- dataId={}"
                            + " pipelines={}", key.ref().display(), outcome.index(), outcome.traceId(),
                    outcome.status().json(), millis, outcome.dataId(), outcome.pipelines().size());
        }
    }
}
