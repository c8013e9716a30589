package io.watchmen.core.trigger.function;

import java.util.stream.Collectors;

/**
 * Thrown by an adapter when at least one object of the notification must be redelivered, so the platform retries
 * the invocation (its retry policy bounds the attempts; the core's ledger skips objects already done). The message
 * names the objects, never their content.
 */
public class RetryableDeliveryException extends RuntimeException {

    private final transient DeliveryReport report;

    public RetryableDeliveryException(DeliveryReport report) {
        super(message(report));
        this.report = report;
    }

    public DeliveryReport report() {
        return report;
    }

    private static String message(DeliveryReport report) {
        var retry = report.deliveries().stream().filter(Delivery::retryNeeded).toList();
        return retry.size() + " of " + report.deliveries().size() + " object(s) must be retried (request "
                + report.requestId() + "): "
                + retry.stream().map(d -> d.ref().display() + " [" + d.status().json() + "]")
                .collect(Collectors.joining(", "));
    }
}
