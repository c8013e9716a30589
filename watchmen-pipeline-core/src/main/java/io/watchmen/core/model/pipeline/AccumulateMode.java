package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How aggregate arithmetic treats the previous trigger data. */
public enum AccumulateMode {
    STANDARD("standard"),
    REVERSE("reverse"),
    CUMULATE("cumulate");

    private final String json;

    AccumulateMode(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static AccumulateMode of(String value) {
        for (AccumulateMode candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("AccumulateMode[" + value + "] cannot be recognized.");
    }
}
