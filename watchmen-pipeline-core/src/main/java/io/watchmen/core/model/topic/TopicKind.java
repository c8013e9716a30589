package io.watchmen.core.model.topic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Topic kinds; a synonym topic maps a table owned by someone else. */
public enum TopicKind {
    SYSTEM("system"),
    BUSINESS("business"),
    SYNONYM("synonym");

    private final String json;

    TopicKind(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static TopicKind of(String value) {
        for (TopicKind candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("TopicKind[" + value + "] cannot be recognized.");
    }
}
