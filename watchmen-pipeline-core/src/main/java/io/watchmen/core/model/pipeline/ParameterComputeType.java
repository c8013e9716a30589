package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Types of computed parameters. */
public enum ParameterComputeType {
    NONE("none"),
    ADD("add"),
    SUBTRACT("subtract"),
    MULTIPLY("multiply"),
    DIVIDE("divide"),
    MODULUS("modulus"),
    YEAR_OF("year-of"),
    HALF_YEAR_OF("half-year-of"),
    QUARTER_OF("quarter-of"),
    MONTH_OF("month-of"),
    WEEK_OF_YEAR("week-of-year"),
    WEEK_OF_MONTH("week-of-month"),
    DAY_OF_MONTH("day-of-month"),
    DAY_OF_WEEK("day-of-week"),
    CASE_THEN("case-then");

    private final String json;

    ParameterComputeType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static ParameterComputeType of(String value) {
        for (ParameterComputeType candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("ParameterComputeType[" + value + "] cannot be recognized.");
    }
}
