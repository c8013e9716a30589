package io.watchmen.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextBuilderTest {

    @Test
    void fieldsAndArrays_writeTheTextOfTheSameMapsAndLists() {
        JsonTextBuilder builder = new JsonTextBuilder(1);
        builder.beginArray();
        builder.beginObject();
        builder.key("a\"b");
        builder.value(new BigDecimal("12.00"));
        builder.key("at");
        builder.value(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6000));
        builder.key("list");
        builder.beginArray();
        builder.value("x\n");
        builder.beginObject();
        builder.endObject();
        builder.value(null);
        builder.endArray();
        builder.key("empty");
        builder.beginArray();
        builder.endArray();
        builder.key("nested");
        builder.value(Map.of("k", List.of(1, 2L)));
        builder.endObject();
        builder.beginObject();
        builder.plainKey("last");
        builder.value(true);
        builder.endObject();
        builder.endArray();

        Map<String, Object> first = new LinkedHashMap<>();
        first.put("a\"b", new BigDecimal("12.00"));
        first.put("at", LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6000));
        List<Object> list = new ArrayList<>();
        list.add("x\n");
        list.add(Map.of());
        list.add(null);
        first.put("list", list);
        first.put("empty", List.of());
        first.put("nested", Map.of("k", List.of(1, 2L)));
        List<Object> expected = List.of(first, Map.of("last", true));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", 1);
        document.put("stages", builder.result());
        Map<String, Object> equivalent = new LinkedHashMap<>();
        equivalent.put("id", 1);
        equivalent.put("stages", expected);
        assertEquals(JsonValues.write(equivalent), JsonValues.write(document));
        assertEquals(JsonValues.write(expected), builder.result().toString());
    }

    @Test
    void aValueOnlyTheMapperWrites_givesNoResult() {
        JsonTextBuilder builder = new JsonTextBuilder(0);
        builder.beginObject();
        builder.key("ratio");
        builder.value(0.25d);
        builder.endObject();
        assertNull(builder.result());
    }

    @Test
    void nestingBeyondTheMappersLimit_givesNoResult() {
        JsonTextBuilder builder = new JsonTextBuilder(JsonValues.MAX_DEPTH);
        builder.beginArray();
        builder.endArray();
        assertNull(builder.result());
    }
}
