package io.watchmen.core.trigger.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One structured JSON line per object, written to the platform's log: provider request id, bucket, key, version,
 * size, Watchmen trace ids, status, item counts, error codes and duration. Items never carry their PAT into an
 * outcome, and error text is capped, so a line cannot leak a token or flood the log. A scheduled purge of the
 * delivery ledger writes one line too ({@value #PURGE_EVENT}).
 */
public final class FunctionLog {

    /** Longest error text copied into a line. */
    public static final int MAX_ERROR_CHARS = 300;
    /** The {@code event} of a ledger purge's line. */
    public static final String PURGE_EVENT = "watchmen.ledger.purge";

    private final Consumer<String> sink;

    public FunctionLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Writes to standard output (Alibaba FC, Google Cloud Functions collect it). */
    public static FunctionLog stdout() {
        return new FunctionLog(System.out::println);
    }

    public void write(String requestId, Delivery delivery) {
        sink.accept(line(requestId, delivery));
    }

    /** The JSON line for one object. */
    public static String line(String requestId, Delivery delivery) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "watchmen.object");
        line.put("provider", delivery.ref().provider());
        line.put("requestId", requestId);
        line.put("bucket", delivery.ref().bucket());
        line.put("key", delivery.ref().key());
        line.put("version", delivery.ref().version());
        line.put("size", delivery.ref().size());
        line.put("status", delivery.status().json());
        line.put("traceIds", delivery.traceIds());
        line.put("items", delivery.items().size());
        line.put("done", delivery.count(ItemStatus.DONE));
        line.put("skipped", delivery.count(ItemStatus.SKIPPED));
        line.put("errors", delivery.count(ItemStatus.ERROR));
        List<String> codes = delivery.items().stream().map(ItemOutcome::errorCode).filter(Objects::nonNull)
                .map(Enum::name).distinct().toList();
        line.put("errorCodes", codes);
        line.put("error", cap(firstError(delivery)));
        line.put("durationMs", delivery.duration().toMillis());
        try {
            return WatchmenJson.mapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            // Strings, numbers and lists only: cannot happen; keep the object visible anyway.
            return "{\"event\":\"watchmen.object\",\"key\":\"" + delivery.ref().display() + "\",\"status\":\""
                    + delivery.status().json() + "\"}";
        }
    }

    public void write(PurgeReport report) {
        sink.accept(line(report));
    }

    /** Logs a purge that failed; {@code retention} is null when the settings could not be read. */
    public void purgeFailed(String provider, String requestId, Duration retention, Exception failure,
                            Duration duration) {
        Map<String, Object> line = purgeLine(provider, requestId, "failed");
        line.put("retentionHours", retention == null ? null : retention.toHours());
        line.put("error", cap(failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage())));
        line.put("durationMs", duration.toMillis());
        sink.accept(json(line));
    }

    /** The JSON line of a purge: rows purged, the cut-off, the retention and the duration. */
    public static String line(PurgeReport report) {
        Map<String, Object> line = purgeLine(report.provider(), report.requestId(), "purged");
        line.put("purged", report.purged());
        line.put("doneBefore", report.doneBefore().toString());
        line.put("retentionHours", report.retention().toHours());
        line.put("durationMs", report.duration().toMillis());
        return json(line);
    }

    private static Map<String, Object> purgeLine(String provider, String requestId, String status) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", PURGE_EVENT);
        line.put("provider", provider);
        line.put("requestId", requestId);
        line.put("status", status);
        return line;
    }

    private static String json(Map<String, Object> line) {
        try {
            return WatchmenJson.mapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            // Strings and numbers only: cannot happen.
            return "{\"event\":\"" + line.get("event") + "\",\"status\":\"" + line.get("status") + "\"}";
        }
    }

    private static String firstError(Delivery delivery) {
        if (delivery.failure() != null) {
            return delivery.failure();
        }
        return delivery.items().stream().map(ItemOutcome::error).filter(Objects::nonNull).findFirst().orElse(null);
    }

    static String cap(String text) {
        if (text == null || text.length() <= MAX_ERROR_CHARS) {
            return text;
        }
        return text.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
