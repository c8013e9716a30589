package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator's view of failed trigger items ({@code wmx_failed_deliveries}): list the dead letters, look one up,
 * run one again through the normal delivery path under its original delivery key (so a later redelivery of the
 * object skips it), or discard it. A successful replay removes the record; a failed one counts another attempt.
 * Obtained from {@link CoreRuntime#deadLetters()}.
 */
public final class DeadLetters {

    private final DeliveryLedger ledger;
    private final DeliveryProcessor processor;

    DeadLetters(DeliveryLedger ledger, DeliveryProcessor processor) {
        this.ledger = ledger;
        this.processor = processor;
    }

    /** Dead letters, the oldest last failure first, at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        return ledger.deadLetters(limit);
    }

    /** The failure record of a delivery key, dead-lettered or still being retried. */
    public Optional<DeadLetter> find(String deliveryKey) {
        return ledger.failure(deliveryKey);
    }

    /**
     * Runs the recorded item again: DONE (its record is removed), SKIPPED (it was done meanwhile) or ERROR (one more
     * attempt is recorded).
     *
     * @throws WatchmenException DATA_NOT_FOUND when there is no failure record with that key
     */
    public ItemOutcome replay(String deliveryKey) {
        DeadLetter letter = ledger.failure(deliveryKey).orElseThrow(() -> new WatchmenException(
                ErrorCode.DATA_NOT_FOUND, "No failed delivery with key [" + deliveryKey + "]."));
        ItemOutcome outcome = processor.replay(letter).outcome();
        if (outcome.status() == ItemStatus.DONE || outcome.status() == ItemStatus.SKIPPED) {
            // done now, or by another delivery since: nothing left to replay (success itself deletes nothing; a
            // record left behind by a failing delete is ignored by every reader)
            try {
                ledger.discard(deliveryKey);
            } catch (RuntimeException ignored) {
                // the outcome stands
            }
        }
        return outcome;
    }

    /** Replays up to {@code limit} dead letters, oldest first. */
    public List<ItemOutcome> replayAll(int limit) {
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (DeadLetter letter : list(limit)) {
            outcomes.add(replay(letter.deliveryKey()));
        }
        return outcomes;
    }

    /** Deletes a failure record without running it; true when there was one. */
    public boolean discard(String deliveryKey) {
        return ledger.discard(deliveryKey);
    }
}
