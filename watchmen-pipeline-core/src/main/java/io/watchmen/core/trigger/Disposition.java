package io.watchmen.core.trigger;

/** What an adapter must tell its platform about a storage object. */
public enum Disposition {
    /** Every item is done or skipped: return normally. */
    SUCCEEDED,
    /** An item failed with a transient error and may succeed on redelivery: throw so the platform retries. */
    RETRY,
    /** An item failed for good (permanent error or attempts used up); it is recorded as a dead letter: return normally. */
    DEAD_LETTERED
}
