package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Write-behind in a deferring unit of work: read-your-writes, isolation, rollback, failures. */
class JdbcUnitOfWorkTest {

    private static final Criteria ALL = new CriteriaJoint(ParameterJointType.AND, List.of());

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deferringUnit_aFindOnTheSameTarget_seesTheRowsDeferredBeforeIt(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowfind"));
             UnitOfWork work = f.registry.newDeferringUnitOfWork()) {
            Topic fact = f.topic("order_fact");
            f.data.insertRow(work, fact, row("orderId", "A1"), "T1");
            f.data.insertRow(work, fact, row("orderId", "A2"), "T1");

            List<Map<String, Object>> found = f.data.find(work, fact, ALL, "T1");

            assertThat(work.defersWrites()).isTrue();
            assertThat(found).extracting(r -> r.get("orderId")).containsExactly("A1", "A2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deferringUnit_otherConnectionsSeeNothing_untilItCommits(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowiso"));
             UnitOfWork work = f.registry.newDeferringUnitOfWork()) {
            Topic fact = f.topic("order_fact");
            f.data.insertRow(work, fact, row("orderId", "A1"), "T1");
            assertThat(count(f, "topic_order_fact")).isZero();
            f.data.find(work, fact, ALL, "T1"); // sends the row, uncommitted
            assertThat(count(f, "topic_order_fact")).isZero();

            work.commit();

            assertThat(count(f, "topic_order_fact")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deferringUnit_rollback_discardsRowsSentAndRowsStillDeferred(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowrb"));
             UnitOfWork work = f.registry.newDeferringUnitOfWork()) {
            Topic fact = f.topic("order_fact");
            f.data.insertRow(work, fact, row("orderId", "sent"), "T1");
            f.data.find(work, fact, ALL, "T1");
            f.data.insertRow(work, fact, row("orderId", "deferred"), "T1");

            work.rollback();
            work.commit();

            assertThat(count(f, "topic_order_fact")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deferringUnit_aFailedBatch_isAWatchmenExceptionNamingTheTable_andTheUnitCannotCommit(
            TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowfail"));
             UnitOfWork work = f.registry.newDeferringUnitOfWork()) {
            Topic fact = f.topic("order_fact");
            f.data.insertRow(work, fact, row("orderId", "A1"), "T1");
            f.ids.set(1000); // the next row gets the same id_: the batch hits the primary key
            f.data.insertRow(work, fact, row("orderId", "A2"), "T1");

            assertThatThrownBy(() -> f.data.find(work, fact, ALL, "T1"))
                    .isExactlyInstanceOf(WatchmenException.class)
                    .hasMessageContaining("topic_order_fact")
                    .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.STORAGE_FAILED));
            assertThatThrownBy(work::commit).isInstanceOf(WatchmenException.class)
                    .hasMessageContaining("Not committed").hasMessageContaining("topic_order_fact");
            work.rollback();
            assertThat(count(f, "topic_order_fact")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deferringUnit_writesAJsonValueAsItWasWhenInserted_notAsChangedLater(TestDatabase database)
            throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowjson"))) {
            Topic order = f.topic("order");
            Map<String, Object> customer = new HashMap<>();
            customer.put("name", "Li");
            Map<String, Object> data = row("orderNo", "A1");
            data.put("customer", customer);
            try (UnitOfWork work = f.registry.newDeferringUnitOfWork()) {
                f.data.insert(work, order, data, "T1");
                customer.put("name", "changed after the insert");
                work.commit();
            }

            List<Map<String, Object>> rows = f.inWork(w -> f.data.find(w, order, ALL, "T1"));

            assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("data_"))
                    .isEqualTo(Map.of("orderNo", "A1", "customer", Map.of("name", "Li"))));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unitOfOneItem_defersNothing_aDuplicateFailsTheInsertAtOnce(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowitem"));
             UnitOfWork work = f.registry.newUnitOfWork()) {
            Topic fact = f.topic("order_fact");
            f.data.insertRow(work, fact, row("orderId", "A1"), "T1");
            f.ids.set(1000);

            assertThat(work.defersWrites()).isFalse();
            assertThatThrownBy(() -> f.data.insertRow(work, fact, row("orderId", "A2"), "T1"))
                    .isInstanceOf(DuplicateKeyException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void writtenTargets_listsTheTargetsWrittenSinceTheLastCall_thoughTheirConnectionsStayOpen(TestDatabase database)
            throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowtouch"));
             UnitOfWork work = f.registry.newDeferringUnitOfWork()) {
            Topic fact = f.topic("order_fact");
            work.connection(f.registry.meta());
            f.data.insertRow(work, fact, row("orderId", "A1"), "T1");
            List<String> first = work.writtenTargets().stream().map(StorageTarget::key).toList();
            List<String> none = work.writtenTargets().stream().map(StorageTarget::key).toList();
            f.data.insertRow(work, fact, row("orderId", "A2"), "T1");

            assertThat(first).containsExactly("ds-1");
            assertThat(none).isEmpty();
            assertThat(work.writtenTargets()).extracting(StorageTarget::key).containsExactly("ds-1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void writtenTargets_leaveOutATargetThatWasOnlyRead(TestDatabase database) throws Exception {
        try (StorageFixture f = new StorageFixture(database.create("uowread"));
             UnitOfWork work = f.registry.newUnitOfWork()) {
            Topic fact = f.topic("order_fact");
            f.data.exists(work, fact, JdbcTopicDataServiceTest.ALL, "T1");
            assertThat(work.writtenTargets()).isEmpty();

            f.data.insertRow(work, fact, row("orderId", "A1"), "T1");
            assertThat(work.writtenTargets()).extracting(StorageTarget::key).containsExactly("ds-1");
        }
    }

    private static Map<String, Object> row(String key, Object value) {
        Map<String, Object> row = new HashMap<>();
        row.put(key, value);
        return row;
    }

    /** Counts on a connection of its own: what other transactions see. */
    private static long count(StorageFixture f, String table) throws Exception {
        try (Connection connection = f.db.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
