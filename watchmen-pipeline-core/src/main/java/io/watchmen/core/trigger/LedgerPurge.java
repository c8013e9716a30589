package io.watchmen.core.trigger;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What one purge of the delivery ledger did: {@code rows} ledger rows of items done before {@code doneBefore} (naive
 * local time, as the ledger's {@code done_at}) were deleted, with the stale failure records of those items.
 */
public record LedgerPurge(int rows, LocalDateTime doneBefore) {
    public LedgerPurge {
        Objects.requireNonNull(doneBefore, "doneBefore");
    }
}
