package io.watchmen.core.schema;

import io.watchmen.core.model.topic.Topic;
import java.util.Map;

/**
 * A topic prepared for writing (spec storage 3.2): factor groups for defaults, date parsing, encryption, aid
 * hierarchy and flattening, built once per topic version and cached by the caller. Thread-safe.
 */
public final class TopicSchema {

    private final Topic topic;

    private TopicSchema(Topic topic) {
        this.topic = topic;
    }

    /** Builds the schema of a topic (casts default values once; a failing cast is a definition error). */
    public static TopicSchema of(Topic topic, SchemaContext context) {
        throw new UnsupportedOperationException("implemented by the schema package");
    }

    public Topic topic() {
        return topic;
    }

    /**
     * Prepares trigger data in place, in the reference's order: defaults, dates, encryption, aid hierarchy (raw),
     * flatten (raw: the value at each flatten factor's path is copied to a root-level key named by the full
     * factor name). Returns the same map.
     */
    public Map<String, Object> prepareTriggerData(Map<String, Object> data, String tenantId) {
        throw new UnsupportedOperationException("implemented by the schema package");
    }

    /** Prepares a row written by a pipeline action in place: defaults, dates, encryption. Returns the same map. */
    public Map<String, Object> prepareRow(Map<String, Object> row, String tenantId) {
        throw new UnsupportedOperationException("implemented by the schema package");
    }
}
