package io.watchmen.core.model.monitor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Status of a monitor-log step; IGNORED exists in the model but the kernel never produces it. */
public enum MonitorLogStatus {
    DONE("DONE"),
    ERROR("ERROR"),
    IGNORED("IGNORED");

    private final String json;

    MonitorLogStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static MonitorLogStatus of(String value) {
        for (MonitorLogStatus candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("MonitorLogStatus[" + value + "] cannot be recognized.");
    }
}
