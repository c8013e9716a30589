package io.watchmen.core.storage;

import static io.watchmen.core.storage.JdbcTopicDataServiceTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void write_usesWatchmensEncoding() {
        assertThat(JsonValues.write(map(
                "at", LocalDateTime.of(2024, 5, 17, 10, 11, 12),
                "atMicros", LocalDateTime.of(2024, 5, 17, 10, 11, 12, 123_456_789),
                "day", LocalDate.of(2024, 5, 17),
                "time", LocalTime.of(10, 11, 12),
                "integral", new BigDecimal("150.000000"),
                "fraction", new BigDecimal("2.50"),
                "huge", new BigDecimal("1000000000000000"),
                "text", "naïve",
                "none", null,
                "list", List.of(new BigDecimal("1.0")))))
                .isEqualTo("{\"at\":\"2024-05-17T10:11:12\",\"atMicros\":\"2024-05-17T10:11:12.123456\","
                        + "\"day\":\"2024-05-17\",\"time\":\"10:11:12\",\"integral\":150,\"fraction\":2.50,"
                        + "\"huge\":\"1000000000000000\",\"text\":\"naïve\",\"none\":null,\"list\":[1]}");
    }

    @Test
    void write_everyKindOfValue_equalsTheMappersTextOfTheEncodedTree() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("n", 1);
        nested.put("l", 12345678901L);
        nested.put("b", true);
        nested.put("d", 2.5d);
        nested.put("f", 1.5f);
        nested.put("s", (short) 3);
        nested.put("bi", BigInteger.TEN);
        nested.put("biHuge", new BigInteger("10000000000000000"));
        nested.put("bdZero", new BigDecimal("0.000"));
        nested.put("bdE", new BigDecimal("1E+3"));
        nested.put("set", new TreeSet<>(Set.of("a", "b")));
        nested.put("array", new int[] {1, 2});
        nested.put("escaped", "quote\" \\ \n \u0001 ü");
        nested.put("deep", new ArrayList<>(Arrays.asList(Map.of("x", LocalDate.of(2024, 1, 2)), null,
                List.of(new BigDecimal("3.10")))));
        Map<Object, Object> keys = new LinkedHashMap<>();
        keys.put(1, "numeric key");
        keys.put(null, "null key");
        nested.put("keys", keys);
        for (Object value : Arrays.asList(null, "x", 7, new BigDecimal("2.0"), List.of(), Map.of(), nested)) {
            assertThat(JsonValues.write(value))
                    .isEqualTo(WatchmenJson.mapper().writeValueAsString(encodedTree(value)));
        }
    }

    @Test
    void write_everyCharacter_isEscapedAsTheMapperEscapesIt() throws Exception {
        StringBuilder every = new StringBuilder(0x10000);
        for (int c = 0; c <= 0xFFFF; c++) {
            every.append((char) c);
        }
        String text = every.toString();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(text, List.of(text, "plain"));

        assertThat(JsonValues.write(document)).isEqualTo(WatchmenJson.mapper().writeValueAsString(document));
    }

    @Test
    void write_dateTimesOfEveryYearAndFraction_matchTheFormattersText() {
        DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        for (int year : new int[] {-5, 0, 1, 9, 999, 2026, 9999, 10000}) {
            for (int nanos : new int[] {0, 999, 1000, 120_000, 123_456_789, 999_999_999}) {
                LocalDateTime value = LocalDateTime.of(year, 2, 3, 4, 5, 6, nanos);
                String micros = nanos / 1000 == 0 ? "" : String.format(".%06d", nanos / 1000);
                assertThat(JsonValues.normaliseLeaf(value)).isEqualTo(value.format(dateTime) + micros);
                assertThat(JsonValues.normaliseLeaf(value.toLocalTime()))
                        .isEqualTo(value.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + micros);
            }
        }
    }

    @Test
    void write_nestedDeeperThanTheMapperAllows_failsAsDataInvalid() {
        Object deep = List.of();
        for (int i = 0; i < 1100; i++) {
            deep = List.of(deep);
        }
        Object value = deep;

        assertThatThrownBy(() -> JsonValues.write(value)).isInstanceOf(WatchmenException.class)
                .hasMessageContaining("nesting depth")
                .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.DATA_INVALID));
    }

    @Test
    void write_nestedWithinTheMappersLimit_isWritten() throws Exception {
        Object deep = List.of();
        for (int i = 0; i < 999; i++) {
            deep = List.of(deep);
        }

        assertThat(JsonValues.write(deep)).isEqualTo(WatchmenJson.mapper().writeValueAsString(deep));
    }

    /** The encoding as a tree copy, the way it was applied before writing was streamed: the oracle. */
    private static Object encodedTree(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), encodedTree(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(encodedTree(v)));
            return out;
        }
        return JsonValues.normaliseLeaf(value);
    }

    @Test
    void read_parsesObjectsListsAndDecimals() {
        assertThat(JsonValues.read("{\"a\":[1,2.5,\"x\"],\"b\":null}"))
                .isEqualTo(map("a", List.of(1, new BigDecimal("2.5"), "x"), "b", null));
        assertThat(JsonValues.read(null)).isNull();
        assertThat(JsonValues.read("null")).isNull();
    }

    @Test
    void indexName_longTable_isShortenedWithAHashAndStaysValid() {
        String table = "topic_" + "x".repeat(57);
        String name = TopicTables.indexName(table, "u10");
        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("topic_xxx").endsWith("_u10");
        assertThat(Identifiers.isValid(name)).isTrue();
        assertThat(TopicTables.indexName(table + "y".substring(0, 0), "u10")).isEqualTo(name);
        assertThat(TopicTables.indexName("topic_" + "x".repeat(56) + "y", "u10")).isNotEqualTo(name);
        assertThat(TopicTables.indexName("topic_orders", "tenant")).isEqualTo("topic_orders_tenant");
    }
}
