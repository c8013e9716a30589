package io.watchmen.core.kernel;

import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.storage.RenderedJson;
import java.util.List;
import java.util.Map;

/** Navigation in stored monitor-log documents. */
final class Logs {

    private Logs() {
    }

    /**
     * A list of the document; a log's stages written as text ({@link RenderedJson}, the kernel's deferred logs) are
     * read back as a database read gives them (the text parsed by the mapper).
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof RenderedJson rendered) {
            try {
                return WatchmenJson.mapper().readValue(rendered.toString(), List.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return (List<Map<String, Object>>) value;
    }

    static Map<String, Object> stage(Map<String, Object> log, int index) {
        return list(log, "stages").get(index);
    }

    static Map<String, Object> unit(Map<String, Object> log, int stage, int unit) {
        return list(stage(log, stage), "units").get(unit);
    }

    static Map<String, Object> action(Map<String, Object> log, int stage, int unit, int action) {
        return list(unit(log, stage, unit), "actions").get(action);
    }
}
