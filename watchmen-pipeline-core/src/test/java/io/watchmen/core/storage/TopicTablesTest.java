package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import io.watchmen.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopicTablesTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_specTopics_createsColumnsInWatchmenOrder(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("tables"))) {
            assertThat(columns(f, "topic_order_event")).containsExactly("id_", "orderid", "customerid", "amount",
                    "orderdate", "data_", "tenant_id_", "insert_time_", "update_time_");
            assertThat(columns(f, "topic_order")).containsExactly("id_", "orderno", "customer_name", "data_",
                    "tenant_id_", "insert_time_", "update_time_");
            assertThat(columns(f, "topic_order_fact")).containsExactly("id_", "orderid", "customerid", "amount",
                    "status", "note", "tenant_id_", "insert_time_", "update_time_");
            assertThat(columns(f, "topic_customer_stats")).containsExactly("id_", "customerid", "totalamount",
                    "avgamount", "ordercount", "lastorderid", "aggregate_assist_", "version_", "tenant_id_",
                    "insert_time_", "update_time_");
            assertThat(columns(f, "topic_typed_values")).contains("select", "month", "profile")
                    .doesNotContain("profile_city");
            for (Topic topic : f.topics) {
                assertThat(TopicTables.exists(f.registry.forTopic(topic), topic)).as(topic.name()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_rawTopicWithoutFlatten_hasOnlyTechnicalColumnsAndData(TestDatabase database)
            throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("tables7"))) {
            Topic plain = topic("plain_event", TopicType.RAW, TopicKind.BUSINESS,
                    factor("orderId", FactorType.TEXT, null, null), factor("items", FactorType.ARRAY, null, null),
                    factor("items.sku", FactorType.TEXT, null, null));
            TopicTables.createIfAbsent(f.target(), plain);
            assertThat(columns(f, "topic_plain_event")).containsExactly("id_", "data_", "tenant_id_",
                    "insert_time_", "update_time_");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_twice_isIdempotent(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("tables2"))) {
            Topic topic = f.topic("customer_stats");
            TopicTables.createIfAbsent(f.registry.forTopic(topic), topic);
            assertThat(TopicTables.exists(f.registry.forTopic(topic), topic)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void exists_missingTableOrSynonym_isFalseAndSynonymIsNeverCreated(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("tables3"))) {
            Topic synonym = topic("ext_orders", TopicType.DISTINCT, TopicKind.SYNONYM,
                    factor("orderId", FactorType.TEXT, null, null));
            TopicTables.createIfAbsent(f.target(), synonym);
            assertThat(TopicTables.exists(f.target(), synonym)).isFalse();
            assertThat(TopicTables.exists(f.target(), topic("never_made", TopicType.RAW, TopicKind.BUSINESS)))
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_indexGroupOnUnflattenedRawFactor_skipsThatIndexOnly(TestDatabase database)
            throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("tables4"))) {
            // order_event's status (i-2) is not flattened: the table exists, with the u-1 and i-1 indexes
            Topic event = f.topic("order_event");
            assertThat(TopicTables.exists(f.target(), event)).isTrue();
            Map<String, Object> doc = new java.util.LinkedHashMap<>(Map.of("orderId", "A1", "status", "x"));
            f.inWork(w -> f.data.insert(w, event, doc, "T1"));
            assertThatThrownBy(() -> f.inWork(w -> f.data.insert(w, event,
                    new java.util.LinkedHashMap<>(Map.of("orderId", "A1")), "T1")))
                    .isInstanceOf(DuplicateKeyException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_schemaParam_qualifiesTableName(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("tables5"))) {
            String schema = database == TestDatabase.MARIADB ? currentCatalog(f) : "wm_extra";
            if (database != TestDatabase.MARIADB) {
                try (Connection c = f.db.connection(); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + f.target().dialect().quote("wm_extra"));
                }
            }
            StorageTarget target = new StorageTarget("schema", f.target().dialect(), f.target().dataSource(),
                    schema);
            Topic topic = topic("in_schema", TopicType.DISTINCT, TopicKind.BUSINESS,
                    factor("name", FactorType.TEXT, null, "u-1"));
            TopicTables.createIfAbsent(target, topic);
            assertThat(TopicTables.exists(target, topic)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void createIfAbsent_hostileNames_areRejectedBeforeAnySql(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("tables6"))) {
            List<String> hostile = List.of("a\"; DROP TABLE topic_order_fact; --", "a`b", "o'brien", "semi;colon",
                    "naïve", "x".repeat(64), "");
            for (String name : hostile) {
                Topic byTopic = topic(name, TopicType.DISTINCT, TopicKind.BUSINESS);
                assertThatThrownBy(() -> TopicTables.createIfAbsent(f.target(), byTopic)).as(name)
                        .isInstanceOf(WatchmenException.class)
                        .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.IDENTIFIER_INVALID);
                Topic byFactor = topic("fine", TopicType.DISTINCT, TopicKind.BUSINESS,
                        factor(name, FactorType.TEXT, null, null));
                assertThatThrownBy(() -> TopicTables.createIfAbsent(f.target(), byFactor)).as(name)
                        .isInstanceOf(WatchmenException.class)
                        .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.IDENTIFIER_INVALID);
            }
            // a space in a topic name is rejected; in a factor name rule 1 maps it safely to '_'
            assertThatThrownBy(() -> TopicTables.createIfAbsent(f.target(),
                    topic("two words", TopicType.DISTINCT, TopicKind.BUSINESS)))
                    .isInstanceOf(WatchmenException.class);
            assertThat(Identifiers.columnName("two words")).isEqualTo("two_words");
            Topic reserved = topic("fine", TopicType.DISTINCT, TopicKind.BUSINESS,
                    factor("version_", FactorType.TEXT, null, null));
            assertThatThrownBy(() -> TopicTables.createIfAbsent(f.target(), reserved))
                    .hasMessageContaining("reserved");
            assertThat(TopicTables.exists(f.target(), f.topic("order_fact"))).isTrue();
            assertThat(TopicTables.exists(f.target(), topic("fine", TopicType.DISTINCT, TopicKind.BUSINESS)))
                    .isFalse();
        }
    }

    private static String currentCatalog(StorageFixture f) throws Exception {
        try (Connection c = f.db.connection()) {
            return c.getCatalog();
        }
    }

    static List<String> columns(StorageFixture f, String table) throws Exception {
        try (Connection c = f.db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + f.target().dialect().quote(table) + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }

    static Topic topic(String name, TopicType type, TopicKind kind, Factor... factors) {
        return new Topic("t-" + Math.abs(name.hashCode()), name, type, kind, "ds-1", List.of(factors), null, "T1",
                null, null, null, null, 1L);
    }

    static Factor factor(String name, FactorType type, Boolean flatten, String indexGroup) {
        return new Factor("f-" + Math.abs(name.hashCode()), type, name, null, null, null, null, flatten, indexGroup,
                null, null);
    }
}
