package io.watchmen.core.model.topic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Topic types; aggregate, time and ratio are the aggregation (versioned) types. */
public enum TopicType {
    RAW("raw"),
    META("meta"),
    DISTINCT("distinct"),
    AGGREGATE("aggregate"),
    TIME("time"),
    RATIO("ratio");

    private final String json;

    TopicType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static TopicType of(String value) {
        for (TopicType candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("TopicType[" + value + "] cannot be recognized.");
    }
}
