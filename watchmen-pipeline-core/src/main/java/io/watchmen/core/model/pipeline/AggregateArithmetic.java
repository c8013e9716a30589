package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Arithmetic of a mapping row or a read-factor action. */
public enum AggregateArithmetic {
    NONE("none"),
    COUNT("count"),
    SUM("sum"),
    AVG("avg");

    private final String json;

    AggregateArithmetic(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static AggregateArithmetic of(String value) {
        for (AggregateArithmetic candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("AggregateArithmetic[" + value + "] cannot be recognized.");
    }
}
