package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the filters of a joint combine. */
public enum ParameterJointType {
    AND("and"),
    OR("or");

    private final String json;

    ParameterJointType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static ParameterJointType of(String value) {
        for (ParameterJointType candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("ParameterJointType[" + value + "] cannot be recognized.");
    }
}
