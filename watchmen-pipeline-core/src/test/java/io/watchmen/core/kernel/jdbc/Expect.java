package io.watchmen.core.kernel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row and monitor-log navigation for database results: numbers compare numerically (DECIMAL(32,6) columns). */
final class Expect {

    private Expect() {
    }

    static void number(Object actual, String expected) {
        assertThat(actual).as("number expected: %s", expected).isNotNull();
        assertThat(new BigDecimal(actual.toString())).isEqualByComparingTo(expected);
    }

    static long longValue(Object actual) {
        return new BigDecimal(String.valueOf(actual)).longValueExact();
    }

    /** aggregate_assist_ as a map, whether the driver returns a JSON text or the data service a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> assist(Map<String, Object> row) {
        Object assist = row.get("aggregate_assist_");
        if (assist instanceof String text) {
            return JdbcWorld.read(text, new TypeReference<>() { });
        }
        return (Map<String, Object>) assist;
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
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
