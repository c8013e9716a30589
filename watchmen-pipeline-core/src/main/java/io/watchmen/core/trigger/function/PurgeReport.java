package io.watchmen.core.trigger.function;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one scheduled purge of the delivery ledger ({@link FunctionRuntime#purgeLedger}): {@code purged}
 * ledger rows of items done before {@code doneBefore} (naive local time, as the ledger stores it) were deleted,
 * {@code retention} being the configured window.
 */
public record PurgeReport(String provider, String requestId, int purged, LocalDateTime doneBefore,
                          Duration retention, Duration duration) {
    public PurgeReport {
        Objects.requireNonNull(doneBefore, "doneBefore");
        Objects.requireNonNull(retention, "retention");
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** A plain summary any platform serializer can write: {@code {"requestId", "purged", "doneBefore", ...}}. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("requestId", requestId);
        summary.put("purged", purged);
        summary.put("doneBefore", doneBefore.toString());
        summary.put("retentionHours", retention.toHours());
        summary.put("durationMs", duration.toMillis());
        return summary;
    }
}
