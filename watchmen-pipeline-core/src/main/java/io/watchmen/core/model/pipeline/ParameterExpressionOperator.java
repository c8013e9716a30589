package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Operators of a parameter expression. */
public enum ParameterExpressionOperator {
    EMPTY("empty"),
    NOT_EMPTY("not-empty"),
    EQUALS("equals"),
    NOT_EQUALS("not-equals"),
    LESS("less"),
    LESS_EQUALS("less-equals"),
    MORE("more"),
    MORE_EQUALS("more-equals"),
    IN("in"),
    NOT_IN("not-in");

    private final String json;

    ParameterExpressionOperator(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static ParameterExpressionOperator of(String value) {
        for (ParameterExpressionOperator candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("ParameterExpressionOperator[" + value + "] cannot be recognized.");
    }
}
