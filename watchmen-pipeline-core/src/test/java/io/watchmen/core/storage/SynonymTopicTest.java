package io.watchmen.core.storage;

import static io.watchmen.core.storage.JdbcTopicDataServiceTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import io.watchmen.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Synonym topics map someone else's table: factor columns only, no technical columns, no tenant filter. */
class SynonymTopicTest {

    static final Topic EXT = TopicTablesTest.topic("ext_orders", TopicType.DISTINCT, TopicKind.SYNONYM,
            TopicTablesTest.factor("orderId", FactorType.TEXT, null, null),
            TopicTablesTest.factor("qty", FactorType.NUMBER, null, null));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void synonym_insertAndFind_useFactorColumnsOnly(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("synonym"))) {
            try (Connection c = f.db.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ext_orders (orderid VARCHAR(20), qty DECIMAL(10,2))");
                s.execute("INSERT INTO ext_orders (orderid, qty) VALUES ('EXT-1', 3)");
            }
            assertThat(TopicTables.exists(f.target(), EXT)).isTrue();
            TopicTrigger trigger = f.inWork(w -> f.data.insert(w, EXT, map("orderId", "EXT-2", "qty", 4), "T1"));
            assertThat(trigger.internalDataId()).isEqualTo(-1L);
            Map<String, Object> row = f.inWork(w -> f.data.insertRow(w, EXT, map("orderId", "EXT-3"), "T1"));
            assertThat(row).containsKey("id_").doesNotContainKey("tenant_id_");
            List<Map<String, Object>> rows = f.inWork(w -> f.data.find(w, EXT, JdbcTopicDataServiceTest.ALL, "T9"));
            assertThat(rows).extracting(r -> r.get("orderId")).containsExactlyInAnyOrder("EXT-1", "EXT-2", "EXT-3");
            assertThat(rows.get(0)).containsOnlyKeys("orderId", "qty");
            assertThatThrownBy(() -> f.inWork(w -> f.data.updateRow(w, EXT, map("orderId", "EXT-1"), null, "T1")))
                    .isInstanceOf(WatchmenException.class).hasMessageContaining("Id not found from given data");
        }
    }
}
