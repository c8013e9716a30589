package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import java.time.LocalDateTime;

/**
 * A failed trigger item as recorded in {@code wmx_failed_deliveries}: which object and item, the last trace id and
 * error, how many attempts, and the item's raw content for a replay. {@link #toString()} leaves the raw content
 * out: it carries the PAT.
 */
public record DeadLetter(DeliveryKey key, String traceId, ErrorCode errorCode, String message, int attempts,
                         LocalDateTime firstFailedAt, LocalDateTime lastFailedAt, boolean deadLettered,
                         String rawContent) {

    public String deliveryKey() {
        return key.value();
    }

    @Override
    public String toString() {
        return "DeadLetter[" + key.value() + ", " + key.ref().display() + " item " + key.itemIndex() + ", traceId="
                + traceId + ", " + errorCode + ": " + message + ", attempts=" + attempts + ", lastFailedAt="
                + lastFailedAt + ", deadLettered=" + deadLettered + "]";
    }
}
