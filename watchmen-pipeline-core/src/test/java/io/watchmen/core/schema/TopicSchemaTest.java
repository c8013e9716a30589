package io.watchmen.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.FactorEncryptMethod;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import io.watchmen.core.value.DateTimeParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TopicSchemaTest {

    private final AtomicLong ids = new AtomicLong();

    private SchemaContext context(boolean ignoreDefaultOnRaw, boolean abandon) {
        Settings.Preparation preparation = new Settings.Preparation(ignoreDefaultOnRaw, abandon, List.of(), List.of(),
                List.of(), List.of());
        return new SchemaContext(DateTimeParser.defaults(), preparation,
                FactorCryptoTest.crypto(FactorCryptoTest.KEY, FactorCryptoTest.IV), (t, k) -> Optional.empty(),
                ids::incrementAndGet);
    }

    private SchemaContext context() {
        return context(true, false);
    }

    static Factor factor(String name, FactorType type) {
        return new Factor(name, type, name, null, null, null, null, null, null, null, null);
    }

    static Factor withDefault(String name, FactorType type, String defaultValue) {
        return new Factor(name, type, name, null, null, null, defaultValue, null, null, null, null);
    }

    static Factor encrypted(String name, FactorEncryptMethod method) {
        return new Factor(name, FactorType.TEXT, name, null, null, null, null, null, null, method, null);
    }

    static Factor flattened(String name, FactorType type) {
        return new Factor(name, type, name, null, null, null, null, true, null, null, null);
    }

    static Topic topic(String name, TopicType type, TopicKind kind, Factor... factors) {
        return new Topic("t-" + name, name, type, kind, "ds", List.of(factors), null, "tenant", null, null, null,
                null, 1L);
    }

    static Topic topic(TopicType type, Factor... factors) {
        return topic("order", type, TopicKind.BUSINESS, factors);
    }

    static Map<String, Object> json(String text) {
        try {
            return WatchmenJson.mapper().readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("TopicSchemaTest/" + name)) {
            return WatchmenJson.mapper().readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        }
    }

    // ---- what preparing may change

    @Test
    void writesUnder_dateEncryptedOrDefaultedFactorsBelowAKey_areReported() {
        Topic topic = topic("t", TopicType.DISTINCT, TopicKind.BUSINESS, factor("stages.startTime", FactorType.DATETIME),
                encrypted("secret.value", FactorEncryptMethod.AES256_PKCS5_PADDING),
                withDefault("meta.note", FactorType.TEXT, "n"), factor("prerequisiteDefinedAs", FactorType.OBJECT),
                factor("plainDate", FactorType.DATE));
        TopicSchema schema = TopicSchema.of(topic, context(false, false));

        assertThat(schema.writesUnder("stages")).isTrue();
        assertThat(schema.writesUnder("secret")).isTrue();
        assertThat(schema.writesUnder("meta")).isTrue();
        assertThat(schema.writesUnder("plainDate")).isTrue();
        assertThat(schema.writesUnder("prerequisiteDefinedAs")).isFalse();
        assertThat(schema.writesUnder("startTime")).isFalse();
    }

    @Test
    void writesUnder_encryptionOnASystemTopicAndDefaultsOnTheMonitorLog_areNotReported() {
        TopicSchema system = TopicSchema.of(topic("audit", TopicType.DISTINCT, TopicKind.SYSTEM,
                encrypted("secret.value", FactorEncryptMethod.AES256_PKCS5_PADDING)), context());
        TopicSchema log = TopicSchema.of(topic(Topic.MONITOR_LOG_TOPIC_NAME, TopicType.RAW, TopicKind.SYSTEM,
                withDefault("stages.note", FactorType.TEXT, "n")), context(false, false));

        assertThat(system.writesUnder("secret")).isFalse();
        assertThat(log.writesUnder("stages")).isFalse();
    }

    // ---- step 1: defaults

    @Test
    void of_defaultThatDoesNotCast_definitionInvalid() {
        Topic topic = topic(TopicType.DISTINCT, withDefault("amount", FactorType.NUMBER, "abc"));
        assertThatThrownBy(() -> TopicSchema.of(topic, context()))
                .isInstanceOf(WatchmenException.class)
                .hasMessage("Value[abc, type=str] is incompatible with factor[name=amount, type=number].")
                .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.DEFINITION_INVALID));
    }

    @Test
    void of_emptyDefaultOnNumber_definitionInvalid() {
        Topic topic = topic(TopicType.DISTINCT, withDefault("amount", FactorType.NUMBER, ""));
        assertThatThrownBy(() -> TopicSchema.of(topic, context())).isInstanceOf(WatchmenException.class);
    }

    @Test
    void prepare_defaults_setWhenMissingOrNull_castOnce_keptWhenPresent() {
        Topic topic = topic(TopicType.DISTINCT, withDefault("amount", FactorType.NUMBER, "10.50"),
                withDefault("status", FactorType.TEXT, "new"), withDefault("note", FactorType.TEXT, "n"),
                withDefault("flag", FactorType.BOOLEAN, "yes"));
        Map<String, Object> data = json("{\"status\": null, \"note\": \"\"}");
        TopicSchema.of(topic, context()).prepareTriggerData(data, "tenant");
        assertThat(data).containsEntry("amount", new BigDecimal("10.50")).containsEntry("status", "new")
                .containsEntry("note", "").containsEntry("flag", true);
    }

    @Test
    void prepare_defaults_nestedThroughObjectsAndEveryArrayElement_neverCreateObjects() {
        Topic topic = topic(TopicType.DISTINCT, factor("items", FactorType.ARRAY),
                withDefault("items.qty", FactorType.NUMBER, "1"), withDefault("customer.level", FactorType.TEXT, "A"),
                withDefault("missing.level", FactorType.TEXT, "A"), withDefault("scalar.level", FactorType.TEXT, "A"));
        Map<String, Object> data = json("{\"items\": [{\"qty\": 5}, {}, {\"qty\": null}, \"x\"],"
                + " \"customer\": {}, \"scalar\": 3}");
        TopicSchema.of(topic, context()).prepareTriggerData(data, "tenant");
        assertJson(data, ("{\"items\": [{\"qty\": 5}, {\"qty\": 1}, {\"qty\": 1}, \"x\"],"
                + " \"customer\": {\"level\": \"A\"}, \"scalar\": 3}"));
    }

    @Test
    void prepare_defaultsOnRaw_skippedUnlessIgnoreDefaultOnRawIsFalse() {
        Topic topic = topic(TopicType.RAW, withDefault("status", FactorType.TEXT, "new"));
        Map<String, Object> skipped = TopicSchema.of(topic, context(true, false)).prepareRow(json("{}"), "tenant");
        assertThat(skipped).doesNotContainKey("status");
        Map<String, Object> applied = TopicSchema.of(topic, context(false, false)).prepareRow(json("{}"), "tenant");
        assertThat(applied).containsEntry("status", "new");
    }

    @Test
    void prepare_defaultsOnMonitorLogTopic_skipped() {
        Topic topic = topic(Topic.MONITOR_LOG_TOPIC_NAME, TopicType.RAW, TopicKind.SYSTEM,
                withDefault("status", FactorType.TEXT, "new"));
        Map<String, Object> data = TopicSchema.of(topic, context(false, false)).prepareTriggerData(json("{}"), "t");
        assertThat(data).doesNotContainKey("status");
    }

    // ---- step 2: dates

    @Test
    void prepare_dates_textParsedToDateTime_dateOnlyMidnight_timeToLocalTime() {
        Topic topic = topic(TopicType.DISTINCT, factor("d", FactorType.DATE), factor("dob", FactorType.DATE_OF_BIRTH),
                factor("dt", FactorType.DATETIME), factor("fdt", FactorType.FULL_DATETIME),
                factor("t", FactorType.TIME), factor("plain", FactorType.TEXT));
        Map<String, Object> data = json("{\"d\": \"2024-05-17\", \"dob\": \"17/05/1990\", "
                + "\"dt\": \"2024-05-17 10:11:12\", \"fdt\": \"2024-05-17T10:11:12.123Z\", \"t\": \"10:11\","
                + " \"plain\": \"2024-05-17\"}");
        TopicSchema.of(topic, context()).prepareTriggerData(data, "tenant");
        assertThat(data).containsEntry("d", LocalDateTime.of(2024, 5, 17, 0, 0))
                .containsEntry("dob", LocalDateTime.of(1990, 5, 17, 0, 0))
                .containsEntry("dt", LocalDateTime.of(2024, 5, 17, 10, 11, 12))
                .containsEntry("fdt", LocalDateTime.of(2024, 5, 17, 10, 11, 12, 123_000_000))
                .containsEntry("t", LocalTime.of(10, 11))
                .containsEntry("plain", "2024-05-17");
    }

    @Test
    void prepare_dates_failureKeepsValue_dateObjectsKept() {
        Topic topic = topic(TopicType.DISTINCT, factor("d", FactorType.DATE), factor("n", FactorType.DATETIME),
                factor("obj", FactorType.DATE), factor("t", FactorType.TIME), factor("nul", FactorType.DATE));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("d", "2024-1-2");
        data.put("n", 1715940672);
        data.put("obj", LocalDate.of(2024, 1, 2));
        data.put("t", LocalTime.of(1, 2));
        data.put("nul", null);
        TopicSchema.of(topic, context()).prepareRow(data, "tenant");
        assertThat(data).containsEntry("d", "2024-1-2").containsEntry("n", 1715940672)
                .containsEntry("obj", LocalDate.of(2024, 1, 2)).containsEntry("t", LocalTime.of(1, 2))
                .containsEntry("nul", null);
    }

    @Test
    void prepare_dates_abandonOnParseFail_setsNull() {
        Topic topic = topic(TopicType.DISTINCT, factor("d", FactorType.DATE), factor("t", FactorType.TIME));
        Map<String, Object> data = json("{\"d\": \"soon\", \"t\": 5}");
        TopicSchema.of(topic, context(true, true)).prepareRow(data, "tenant");
        assertThat(data).containsEntry("d", null).containsEntry("t", null);
    }

    @Test
    void prepare_dates_nestedInArrays_andGroupWithoutLeafOnScalar_ignored() {
        Topic topic = topic(TopicType.DISTINCT, factor("items.at", FactorType.DATETIME),
                factor("x.y", FactorType.DATE));
        Map<String, Object> data = json("{\"items\": [{\"at\": \"2024-05-17 10:11\"}, {\"at\": null}], \"x\": \"s\"}");
        TopicSchema.of(topic, context()).prepareRow(data, "tenant");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) data.get("items");
        assertThat(items.get(0)).containsEntry("at", LocalDateTime.of(2024, 5, 17, 10, 11));
        assertThat(items.get(1)).containsEntry("at", null);
        assertThat(data).containsEntry("x", "s");
    }

    // ---- step 3: encryption

    @Test
    void prepare_encryption_nestedValues_nullAndEmptyUnchanged() {
        Topic topic = topic(TopicType.DISTINCT, encrypted("secret", FactorEncryptMethod.AES256_PKCS5_PADDING),
                encrypted("contact.email", FactorEncryptMethod.MASK_MAIL),
                encrypted("items.code", FactorEncryptMethod.MD5), encrypted("empty", FactorEncryptMethod.MD5),
                encrypted("none", FactorEncryptMethod.MD5));
        Map<String, Object> data = json("{\"secret\": \"hello world\", \"contact\": {\"email\": \"a@b.c\"},"
                + " \"items\": [{\"code\": \"hello\"}], \"empty\": \"\", \"none\": null}");
        TopicSchema.of(topic, context()).prepareTriggerData(data, "tenant");
        assertJson(data, ("{\"secret\": \"{AES}Zvl4jYGfoBbtXjA=\", \"contact\": {\"email\":"
                + " \"*****@b.c\"}, \"items\": [{\"code\": \"XUFAKrxLKna5cZ2REBfFkg==\"}], \"empty\": \"\","
                + " \"none\": null}"));
    }

    @Test
    void prepare_encryptionOnSystemTopic_skipped() {
        Topic topic = topic("logs", TopicType.DISTINCT, TopicKind.SYSTEM,
                encrypted("secret", FactorEncryptMethod.MD5));
        Map<String, Object> data = TopicSchema.of(topic, context()).prepareRow(json("{\"secret\": \"hello\"}"), "t");
        assertThat(data).containsEntry("secret", "hello");
    }

    @Test
    void prepare_dateMaskAfterDateParsing_masksTheDateTime() {
        Topic topic = topic(TopicType.DISTINCT, new Factor("dob", FactorType.DATE_OF_BIRTH, "dob", null, null, null,
                null, null, null, FactorEncryptMethod.MASK_MONTH_DAY, null));
        Map<String, Object> data = TopicSchema.of(topic, context()).prepareRow(json("{\"dob\": \"1990-05-17\"}"), "t");
        assertThat(data).containsEntry("dob", LocalDateTime.of(1990, 1, 1, 0, 0));
    }

    // ---- step 4: aid hierarchy

    @Test
    void prepare_aidHierarchy_specExampleChain() {
        Topic topic = topic(TopicType.RAW);
        Map<String, Object> data = TopicSchema.of(topic, context()).prepareTriggerData(json("{\"a\":{\"b\":{\"c\":{}}}}"), "t");
        assertJson(data, ("{\"a\": {\"b\": {\"c\": {\"aid_me\": 4, \"aid_root\": 1, \"aid_b\": 2,"
                + " \"aid_c\": 3}, \"aid_me\": 3, \"aid_root\": 1, \"aid_b\": 2}, \"aid_me\": 2, \"aid_root\": 1},"
                + " \"aid_me\": 1}"));
        // key order: aid_me, then the ancestor keys in path order
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) data.get("a"))
                .get("b")).get("c");
        assertThat(new ArrayList<>(c.keySet())).containsExactly("aid_me", "aid_root", "aid_b", "aid_c");
    }

    @Test
    void prepare_aidHierarchy_repeatedKeyGetsDistanceSuffix() {
        Topic topic = topic(TopicType.RAW);
        Map<String, Object> data = TopicSchema.of(topic, context())
                .prepareTriggerData(json("{\"a\":{\"b\":{\"c\":{\"b\":{\"e\":{}}}}}}"), "t");
        Map<String, Object> e = path(data, "a", "b", "c", "b", "e");
        // ids: root 1, a 2, b 3, c 4, second b 5, e 6
        assertThat(e).containsExactly(Map.entry("aid_me", 6L), Map.entry("aid_root", 1L), Map.entry("aid_b", 2L),
                Map.entry("aid_c", 3L), Map.entry("aid_b_2", 4L), Map.entry("aid_e", 5L));
    }

    @Test
    void prepare_aidHierarchy_arraysTransparent_overwritesExistingAidMe_preOrder() {
        Topic topic = topic(TopicType.RAW);
        Map<String, Object> data = TopicSchema.of(topic, context()).prepareTriggerData(
                json("{\"aid_me\": 99, \"x\": [[{\"y\": {}}], 5, {}], \"z\": {}}"), "t");
        assertJson(data, ("{\"aid_me\": 1, \"x\": [[{\"y\": {\"aid_me\": 3, \"aid_root\": 1,"
                + " \"aid_y\": 2}, \"aid_me\": 2, \"aid_root\": 1}], 5, {\"aid_me\": 4, \"aid_root\": 1}],"
                + " \"z\": {\"aid_me\": 5, \"aid_root\": 1}}"));
    }

    @Test
    void prepare_aidHierarchy_notForRegularTopics_norMonitorLog_norPrepareRow() {
        Map<String, Object> regular = TopicSchema.of(topic(TopicType.DISTINCT), context())
                .prepareTriggerData(json("{\"a\": {}}"), "t");
        assertJson(regular, ("{\"a\": {}}"));
        Topic monitor = topic(Topic.MONITOR_LOG_TOPIC_NAME, TopicType.RAW, TopicKind.SYSTEM);
        assertJson(TopicSchema.of(monitor, context()).prepareTriggerData(json("{\"a\": {}}"), "t"), "{\"a\": {}}");
        assertJson(TopicSchema.of(topic(TopicType.RAW), context()).prepareRow(json("{\"a\": {}}"), "t"),
                "{\"a\": {}}");
        assertThat(ids.get()).isZero();
    }

    // ---- step 5: flatten

    @Test
    void prepare_rawOrderExample_aidsThenRootLevelFlattenKeys() throws IOException {
        Topic topic = topic(TopicType.RAW, flattened("orderNo", FactorType.TEXT),
                flattened("customer.name", FactorType.TEXT), factor("items", FactorType.ARRAY),
                factor("items.sku", FactorType.TEXT));
        Map<String, Object> data = TopicSchema.of(topic, context()).prepareTriggerData(fixture("raw-order.json"), "t");
        assertJson(data, fixture("raw-order-prepared.json"));
    }

    @Test
    void prepare_flatten_missingNullArrayOrScalarMidPath_null() {
        Topic topic = topic(TopicType.RAW, flattened("a.b", FactorType.TEXT), flattened("arr.b", FactorType.TEXT),
                flattened("s.b", FactorType.TEXT), flattened("gone", FactorType.TEXT),
                flattened("obj", FactorType.OBJECT), flattened("n.b", FactorType.TEXT));
        Map<String, Object> data = TopicSchema.of(topic, context()).prepareTriggerData(
                json("{\"arr\": [{\"b\": 1}], \"s\": \"text\", \"obj\": {\"k\": 1}, \"n\": null}"), "t");
        assertThat(data).containsEntry("a.b", null).containsEntry("arr.b", null).containsEntry("s.b", null)
                .containsEntry("gone", null).containsEntry("n.b", null);
        assertThat(data.get("obj")).isInstanceOf(Map.class);
    }

    @Test
    void prepare_flattenOnRegularTopic_ignored() {
        Topic topic = topic(TopicType.DISTINCT, flattened("a.b", FactorType.TEXT));
        Map<String, Object> data = TopicSchema.of(topic, context()).prepareTriggerData(json("{\"a\": {\"b\": 1}}"), "t");
        assertThat(data).doesNotContainKey("a.b");
    }

    @Test
    void decryptRow_reversesAes() {
        Topic topic = topic(TopicType.DISTINCT, encrypted("secret", FactorEncryptMethod.AES256_PKCS5_PADDING));
        TopicSchema schema = TopicSchema.of(topic, context());
        Map<String, Object> row = schema.prepareRow(json("{\"secret\": \"hello world\"}"), "t");
        assertThat(schema.decryptRow(row, "t")).containsEntry("secret", "hello world");
    }

    /** Compares as JSON, so number classes (Integer, Long, BigDecimal) do not matter. */
    private static void assertJson(Object actual, Object expected) {
        try {
            ObjectMapper mapper = WatchmenJson.mapper();
            JsonNode a = mapper.readTree(mapper.writeValueAsString(actual));
            JsonNode e = expected instanceof String text ? mapper.readTree(text)
                    : mapper.readTree(mapper.writeValueAsString(expected));
            assertThat(a).isEqualTo(e);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> data, String... keys) {
        Map<String, Object> current = data;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
