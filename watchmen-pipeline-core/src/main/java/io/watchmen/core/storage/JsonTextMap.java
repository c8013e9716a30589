package io.watchmen.core.storage;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * A read-only map that never changes once built, whose JSON column text (Watchmen's encoding) is rendered once and
 * reused: an action's {@code definedAs} is written into every monitor log of every run.
 */
public final class JsonTextMap extends AbstractMap<String, Object> {

    private final Map<String, Object> content;
    private volatile String json;

    /** {@code content} must not change afterwards (nested values included). */
    public JsonTextMap(Map<String, Object> content) {
        this.content = Collections.unmodifiableMap(content);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return content.entrySet();
    }

    @Override
    public Object get(Object key) {
        return content.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return content.containsKey(key);
    }

    @Override
    public int size() {
        return content.size();
    }

    /** The text {@link JsonValues} writes for the content (rendered on first use; a race renders it twice). */
    String json() {
        String text = json;
        if (text == null) {
            text = JsonValues.write(content);
            json = text;
        }
        return text;
    }
}
