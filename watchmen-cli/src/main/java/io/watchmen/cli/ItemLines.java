package io.watchmen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.trigger.ItemOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code run}'s output: exactly one JSON line per trigger item,
 * {@code {"object", "index", "status", "traceId", "dataId", "error"}} with absent fields omitted.
 */
final class ItemLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemLines() {
    }

    static String of(String object, ItemOutcome item) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("object", object);
        line.put("index", item.index());
        line.put("status", item.status().json());
        putIfPresent(line, "traceId", item.traceId());
        putIfPresent(line, "dataId", item.dataId() == null ? null : String.valueOf(item.dataId()));
        putIfPresent(line, "error", error(item.errorCode(), item.error()));
        return write(line);
    }

    /** A line for an object that failed before the core could report its items (unreadable file, crash). */
    static String failure(String object, ErrorCode code, String message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("object", object);
        line.put("index", 0);
        line.put("status", "error");
        line.put("error", error(code, message));
        return write(line);
    }

    private static String error(ErrorCode code, String message) {
        if (code == null && message == null) {
            return null;
        }
        if (code == null) {
            return message;
        }
        return message == null ? code.name() : code.name() + ": " + message;
    }

    private static void putIfPresent(Map<String, Object> line, String name, Object value) {
        if (value != null) {
            line.put(name, value);
        }
    }

    private static String write(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an output line", e);
        }
    }
}
