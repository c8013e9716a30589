package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exactly-once effect for trigger items. An item is claimed at the start of its unit of work by one insert that is
 * also its done mark: it becomes visible only when the unit commits with everything the item wrote, so a committed
 * item is done and a rolled-back one left no trace. Failures are recorded in a transaction of their own and counted
 * per delivery key; the records of items done since are ignored (and removed on replay or purge), so success costs
 * no delete. The JDBC implementation is
 * {@link JdbcDeliveryLedger}; tests of the delivery path use an in-memory one.
 *
 * <p>An item that also wrote to other databases leaves a done mark in each of them ({@link #markDone}), committed
 * before the ledger row: when only the ledger row was lost, the redelivery finds the marks and does not run the
 * item twice ({@link #earlierAttempt}).
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

    /**
     * What an earlier attempt of an item committed outside the ledger's database: its trace id, the data sources
     * holding its mark, those it marked that do not hold it, and those that could not be checked. Complete when the
     * marks found are of one attempt and every data source it marked holds one: the item is done.
     */
    record EarlierAttempt(String traceId, List<String> holding, List<String> missing, List<String> unreachable,
                          boolean complete) {
    }

    /** One failure of an item, as recorded. */
    record Failure(DeliveryKey key, String traceId, ErrorCode code, String message, String rawContent) {
    }

    /** The failure record after this failure: attempts so far, and whether it is now a dead letter. */
    record FailureRecord(int attempts, boolean deadLettered) {
    }

    /**
     * Claims the item inside {@code work} and marks it done under {@code traceId} when {@code work} commits (one
     * insert). An item already done is reported as such (its trace id; the data id is not recorded); a concurrent
     * delivery of the same item waits on the key until the other commits, then sees it done, or claims it when the
     * other rolled back. In a deferring unit the insert is deferred and the claim always granted: the caller checked
     * {@link #doneAmong} first, and a key done since fails the unit's batch (a duplicate key) and so its commit. In a
     * unit that {@link UnitOfWork#holdsUntilCommit holds} rows for the ledger's database the insert goes with the
     * commit (one round trip with the monitor logs and the COMMIT) and the claim is granted too: an item done by
     * another delivery fails the commit, and the caller asks {@link #doneRecord} before calling it a failure.
     */
    Claim claim(UnitOfWork work, DeliveryKey key, String traceId);

    /**
     * As {@link #claim}, but in a unit of one item the insert runs at once instead of being held for the commit:
     * for an item that runs alone after its chunk rolled back (a redelivered object's chunk finds done items),
     * which is then skipped without running its pipelines again.
     */
    default Claim claimAtOnce(UnitOfWork work, DeliveryKey key, String traceId) {
        return claim(work, key, traceId);
    }

    /**
     * The item's done row when it is done (committed), read in a transaction of its own: after a unit that held
     * its claim until the commit failed, whether a delivery of the same item committed first (then the item is
     * skipped, not failed).
     */
    Optional<Claim> doneRecord(DeliveryKey key);

    /**
     * The delivery keys among {@code keys} whose items are done (committed), read inside {@code work}: the check
     * before a chunk of items, whose claims in a deferring unit are sent only with its batches and report no
     * earlier delivery. Uncommitted claims of a concurrent delivery are not seen: the chunk's own claims then
     * conflict with them when sent.
     */
    Set<String> doneAmong(UnitOfWork work, List<DeliveryKey> keys);

    /**
     * Writes the item's done mark under {@code traceId} into each of {@code written} (the targets the item wrote to)
     * other than the ledger's own database, inside {@code work}, just before its commit: deferred in a deferring
     * unit, where a mark present already fails the unit's batch and so its commit. In a unit of one item, returns
     * the data source (its key) that held the item's mark already: an earlier attempt committed there while its
     * ledger row was lost; the caller rolls back and asks {@link #earlierAttempt}.
     */
    Optional<String> markDone(UnitOfWork work, DeliveryKey key, String traceId, List<StorageTarget> written);

    /**
     * After {@link #markDone} found a mark: what the earlier attempt committed, read outside any unit, in the data
     * sources of {@code written} and in those its marks list.
     */
    EarlierAttempt earlierAttempt(DeliveryKey key, List<StorageTarget> written);

    /** Records a failure in its own transaction: one more attempt, dead-lettered per {@link Dispositions}. */
    FailureRecord recordFailure(Failure failure);

    /** Dead letters of items not done since, oldest last failure first, at most {@code limit}. */
    List<DeadLetter> deadLetters(int limit);

    /** A failure record (dead-lettered or not) by its delivery key; empty when the item was done since. */
    Optional<DeadLetter> failure(String deliveryKey);

    /** Deletes a failure record; true when there was one. */
    boolean discard(String deliveryKey);
}
