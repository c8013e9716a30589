package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Severity of an alarm action; recorded only in the action's definition. */
public enum AlarmSeverity {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    CRITICAL("critical");

    private final String json;

    AlarmSeverity(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static AlarmSeverity of(String value) {
        for (AlarmSeverity candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("AlarmSeverity[" + value + "] cannot be recognized.");
    }
}
