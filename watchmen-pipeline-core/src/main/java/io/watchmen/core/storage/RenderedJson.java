package io.watchmen.core.storage;

/**
 * A value already written as JSON column text by a {@link JsonTextBuilder}: written as it is wherever it sits in a
 * JSON column's value. It is not a map or a list; only for values nothing reads before they are stored.
 */
public final class RenderedJson {

    private final String json;

    RenderedJson(String json) {
        this.json = json;
    }

    String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }
}
