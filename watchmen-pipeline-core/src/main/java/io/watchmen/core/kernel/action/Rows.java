package io.watchmen.core.kernel.action;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.Criteria;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row copies and the reference's "not found / too many" messages. */
final class Rows {

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copyRow(Map<String, Object> row) {
        return row == null ? null : (Map<String, Object>) deepCopy(row);
    }

    static String where(Topic topic, Criteria by) {
        String json;
        try {
            json = WatchmenJson.mapper().writeValueAsString(by);
        } catch (Exception failure) {
            json = String.valueOf(by);
        }
        return "on topic[id=" + topic.topicId() + ", name=" + topic.name() + "], by [" + json + "]";
    }

    static WatchmenException notFound(Topic topic, Criteria by) {
        return new WatchmenException(ErrorCode.DATA_NOT_FOUND, "Data not found, " + where(topic, by) + ".");
    }

    static WatchmenException tooMany(int count, Topic topic, Criteria by) {
        return new WatchmenException(ErrorCode.DATA_INVALID,
                "Too many data[count=" + count + "] found, " + where(topic, by) + ".");
    }

    static Long version(Map<String, Object> row) {
        Object version = row.get("version_");
        return version instanceof Number number ? number.longValue() : null;
    }

    static long id(Map<String, Object> row, Topic topic) {
        Object id = row.get("id_");
        if (id instanceof Number number) {
            return number.longValue();
        }
        if (id instanceof String text && !text.isBlank()) {
            return Long.parseLong(text.trim());
        }
        throw new WatchmenException(ErrorCode.DATA_INVALID,
                "Id not found from given data[topic=" + topic.name() + "].");
    }
}
