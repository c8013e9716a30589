package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextMapTest {

    @Test
    void write_aJsonTextMapInsideADocument_isTheTextOfItsContent() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("actionId", "a1");
        content.put("mapping", List.of(Map.of("arithmetic", "sum"), new BigDecimal("2.50")));
        content.put("on", null);
        content.put("day", LocalDate.of(2026, 1, 2));
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("before", 1);
        plain.put("definedAs", new LinkedHashMap<>(content));
        plain.put("after", List.of(new LinkedHashMap<>(content)));
        Map<String, Object> shared = new LinkedHashMap<>();
        JsonTextMap rendered = new JsonTextMap(content);
        shared.put("before", 1);
        shared.put("definedAs", rendered);
        shared.put("after", List.of(rendered));

        assertThat(JsonValues.write(shared)).isEqualTo(JsonValues.write(plain));
        assertThat(JsonValues.write(shared)).isEqualTo(JsonValues.write(plain)).as("rendered once, reused");
        assertThat(rendered).isEqualTo(content);
    }

    @Test
    void put_isRefused() {
        JsonTextMap rendered = new JsonTextMap(new LinkedHashMap<>(Map.of("a", 1)));
        assertThatThrownBy(() -> rendered.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }
}
