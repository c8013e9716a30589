package io.watchmen.core.trigger.function;

import io.watchmen.core.trigger.Disposition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of one invocation: one {@link Delivery} per object of the notification, in event order. */
public record DeliveryReport(String provider, String requestId, List<Delivery> deliveries) {
    public DeliveryReport {
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    public boolean retryNeeded() {
        return deliveries.stream().anyMatch(Delivery::retryNeeded);
    }

    public List<Delivery> with(Disposition disposition) {
        return deliveries.stream().filter(d -> d.disposition() == disposition).toList();
    }

    /** Throws {@link RetryableDeliveryException} when any object must be redelivered; otherwise returns this report. */
    public DeliveryReport throwIfRetryNeeded() {
        if (retryNeeded()) {
            throw new RetryableDeliveryException(this);
        }
        return this;
    }

    /**
     * A plain summary any platform serializer can write: {@code {"requestId", "succeeded": [...], "deadLettered":
     * [...], "retry": [...]}}, objects as {@code provider://bucket/key}.
     */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("requestId", requestId);
        summary.put("succeeded", displays(Disposition.SUCCEEDED));
        summary.put("deadLettered", displays(Disposition.DEAD_LETTERED));
        summary.put("retry", displays(Disposition.RETRY));
        return summary;
    }

    private List<String> displays(Disposition disposition) {
        return with(disposition).stream().map(d -> d.ref().display()).toList();
    }
}
