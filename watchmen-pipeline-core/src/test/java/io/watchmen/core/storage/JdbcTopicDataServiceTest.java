package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.AggregateArithmetic;
import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.CriteriaOperator;
import io.watchmen.core.storage.criteria.ValueOperand;
import io.watchmen.core.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcTopicDataServiceTest {

    static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 17, 10, 11, 12);
    static final Criteria ALL = new CriteriaJoint(ParameterJointType.AND, List.of());

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insert_rawTopic_storesDocumentWithoutDottedKeysAndFlattenedColumns(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("rawins"))) {
            Topic order = f.topic("order");
            Map<String, Object> data = map("orderNo", "A1", "customer", map("name", "Li", "aid_me", 2L),
                    "items", List.of(map("sku", "S1")), "aid_me", 1L, "customer.name", "Li");
            TopicTrigger trigger = f.inWork(w -> f.data.insert(w, order, data, "T1"));

            assertThat(trigger.triggerType()).isEqualTo(PipelineTriggerType.INSERT);
            assertThat(trigger.previous()).isNull();
            assertThat(trigger.internalDataId()).isEqualTo(1001L);
            assertThat(trigger.current()).containsOnlyKeys("orderNo", "customer", "items", "aid_me");

            Map<String, Object> row = single(f, order, "T1");
            assertThat(row).containsEntry("id_", 1001L).containsEntry("tenant_id_", "T1")
                    .containsEntry("insert_time_", T0).containsEntry("update_time_", T0)
                    .containsEntry("orderNo", "A1").containsEntry("customer.name", "Li");
            assertThat(row.get("data_")).isEqualTo(map("orderNo", "A1", "customer", map("name", "Li", "aid_me", 2),
                    "items", List.of(map("sku", "S1")), "aid_me", 1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertAll_rawTopic_writesEachRowAsInsertDoes(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("rawall"))) {
            Topic order = f.topic("order");
            List<Long> ids = f.inWork(w -> f.data.insertAll(w, order, List.of(map("orderNo", "A1"),
                    map("orderNo", "A2", "aid_me", 1L), map("orderNo", "A3")), "T1"));

            assertThat(ids).containsExactly(1001L, 1002L, 1003L);
            List<Map<String, Object>> rows = f.inWork(w -> f.data.find(w, order, ALL, "T1"));
            assertThat(rows).extracting(row -> row.get("orderNo")).containsExactlyInAnyOrder("A1", "A2", "A3");
            assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("tenant_id_", "T1")
                    .containsEntry("insert_time_", T0));
            assertThat(rows).filteredOn(row -> "A2".equals(row.get("orderNo"))).singleElement()
                    .satisfies(row -> assertThat(row.get("data_")).isEqualTo(map("orderNo", "A2", "aid_me", 1)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void merge_rawTopic_previousIsTechnicalPlusDocumentAndInsertTimeIsKept(TestDatabase database)
            throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("rawmerge"))) {
            Topic order = f.topic("order");
            TopicTrigger inserted = f.inWork(w -> f.data.insert(w, order, map("orderNo", "A1"), "T1"));
            f.clock.advance(Duration.ofSeconds(30));
            Map<String, Object> next = map("id_", inserted.internalDataId(), "orderNo", "A2", "insert_time_", "x");
            TopicTrigger merged = f.inWork(w -> f.data.merge(w, order, next, "T1"));

            assertThat(merged.triggerType()).isEqualTo(PipelineTriggerType.MERGE);
            assertThat(merged.internalDataId()).isEqualTo(inserted.internalDataId());
            assertThat(merged.previous()).isEqualTo(map("id_", inserted.internalDataId(), "tenant_id_", "T1",
                    "insert_time_", T0, "update_time_", T0, "orderNo", "A1"));
            assertThat(merged.current()).isEqualTo(map("orderNo", "A2"));
            Map<String, Object> row = single(f, order, "T1");
            assertThat(row).containsEntry("insert_time_", T0).containsEntry("update_time_", T0.plusSeconds(30))
                    .containsEntry("orderNo", "A2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void merge_regularTopic_replacesRowAndReportsPreviousByFactorName(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("regmerge"))) {
            Topic fact = f.topic("order_fact");
            TopicTrigger inserted = f.inWork(w -> f.data.insert(w, fact,
                    map("orderId", "O-1", "amount", new BigDecimal("100"), "note", "n", "extra", "dropped"), "T1"));
            assertThat(inserted.current()).containsEntry("id_", inserted.internalDataId())
                    .containsEntry("tenant_id_", "T1").containsEntry("insert_time_", T0);
            TopicTrigger merged = f.inWork(w -> f.data.merge(w, fact,
                    map("id_", String.valueOf(inserted.internalDataId()), "orderId", "O-1", "amount", 150), "T1"));

            assertThat(merged.previous()).containsEntry("orderId", "O-1").containsEntry("note", "n")
                    .containsEntry("status", null).containsEntry("id_", inserted.internalDataId());
            assertThat((BigDecimal) merged.previous().get("amount")).isEqualByComparingTo("100");
            Map<String, Object> row = single(f, fact, "T1");
            assertThat(row).containsEntry("note", null).doesNotContainKey("extra");
            assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("150");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void mergeAndDelete_missingOrUnknownId_failWithTheReferenceMessages(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("mergeerr"))) {
            Topic fact = f.topic("order_fact");
            assertThatThrownBy(() -> f.inWork(w -> f.data.merge(w, fact, map("orderId", "O-1"), "T1")))
                    .isInstanceOf(WatchmenException.class)
                    .hasMessage("Id not found from data[{orderId=O-1}] on merge into topic[id=tp-fact,"
                            + " name=order_fact].")
                    .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.DATA_INVALID);
            assertThatThrownBy(() -> f.inWork(w -> f.data.merge(w, fact, map("id_", 42L), "T1")))
                    .hasMessage("Data not found by data[id=42] on merge into topic[id=tp-fact, name=order_fact].")
                    .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.DATA_NOT_FOUND);
            assertThatThrownBy(() -> f.inWork(w -> f.data.delete(w, fact, map("id_", 42L), "T1")))
                    .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.DATA_NOT_FOUND);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void delete_existingRow_givesPreviousAndRemovesIt(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("delete"))) {
            Topic event = f.topic("order_event");
            TopicTrigger inserted = f.inWork(w -> f.data.insert(w, event,
                    map("orderId", "E-1", "amount", 12.5, "orderDate", LocalDate.of(2024, 8, 17)), "T1"));
            TopicTrigger deleted = f.inWork(w -> f.data.delete(w, event, map("id_", inserted.internalDataId()),
                    "T1"));
            assertThat(deleted.triggerType()).isEqualTo(PipelineTriggerType.DELETE);
            assertThat(deleted.current()).isNull();
            assertThat(deleted.previous()).containsEntry("orderId", "E-1").containsEntry("orderDate", "2024-08-17")
                    .containsEntry("id_", inserted.internalDataId());
            assertThat(f.<List<Map<String, Object>>>inWork(w -> f.data.find(w, event, ALL, "T1"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aggregateTopic_versionStartsAtOneAndMergeIncrementsKeepingCounters(TestDatabase database)
            throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("aggr")))  {
            Topic stats = f.topic("customer_stats");
            Map<String, Object> row = f.inWork(w -> f.data.insertRow(w, stats, map("customerId", "C1",
                    "avgAmount", 10, "aggregate_assist_", map("avgAmount.avg_count", 1)), "T1"));
            assertThat(row).containsEntry("version_", 1L);
            long id = (Long) row.get("id_");
            TopicTrigger merged = f.inWork(w -> f.data.merge(w, stats, map("id_", id, "customerId", "C1",
                    "version_", 99), "T1"));
            assertThat(merged.previous()).containsEntry("version_", 1L)
                    .containsEntry("aggregate_assist_", map("avgAmount.avg_count", 1));
            Map<String, Object> stored = single(f, stats, "T1");
            assertThat(stored).containsEntry("version_", 2L)
                    .containsEntry("aggregate_assist_", map("avgAmount.avg_count", 1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void updateRow_staleVersion_updatesNothing(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("version")))  {
            Topic stats = f.topic("customer_stats");
            Map<String, Object> row = f.inWork(w -> f.data.insertRow(w, stats, map("customerId", "C1",
                    "totalAmount", 10), "T1"));
            Map<String, Object> next = new LinkedHashMap<>(row);
            next.put("totalAmount", new BigDecimal("25.5"));
            next.put("version_", 2L);
            assertThat(f.<Integer>inWork(w -> f.data.updateRow(w, stats, next, 7L, "T1"))).isZero();
            assertThat(f.<Integer>inWork(w -> f.data.updateRow(w, stats, next, 1L, "T1"))).isOne();
            Map<String, Object> stored = single(f, stats, "T1");
            assertThat(stored).containsEntry("version_", 2L).containsEntry("insert_time_", T0);
            assertThat((BigDecimal) stored.get("totalAmount")).isEqualByComparingTo("25.5");
            assertThat(f.<Integer>inWork(w -> f.data.deleteRow(w, stats, (Long) row.get("id_"), 1L, "T1"))).isZero();
            assertThat(f.<Integer>inWork(w -> f.data.deleteRow(w, stats, (Long) row.get("id_"), 2L, "T1"))).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertRow_uniqueIndexViolation_throwsDuplicateKey(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("dupkey")))  {
            Topic fact = f.topic("order_fact");
            f.inWork(w -> f.data.insertRow(w, fact, map("orderId", "O-1"), "T1"));
            assertThatThrownBy(() -> f.inWork(w -> f.data.insertRow(w, fact, map("orderId", "O-1"), "T1")))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining("topic[id=tp-fact, name=order_fact]");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyLookup_otherTenant_seesNothing(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("tenant")))  {
            Topic fact = f.topic("order_fact");
            TopicTrigger inserted = f.inWork(w -> f.data.insert(w, fact, map("orderId", "O-1", "amount", 5), "T1"));
            long id = inserted.internalDataId();
            assertThat(f.<List<Map<String, Object>>>inWork(w -> f.data.find(w, fact, ALL, "T2"))).isEmpty();
            assertThat(f.<Boolean>inWork(w -> f.data.exists(w, fact, ALL, "T2"))).isFalse();
            assertThat(f.<Object>inWork(w -> f.data.aggregate(w, fact, fact.factorByName("amount").orElseThrow(),
                    AggregateArithmetic.COUNT, ALL, "T2"))).isEqualTo(0L);
            assertThat(f.<java.util.Optional<Map<String, Object>>>inWork(w -> f.data.lockRow(w, fact, id, "T2"))).isEmpty();
            assertThat(f.<Integer>inWork(w -> f.data.updateRow(w, fact, new LinkedHashMap<>(inserted.current()), null, "T2")))
                    .isZero();
            assertThat(f.<Integer>inWork(w -> f.data.deleteRow(w, fact, id, null, "T2"))).isZero();
            assertThatThrownBy(() -> f.inWork(w -> f.data.merge(w, fact, map("id_", id), "T2")))
                    .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.DATA_NOT_FOUND);
            assertThat(f.<java.util.Optional<Map<String, Object>>>inWork(w -> f.data.lockRow(w, fact, id, "T1"))).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void readsAndAggregates_matchingRows_giveTypedValues(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("reads")))  {
            Topic fact = f.topic("order_fact");
            f.inWork(w -> {
                f.data.insertRow(w, fact, map("orderId", "O-1", "customerId", "C1", "amount", 10), "T1");
                f.data.insertRow(w, fact, map("orderId", "O-2", "customerId", "C1", "amount", "20.5"), "T1");
                f.data.insertRow(w, fact, map("orderId", "O-3", "customerId", "C2", "amount", 30), "T1");
                return null;
            });
            Criteria c1 = eq(fact, "customerId", "C1");
            var amount = fact.factorByName("amount").orElseThrow();
            assertThat(f.<List<Object>>inWork(w -> f.data.findValues(w, fact, amount, c1, "T1")))
                    .extracting(v -> ((BigDecimal) v).stripTrailingZeros().toPlainString())
                    .containsExactlyInAnyOrder("10", "20.5");
            assertThat((BigDecimal) f.inWork(w -> f.data.aggregate(w, fact, amount, AggregateArithmetic.SUM, c1,
                    "T1"))).isEqualByComparingTo("30.5");
            assertThat((BigDecimal) f.inWork(w -> f.data.aggregate(w, fact, amount, AggregateArithmetic.AVG, c1,
                    "T1"))).isEqualByComparingTo("15.25");
            assertThat(f.<Object>inWork(w -> f.data.aggregate(w, fact, amount, AggregateArithmetic.COUNT, c1, "T1")))
                    .isEqualTo(2L);
            Criteria none = eq(fact, "customerId", "C9");
            assertThat(f.<Object>inWork(w -> f.data.aggregate(w, fact, amount, AggregateArithmetic.SUM, none, "T1")))
                    .isNull();
            assertThat(f.<Boolean>inWork(w -> f.data.exists(w, fact, none, "T1"))).isFalse();
            assertThat(f.<Boolean>inWork(w -> f.data.exists(w, fact, c1, "T1"))).isTrue();
            assertThat(f.<List<Map<String, Object>>>inWork(w -> f.data.find(w, fact, ALL, "T1"))).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertRow_everyColumnKind_roundTrips(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("kinds")))  {
            Topic typed = f.topic("typed_values");
            Map<String, Object> profile = map("city", "Oslo", "since", LocalDateTime.of(2020, 1, 2, 3, 4, 5),
                    "score", new BigDecimal("150.000000"));
            f.inWork(w -> f.data.insertRow(w, typed, map("label", "héllo", "seq", 12345678901L,
                    "price", new BigDecimal("12.34"), "month", 7, "active", true,
                    "createdAt", LocalDateTime.of(2024, 2, 29, 23, 59, 58), "birthday", LocalDateTime.of(1990, 1, 2,
                            0, 0), "opensAt", LocalTime.of(9, 30), "profile", profile, "tags", List.of("a", 1),
                    "address", "x".repeat(2000), "select", "reserved word", "profile.city", "no column"), "T1"));
            Map<String, Object> row = single(f, typed, "T1");
            assertThat(row).containsEntry("label", "héllo").containsEntry("seq", 12345678901L)
                    .containsEntry("month", 7).containsEntry("active", true)
                    .containsEntry("createdAt", LocalDateTime.of(2024, 2, 29, 23, 59, 58))
                    .containsEntry("birthday", LocalDate.of(1990, 1, 2)).containsEntry("opensAt", LocalTime.of(9, 30))
                    .containsEntry("profile", map("city", "Oslo", "since", "2020-01-02T03:04:05", "score", 150))
                    .containsEntry("tags", List.of("a", 1)).containsEntry("select", "reserved word")
                    .doesNotContainKey("profile.city");
            assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("12.34");
            assertThat((String) row.get("address")).hasSize(2000);
        }
    }

    static Criteria eq(Topic topic, String factorName, Object value) {
        var factor = topic.factorByName(factorName).orElseThrow();
        return new CriteriaExpression(new ColumnOperand(false, topic.name(), Identifiers.columnName(factorName),
                factor), CriteriaOperator.EQUALS, new ValueOperand(value));
    }

    static Map<String, Object> single(StorageFixture f, Topic topic, String tenant) {
        List<Map<String, Object>> rows = f.inWork(w -> f.data.find(w, topic, ALL, tenant));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    /** A mutable map in the given key order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
