package io.watchmen.core.model.system;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Types of external writers. */
public enum ExternalWriterType {
    STANDARD_WRITER("standard-writer"),
    ELASTIC_SEARCH_WRITER("elastic-search-writer");

    private final String json;

    ExternalWriterType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static ExternalWriterType of(String value) {
        for (ExternalWriterType candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("ExternalWriterType[" + value + "] cannot be recognized.");
    }
}
