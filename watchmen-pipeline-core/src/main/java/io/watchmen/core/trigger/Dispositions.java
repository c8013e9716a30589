package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import java.util.List;

/** The retry rule, in one place: what a failed item becomes, and what an object's items add up to. */
final class Dispositions {

    private Dispositions() {
    }

    /** A permanent error is dead-lettered at once; a transient one when its attempts are used up. */
    static boolean deadLetter(ErrorCode code, int attempts, int maxAttempts) {
        return !code.retryable() || attempts >= maxAttempts;
    }

    /**
     * All items done or skipped → SUCCEEDED; any failed item that may still succeed on redelivery → RETRY (a
     * failure that could not even be recorded counts as such: the platform's own retries and dead-letter queue
     * then keep it); otherwise DEAD_LETTERED.
     */
    static Disposition of(List<ItemResult> results) {
        boolean failed = false;
        for (ItemResult result : results) {
            if (result.outcome().status() != ItemStatus.ERROR) {
                continue;
            }
            failed = true;
            if (result.failure() == null || !result.failure().deadLettered()) {
                return Disposition.RETRY;
            }
        }
        return failed ? Disposition.DEAD_LETTERED : Disposition.SUCCEEDED;
    }

    /** An item's outcome and, when it failed, its failure record (null when recording failed too). */
    record ItemResult(ItemOutcome outcome, DeliveryLedger.FailureRecord failure) {
    }
}
