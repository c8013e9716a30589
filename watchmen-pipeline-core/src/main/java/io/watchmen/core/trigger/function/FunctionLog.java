package io.watchmen.core.trigger.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One structured JSON line per object, written to the platform's log: provider request id, bucket, key, version,
 * size, Watchmen trace ids, status, item counts, error codes and duration. Items never carry their PAT into an
 * outcome, and error text is capped, so a line cannot leak a token or flood the log.
 */
public final class FunctionLog {

    /** Longest error text copied into a line. */
    public static final int MAX_ERROR_CHARS = 300;

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
