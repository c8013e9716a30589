package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Secret;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DataSourceRegistryTest {

    @Test
    void forTopic_blankDataSource_usesMetaAndUnknownIsConfigInvalid() {
        try (DataSourceRegistry registry = new DataSourceRegistry("jdbc:h2:mem:reg1;DB_CLOSE_DELAY=-1", "sa",
                Secret.of(""), StorageFixture.POOL, (id, tenant) -> Optional.empty())) {
            assertThat(registry.forTopic(topic(null))).isSameAs(registry.meta());
            assertThat(registry.forTopic(topic(" "))).isSameAs(registry.meta());
            assertThat(registry.meta().dialect().name()).isEqualTo("h2");
            assertThatThrownBy(() -> registry.forTopic(topic("ds-x")))
                    .isInstanceOf(WatchmenException.class).hasMessageContaining("ds-x")
                    .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        }
    }

    @Test
    void forTopic_sameDataSource_looksUpOnceAndSharesOneTarget() {
        AtomicInteger lookups = new AtomicInteger();
        var row = new io.watchmen.core.model.system.DataSource("ds-1", "c", "h2", null, null, "sa", "", null,
                "jdbc:h2:mem:reg2;DB_CLOSE_DELAY=-1", List.of(), "T1", null, null, null, null, 1L);
        try (DataSourceRegistry registry = new DataSourceRegistry("jdbc:h2:mem:reg3;DB_CLOSE_DELAY=-1", "sa",
                Secret.of(""), StorageFixture.POOL, (id, tenant) -> {
                    lookups.incrementAndGet();
                    return Optional.of(row);
                })) {
            StorageTarget first = registry.forTopic(topic("ds-1"));
            assertThat(registry.forTopic(topic("ds-1"))).isSameAs(first);
            assertThat(lookups).hasValue(1);
            assertThat(first.key()).isEqualTo("ds-1");
            assertThat(first.dataSource().toString()).isEqualTo("LazyPool[watchmen-ds-ds-1]");
        }
    }

    @Test
    void forTopic_dataSourceWithTheMetaKeyAsId_isConfigInvalidInsteadOfSharingTheMetaConnection() {
        var row = new io.watchmen.core.model.system.DataSource(DataSourceRegistry.META_KEY, "c", "h2", null, null,
                "sa", "", null, "jdbc:h2:mem:reg4;DB_CLOSE_DELAY=-1", List.of(), "T1", null, null, null, null, 1L);
        try (DataSourceRegistry registry = new DataSourceRegistry("jdbc:h2:mem:reg5;DB_CLOSE_DELAY=-1", "sa",
                Secret.of(""), StorageFixture.POOL, (id, tenant) -> Optional.of(row))) {
            assertThatThrownBy(() -> registry.forTopic(topic(DataSourceRegistry.META_KEY)))
                    .isInstanceOf(WatchmenException.class).hasMessageContaining("reserved for the meta database")
                    .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unitOfWork_reReadingARow_seesAConcurrentCommit(TestDatabase database) throws Exception {
        // optimistic-lock retries re-read inside one unit of work: a pinned snapshot (InnoDB's REPEATABLE READ)
        // would show the stale version for ever
        try (TestDb db = database.create("rc");
             DataSourceRegistry registry = new DataSourceRegistry(db.jdbcUrl(), db.user(), Secret.of(db.password()),
                     StorageFixture.POOL, (id, tenant) -> Optional.empty())) {
            try (Connection c = registry.meta().dataSource().getConnection();
                 java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE rc_row (id_ INT PRIMARY KEY, version_ INT)");
                s.execute("INSERT INTO rc_row VALUES (1, 1)");
                c.commit(); // the registry's pools hand out connections with auto-commit off
            }
            try (UnitOfWork work = registry.newUnitOfWork()) {
                assertThat(version(work.connection(registry.meta()))).isEqualTo(1);
                try (UnitOfWork other = registry.newUnitOfWork();
                     java.sql.Statement s = other.connection(registry.meta()).createStatement()) {
                    s.executeUpdate("UPDATE rc_row SET version_ = 2 WHERE id_ = 1");
                    other.commit();
                }
                assertThat(version(work.connection(registry.meta()))).isEqualTo(2);
            }
        }
    }

    private static int version(Connection connection) throws Exception {
        try (java.sql.Statement s = connection.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT version_ FROM rc_row WHERE id_ = 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unitOfWork_commitAndRollback_applyToEveryConnection(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uow"))) {
            Topic fact = f.topic("order_fact");
            try (UnitOfWork work = f.registry.newUnitOfWork()) {
                f.data.insertRow(work, fact, JdbcTopicDataServiceTest.map("orderId", "rolled-back"), "T1");
                Connection c = work.connection(f.target());
                assertThat(c.getAutoCommit()).isFalse();
                assertThat(work.connection(f.target())).isSameAs(c);
                work.rollback();
            }
            try (UnitOfWork work = f.registry.newUnitOfWork()) {
                f.data.insertRow(work, fact, JdbcTopicDataServiceTest.map("orderId", "never-committed"), "T1");
            }
            f.inWork(w -> f.data.insertRow(w, fact, JdbcTopicDataServiceTest.map("orderId", "kept"), "T1"));
            List<Map<String, Object>> rows = f.inWork(w -> f.data.find(w, fact, JdbcTopicDataServiceTest.ALL,
                    "T1"));
            assertThat(rows).extracting(r -> r.get("orderId")).containsExactly("kept");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unitOfWork_afterAFailedStatement_carriesOnAndCommits(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowfail"))) {
            Topic fact = f.topic("order_fact");
            try (UnitOfWork work = f.registry.newUnitOfWork()) {
                f.data.insertRow(work, fact, JdbcTopicDataServiceTest.map("orderId", "O-1"), "T1");
                assertThatThrownBy(() -> f.data.insertRow(work, fact,
                        JdbcTopicDataServiceTest.map("orderId", "O-1"), "T1"))
                        .isInstanceOf(DuplicateKeyException.class);
                f.data.insertRow(work, fact, JdbcTopicDataServiceTest.map("orderId", "O-2"), "T1");
                work.commit();
            }
            List<Map<String, Object>> rows = f.inWork(w -> f.data.find(w, fact, JdbcTopicDataServiceTest.ALL,
                    "T1"));
            assertThat(rows).extracting(r -> r.get("orderId")).containsExactlyInAnyOrder("O-1", "O-2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void evictConnections_closesPoolsThatReopenOnNextUse(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("evict"))) {
            Topic fact = f.topic("order_fact");
            f.inWork(w -> f.data.insertRow(w, fact, JdbcTopicDataServiceTest.map("orderId", "a"), "T1"));
            f.registry.evictConnections();
            List<Map<String, Object>> rows = f.inWork(w -> f.data.find(w, fact, JdbcTopicDataServiceTest.ALL,
                    "T1"));
            assertThat(rows).hasSize(1);
        }
    }

    private static Topic topic(String dataSourceId) {
        return new Topic("t1", "orders", TopicType.DISTINCT, TopicKind.BUSINESS, dataSourceId, List.of(), null, "T1",
                null, null, null, null, 1L);
    }
}
