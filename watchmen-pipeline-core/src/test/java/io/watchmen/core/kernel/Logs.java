package io.watchmen.core.kernel;

import java.util.List;
import java.util.Map;

/** Navigation in stored monitor-log documents. */
final class Logs {

    private Logs() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
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
