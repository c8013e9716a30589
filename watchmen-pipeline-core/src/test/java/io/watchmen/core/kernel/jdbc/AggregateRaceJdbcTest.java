package io.watchmen.core.kernel.jdbc;

import static io.watchmen.core.kernel.jdbc.Expect.longValue;
import static io.watchmen.core.kernel.jdbc.Expect.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The races of the concurrency test made deterministic: a unit of work that has already read the aggregate
 * topic (as insert-or-merge-row's find does) meets a row or a version committed by another unit of work after
 * that read. Its next find must see the committed row, on every database (MariaDB defaults to REPEATABLE READ).
 */
class AggregateRaceJdbcTest {

    private static final String EVENT = "{\"orderId\": \"O-%d\", \"customerId\": \"C-1\", \"amount\": %d, \"price\": 2}";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertOrMergeRow_keyInsertedConcurrentlyAfterFirstRead_mergesIntoTheCommittedRow(TestDatabase database)
            throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "race_insert", s -> s,
                JdbcWorld.resource("totals-topic.json"))) {
            world.pipelinesFrom("totals-pipeline.json");
            try (UnitOfWork late = world.begin()) {
                assertThat(world.rows(late, "tp-totals")).isEmpty();
                world.trigger("priced_order", PipelineTriggerType.INSERT, String.format(EVENT, 1, 10));

                InvocationResult result = world.trigger(late, "priced_order", PipelineTriggerType.INSERT,
                        String.format(EVENT, 2, 5));
                late.commit();

                assertThat(result.runs()).extracting(PipelineRun::error).containsOnlyNulls();
            }
            assertTotals(world, "15", 2L, 2L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertOrMergeRow_versionCommittedConcurrentlyAfterFirstRead_retriesOnTheNewVersion(TestDatabase database)
            throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "race_update", s -> s,
                JdbcWorld.resource("totals-topic.json"))) {
            world.pipelinesFrom("totals-pipeline.json");
            world.trigger("priced_order", PipelineTriggerType.INSERT, String.format(EVENT, 1, 10));
            try (UnitOfWork late = world.begin()) {
                assertThat(world.rows(late, "tp-totals")).hasSize(1);
                world.trigger("priced_order", PipelineTriggerType.INSERT, String.format(EVENT, 2, 20));

                InvocationResult result = world.trigger(late, "priced_order", PipelineTriggerType.INSERT,
                        String.format(EVENT, 3, 5));
                late.commit();

                assertThat(result.runs()).extracting(PipelineRun::error).containsOnlyNulls();
            }
            assertTotals(world, "35", 3L, 3L);
            // the find saw the committed version, so no optimistic-lock retry was needed (under a stale
            // REPEATABLE READ snapshot every retry would fail and only the locking force path would succeed)
            assertThat(world.retries()).isZero();
        }
    }

    private static void assertTotals(JdbcWorld world, String total, long count, long version) {
        List<Map<String, Object>> rows = world.rows("tp-totals");
        assertThat(rows).hasSize(1);
        number(rows.get(0).get("totalAmount"), total);
        number(rows.get(0).get("orderCount"), String.valueOf(count));
        number(rows.get(0).get("avgPrice"), "2");
        assertThat(longValue(rows.get(0).get("version_"))).isEqualTo(version);
    }
}
