package io.watchmen.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicRowsTest {

    @Test
    void hasNoTechnicalOrDottedKey_plainDocument_isItsOwnRawDocument() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", "1");
        data.put("stages", List.of(Map.of("a.b", 1)));
        data.put("status", "DONE");
        assertTrue(TopicRows.hasNoTechnicalOrDottedKey(data));
        assertEquals(new ArrayList<>(data.entrySet()), new ArrayList<>(TopicRows.rawDocument(data).entrySet()));
    }

    @Test
    void hasNoTechnicalOrDottedKey_technicalOrRootLevelDottedKey_isFalse() {
        for (String key : List.of("id_", "data_", "tenant_id_", "version_", "aggregate_assist_", "insert_time_",
                "update_time_", "a.b")) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("uid", "1");
            data.put(key, 2);
            assertFalse(TopicRows.hasNoTechnicalOrDottedKey(data), key);
        }
    }
}
