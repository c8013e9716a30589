package io.watchmen.core.storage;

import static io.watchmen.core.storage.JdbcTopicDataServiceTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
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
