package io.watchmen.core.kernel.jdbc;

import static io.watchmen.core.kernel.jdbc.Expect.action;
import static io.watchmen.core.kernel.jdbc.Expect.assist;
import static io.watchmen.core.kernel.jdbc.Expect.list;
import static io.watchmen.core.kernel.jdbc.Expect.longValue;
import static io.watchmen.core.kernel.jdbc.Expect.map;
import static io.watchmen.core.kernel.jdbc.Expect.number;
import static io.watchmen.core.kernel.jdbc.Expect.row;
import static io.watchmen.core.kernel.jdbc.Expect.stage;
import static io.watchmen.core.kernel.jdbc.Expect.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Spec section 6, E1-E5, on H2, MariaDB and PostgreSQL (stage ERROR where the kernel deviates). */
class WorkedExamplesE1ToE5JdbcTest {

    private static final Map<String, Object> FACT_O1 = row("orderId", "O-1", "customerId", "C-1",
            "amount", new BigDecimal("120.5"), "status", "new", "note", "n");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e1_insertRowWithTemplate_writesFactAndLogsDone(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e1").pipelinesFrom("e1.json")) {
            InvocationResult result = world.insert("{\"orderId\": \"O-1\", \"customerId\": \"C-1\", \"amount\": 120.5}");

            assertThat(result.runs()).extracting(PipelineRun::status).containsExactly(MonitorLogStatus.DONE);
            List<Map<String, Object>> facts = world.rows("tp-fact");
            assertThat(facts).hasSize(1);
            assertThat(facts.get(0)).containsEntry("orderId", "O-1").containsEntry("customerId", "C-1")
                    .containsEntry("status", "new").containsEntry("note", "order O-1 by C-1");
            number(facts.get(0).get("amount"), "120.5");
            Map<String, Object> log = world.log("p-e1");
            assertThat(log).containsEntry("status", "DONE").containsEntry("prerequisite", true);
            assertThat(stage(log, 0)).containsEntry("status", "DONE");
            assertThat(unit(log, 0, 0)).containsEntry("status", "DONE");
            assertThat(action(log, 0, 0, 0)).containsEntry("status", "DONE").containsEntry("insertCount", 1);
            Map<String, Object> event = world.rows("tp-event").get(0);
            assertThat(map(event, "data_")).containsEntry("orderId", "O-1").containsKey("aid_me");
            assertThat(longValue(event.get("id_"))).isEqualTo(result.internalDataId());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e2_mergeRowWithSum_addsToExistingRowThenFailsWhenNothingFound(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e2").pipelinesFrom("e2.json")) {
            world.seed("tp-stats", row("customerId", "C-1", "totalAmount", new BigDecimal("100"), "lastOrderId", "O-0"));

            world.insert("{\"orderId\": \"O-2\", \"customerId\": \"C-1\", \"amount\": 50}");

            Map<String, Object> stats = world.rows("tp-stats").get(0);
            number(stats.get("totalAmount"), "150");
            assertThat(stats).containsEntry("lastOrderId", "O-2").containsEntry("avgAmount", null)
                    .containsEntry("orderCount", null);
            assertThat(longValue(stats.get("version_"))).isEqualTo(2L);
            assertThat(world.log("p-e2")).containsEntry("status", "DONE");
            assertThat(action(world.log("p-e2"), 0, 0, 0)).containsEntry("status", "DONE").containsEntry("updateCount", 1);

            InvocationResult missing = world.insert("{\"orderId\": \"O-3\", \"customerId\": \"C-9\", \"amount\": 70}");

            assertThat(world.rows("tp-stats")).hasSize(1);
            number(world.rows("tp-stats").get(0).get("totalAmount"), "150");
            assertThat(longValue(world.rows("tp-stats").get(0).get("version_"))).isEqualTo(2L);
            assertThat(missing.runs().get(0).status()).isEqualTo(MonitorLogStatus.ERROR);
            Map<String, Object> log = world.log("p-e2");
            assertThat(log).containsEntry("status", "ERROR");
            assertThat(stage(log, 0)).containsEntry("status", "ERROR"); // deviation: the reference leaves DONE
            assertThat(unit(log, 0, 0)).containsEntry("status", "ERROR");
            Map<String, Object> a1 = action(log, 0, 0, 0);
            assertThat(a1).containsEntry("status", "ERROR");
            assertThat((String) a1.get("error")).contains("Data not found, on topic[id=tp-stats, name=customer_stats], by [");
            assertThat(list(map(a1, "findBy"), "children").get(0)).containsEntry("right", "C-9");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e3_insertOrMergeRowWithSumAvgCount_accumulatesAndCorrectsOnMerge(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e3").pipelinesFrom("e3.json")) {
            world.insert("{\"orderId\": \"O-1\", \"customerId\": \"C-1\", \"amount\": 100}");
            assertStats(world, "100", "100", "1", "O-1", 1L, 1);
            world.insert("{\"orderId\": \"O-2\", \"customerId\": \"C-1\", \"amount\": 50}");
            assertStats(world, "150", "75", "2", "O-2", 2L, 2);
            long third = world.insert("{\"orderId\": \"O-3\", \"customerId\": \"C-1\", \"amount\": 30}").internalDataId();
            assertStats(world, "180", "60", "3", "O-3", 3L, 3);
            world.trigger("order_event", PipelineTriggerType.INSERT_OR_MERGE,
                    "{\"id_\": " + third + ", \"orderId\": \"O-3\", \"customerId\": \"C-1\", \"amount\": 90}");
            assertStats(world, "240", "80", "3", "O-3", 4L, 3);

            List<Map<String, Object>> logs = world.logs();
            assertThat(logs).extracting(l -> l.get("status")).containsExactly("DONE", "DONE", "DONE", "DONE");
            assertThat(action(logs.get(0), 0, 0, 0)).containsEntry("insertCount", 1);
            for (int run = 1; run < 4; run++) {
                assertThat(action(logs.get(run), 0, 0, 0)).containsEntry("updateCount", 1);
            }
        }
    }

    private static void assertStats(JdbcWorld world, String total, String avg, String count, String last,
                                    long version, int avgCount) {
        List<Map<String, Object>> rows = world.rows("tp-stats");
        assertThat(rows).hasSize(1);
        Map<String, Object> stats = rows.get(0);
        assertThat(stats).containsEntry("customerId", "C-1").containsEntry("lastOrderId", last);
        number(stats.get("totalAmount"), total);
        number(stats.get("avgAmount"), avg);
        number(stats.get("orderCount"), count);
        assertThat(longValue(stats.get("version_"))).isEqualTo(version);
        assertThat(longValue(assist(stats).get("avgAmount.avg_count"))).isEqualTo(avgCount);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e4_writeFactor_updatesOneFactorAndKeepsOthers(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e4").pipelinesFrom("e4.json")) {
            world.seed("tp-fact", FACT_O1);

            world.insert("{\"orderId\": \"O-1\", \"status\": \"shipped\"}");

            List<Map<String, Object>> facts = world.rows("tp-fact");
            assertThat(facts).hasSize(1);
            assertThat(facts.get(0)).containsEntry("orderId", "O-1").containsEntry("customerId", "C-1")
                    .containsEntry("status", "shipped").containsEntry("note", "n");
            number(facts.get(0).get("amount"), "120.5");
            Map<String, Object> log = world.log("p-e4");
            assertThat(log).containsEntry("status", "DONE");
            Map<String, Object> a1 = action(log, 0, 0, 0);
            assertThat(a1).containsEntry("status", "DONE").containsEntry("updateCount", 1);
            Map<String, Object> touched = map(map(a1, "touched"), "data");
            assertThat(touched).containsEntry("orderId", "O-1").containsEntry("customerId", "C-1")
                    .containsEntry("status", "shipped").containsEntry("note", "n").containsKey("id_");
            number(touched.get("amount"), "120.5");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e5_readRowIntoVariable_feedsNextAction_andFindingNothingStopsTheUnit(TestDatabase database)
            throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e5").pipelinesFrom("e5.json")) {
            world.seed("tp-fact", FACT_O1);

            world.insert("{\"orderId\": \"O-1\", \"status\": \"paid\"}");

            assertThat(world.messages()).containsExactly("C-1:new:paid");
            Map<String, Object> log = world.log("p-e5");
            assertThat(log).containsEntry("status", "DONE");
            assertThat(action(log, 0, 0, 0)).containsEntry("status", "DONE");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> read = (List<Map<String, Object>>) map(action(log, 0, 0, 0), "touched").get("data");
            assertThat(read).singleElement().satisfies(r -> assertThat(r).containsEntry("orderId", "O-1"));
            assertThat(action(log, 0, 0, 1)).containsEntry("status", "DONE");

            world.insert("{\"orderId\": \"O-404\", \"status\": \"paid\"}");

            assertThat(world.messages()).containsExactly("C-1:new:paid");
            Map<String, Object> failed = world.log("p-e5");
            assertThat(failed).containsEntry("status", "ERROR");
            assertThat(unit(failed, 0, 0)).containsEntry("status", "ERROR");
            assertThat(list(unit(failed, 0, 0), "actions")).hasSize(1);
            assertThat((String) action(failed, 0, 0, 0).get("error")).contains("Data not found, ");
        }
    }
}
