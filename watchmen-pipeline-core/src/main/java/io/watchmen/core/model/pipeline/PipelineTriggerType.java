package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Trigger types of pipelines and of trigger data. */
public enum PipelineTriggerType {
    INSERT("insert"),
    MERGE("merge"),
    INSERT_OR_MERGE("insert-or-merge"),
    DELETE("delete");

    private final String json;

    PipelineTriggerType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static PipelineTriggerType of(String value) {
        for (PipelineTriggerType candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("PipelineTriggerType[" + value + "] cannot be recognized.");
    }
}
