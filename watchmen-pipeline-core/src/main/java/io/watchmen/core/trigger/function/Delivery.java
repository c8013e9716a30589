package io.watchmen.core.trigger.function;

import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one object of a notification. {@code outcome} is null when the object could not be read or the
 * handler failed outright; {@code failure} then says why (never a PAT: it is a read or wiring error).
 */
public record Delivery(ObjectRef ref, Disposition disposition, Status status, ObjectOutcome outcome,
                       String failure, Duration duration) {

    /** The log status of one object: finer than {@link Disposition}. */
    public enum Status {
        /** Every item done or skipped. */
        SUCCEEDED,
        /** The core asks for a redelivery. */
        RETRY,
        /** The core recorded a permanent failure. */
        DEAD_LETTERED,
        /** The object could not be read (transient): retried. */
        READ_FAILED,
        /** The object is gone: nothing to retry. */
        MISSING,
        /** The handler threw instead of returning an outcome (a bug or a broken runtime): retried. */
        HANDLER_FAILED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Delivery {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(status, "status");
        duration = duration == null ? Duration.ZERO : duration;
    }

    static Delivery of(ObjectOutcome outcome, Duration duration) {
        Disposition disposition = outcome.disposition() == null ? Disposition.RETRY : outcome.disposition();
        Status status = switch (disposition) {
            case SUCCEEDED -> Status.SUCCEEDED;
            case RETRY -> Status.RETRY;
            case DEAD_LETTERED -> Status.DEAD_LETTERED;
        };
        return new Delivery(outcome.ref(), disposition, status, outcome, null, duration);
    }

    public boolean retryNeeded() {
        return disposition == Disposition.RETRY;
    }

    /** The Watchmen trace ids of the items (those that got one). */
    public List<String> traceIds() {
        return items().stream().map(ItemOutcome::traceId).filter(Objects::nonNull).toList();
    }

    public List<ItemOutcome> items() {
        return outcome == null ? List.of() : outcome.items();
    }

    public long count(ItemStatus itemStatus) {
        return items().stream().filter(item -> item.status() == itemStatus).count();
    }
}
