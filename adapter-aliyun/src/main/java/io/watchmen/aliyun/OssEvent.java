package io.watchmen.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of an OSS trigger event's {@code events} array. The key is used as given: OSS does not URL-encode it.
 * {@code requestId} is the OSS request that wrote the object ({@code responseElements.requestId}).
 */
record OssEvent(String eventName, String region, String bucket, String key, String eTag, long size,
                String requestId) {

    /** Every entry of the payload, in order. */
    static List<OssEvent> parseAll(byte[] payload) {
        JsonNode root;
        try {
            root = WatchmenJson.mapper().readTree(payload);
        } catch (IOException e) {
            throw new WatchmenException(ErrorCode.TRIGGER_MALFORMED, "The OSS event is not JSON: " + e.getMessage(), e);
        }
        JsonNode events = root == null ? null : root.get("events");
        if (events == null || !events.isArray()) {
            throw new WatchmenException(ErrorCode.TRIGGER_MALFORMED, "The OSS event has no \"events\" array.");
        }
        List<OssEvent> parsed = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            JsonNode oss = event.path("oss");
            JsonNode object = oss.path("object");
            parsed.add(new OssEvent(text(event, "eventName"), text(event, "region"),
                    text(oss.path("bucket"), "name"), text(object, "key"), text(object, "eTag"),
                    object.path("size").asLong(0), text(event.path("responseElements"), "requestId")));
        }
        return parsed;
    }

    /**
     * The version token: the ETag, qualified by the writing request so that two uploads of identical content stay
     * two deliveries, while a redelivered event (same payload) keeps the same token.
     */
    String version() {
        if (eTag == null) {
            return requestId;
        }
        return requestId == null ? eTag : eTag + "@" + requestId;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
