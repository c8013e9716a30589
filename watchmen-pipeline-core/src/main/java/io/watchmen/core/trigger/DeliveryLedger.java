package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.storage.UnitOfWork;
import java.util.List;
import java.util.Optional;

/**
 * Exactly-once effect for trigger items. An item is claimed at the start of its unit of work and marked done in
 * the same transaction as everything it writes, so a committed item is done and a rolled-back one left no trace.
 * Failures are recorded in a transaction of their own and counted per delivery key. The JDBC implementation is
 * {@link JdbcDeliveryLedger}; tests of the delivery path use an in-memory one.
 */
interface DeliveryLedger {

    /** What a claim found. */
    record Claim(boolean claimed, String traceId, Long dataId) {
        static Claim granted() {
            return new Claim(true, null, null);
        }

        static Claim alreadyDone(String traceId, Long dataId) {
            return new Claim(false, traceId, dataId);
        }
    }

    /** One failure of an item, as recorded. */
    record Failure(DeliveryKey key, String traceId, ErrorCode code, String message, String rawContent) {
    }

    /** The failure record after this failure: attempts so far, and whether it is now a dead letter. */
    record FailureRecord(int attempts, boolean deadLettered) {
    }

    /**
     * Claims the item inside {@code work}: an item already done is reported as such (one indexed lookup); a
     * concurrent delivery of the same item waits on the key until the other commits, then sees it done.
     */
    Claim claim(UnitOfWork work, DeliveryKey key);

    /** Marks the claimed item done in {@code work} and forgets its earlier failures; the caller commits. */
    void markDone(UnitOfWork work, DeliveryKey key, String traceId, Long dataId);

    /** Records a failure in its own transaction: one more attempt, dead-lettered per {@link Dispositions}. */
    FailureRecord recordFailure(Failure failure);

    /** Dead letters, oldest last failure first, at most {@code limit}. */
    List<DeadLetter> deadLetters(int limit);

    /** A failure record (dead-lettered or not) by its delivery key. */
    Optional<DeadLetter> failure(String deliveryKey);

    /** Deletes a failure record; true when there was one. */
    boolean discard(String deliveryKey);
}
