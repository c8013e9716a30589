package io.watchmen.core.kernel.jdbc;

import static io.watchmen.core.kernel.jdbc.Expect.action;
import static io.watchmen.core.kernel.jdbc.Expect.assist;
import static io.watchmen.core.kernel.jdbc.Expect.list;
import static io.watchmen.core.kernel.jdbc.Expect.longValue;
import static io.watchmen.core.kernel.jdbc.Expect.map;
import static io.watchmen.core.kernel.jdbc.Expect.number;
import static io.watchmen.core.kernel.jdbc.Expect.row;
import static io.watchmen.core.kernel.jdbc.Expect.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.WatchmenException;
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

/** Spec section 6, E11-E14, on H2, MariaDB and PostgreSQL. */
class WorkedExamplesE11ToE14JdbcTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e11_readFactorAggregatesExistsReadRowsAndComputedAdd(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e11").pipelinesFrom("e11.json")) {
            for (Object[] v : new Object[][]{{"O-1", "C-1", "120"}, {"O-2", "C-1", "30"}, {"O-3", "C-2", "999"}}) {
                world.seed("tp-fact", row("orderId", v[0], "customerId", v[1], "amount", new BigDecimal((String) v[2]),
                        "status", "new", "note", null));
            }

            world.insert("{\"orderId\": \"Q\", \"customerId\": \"C-1\", \"amount\": 5}");

            // ids: read-rows returns storage order; the databases return the seeded rows in insertion order here
            assertThat(world.messages()).containsExactly("cnt=2;rows=2;ids=O-1,O-2;big=True");
            List<Map<String, Object>> stats = world.rows("tp-stats");
            assertThat(stats).hasSize(1);
            assertThat(stats.get(0)).containsEntry("customerId", "C-1").containsEntry("avgAmount", null)
                    .containsEntry("lastOrderId", null).containsEntry("aggregate_assist_", null);
            number(stats.get(0).get("totalAmount"), "155");
            number(stats.get(0).get("orderCount"), "2");
            assertThat(longValue(stats.get(0).get("version_"))).isEqualTo(1L);
            Map<String, Object> log = world.log("p-e11");
            assertThat(log).containsEntry("status", "DONE");
            assertThat(list(unit(log, 0, 0), "actions")).extracting(a -> a.get("status"))
                    .containsExactly("DONE", "DONE", "DONE", "DONE", "DONE", "DONE");
            assertThat(action(log, 0, 0, 2)).containsEntry("touched", null);
            Map<String, Object> big = list(map(action(log, 0, 0, 2), "findBy"), "children").get(1);
            assertThat(big.get("right")).isInstanceOf(Number.class);
            number(big.get("right"), "100");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e12_triggerTypesChoosePipelines_andMergeReplacesTheRow(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e12")) {
            for (String[] p : new String[][]{{"pi", "insert"}, {"pm", "merge"}, {"pim", "insert-or-merge"},
                    {"pd", "delete"}}) {
                world.pipelines(JdbcWorld.resource("e12.json").replace("ID", p[0]).replace("TYPE", p[1]));
            }
            long x = world.trigger("order_fact", PipelineTriggerType.INSERT,
                    "{\"orderId\": \"O-1\", \"customerId\": \"C-1\", \"status\": \"a\"}").internalDataId();
            assertThat(world.messages()).containsExactly("pi", "pim");
            assertThat(world.rows("tp-fact")).singleElement().satisfies(r -> assertThat(r)
                    .containsEntry("orderId", "O-1").containsEntry("customerId", "C-1").containsEntry("amount", null)
                    .containsEntry("status", "a").containsEntry("note", null));

            world.trigger("order_fact", PipelineTriggerType.INSERT_OR_MERGE,
                    "{\"id_\": " + x + ", \"orderId\": \"O-1\", \"status\": \"b\"}");
            // deviation in order only: the JDBC metadata lists a topic's pipelines by pipeline_id (pim < pm)
            assertThat(world.messages()).containsExactly("pi", "pim", "pim", "pm");
            assertThat(world.rows("tp-fact")).singleElement().satisfies(r -> assertThat(r)
                    .containsEntry("orderId", "O-1").containsEntry("customerId", null).containsEntry("status", "b"));

            world.trigger("order_fact", PipelineTriggerType.INSERT_OR_MERGE, "{\"orderId\": \"O-2\", \"status\": \"c\"}");
            assertThat(world.messages()).hasSize(6).endsWith("pi", "pim");
            assertThat(world.column("tp-fact", "orderId")).containsExactly("O-1", "O-2");

            world.trigger("order_fact", PipelineTriggerType.DELETE, "{\"id_\": " + x + "}");
            assertThat(world.messages()).hasSize(7).endsWith("pd");
            assertThat(world.column("tp-fact", "orderId")).containsExactly("O-2");
            assertThat(world.logs()).hasSize(7).extracting(l -> l.get("status")).containsOnly("DONE");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e12_mergeWithoutIdOrDeleteOfUnknownId_failsTheRequestAndWritesNothing(TestDatabase database)
            throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e12e")) {
            world.pipelines(JdbcWorld.resource("e12.json").replace("ID", "pm").replace("TYPE", "merge"));
            world.pipelines(JdbcWorld.resource("e12.json").replace("ID", "pd").replace("TYPE", "delete"));

            assertThatThrownBy(() -> world.trigger("order_fact", PipelineTriggerType.MERGE, "{\"orderId\": \"O-1\"}"))
                    .isInstanceOf(WatchmenException.class).hasMessageContaining("Id not found from data[");
            assertThatThrownBy(() -> world.trigger("order_fact", PipelineTriggerType.DELETE, "{\"id_\": 42}"))
                    .isInstanceOf(WatchmenException.class);

            assertThat(world.rows("tp-fact")).isEmpty();
            assertThat(world.messages()).isEmpty();
            assertThat(world.logs()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e13_multiplyCaseThenDateAndPathFunctions(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e13").pipelinesFrom("e13.json")) {
            world.insert("{\"orderId\": \"ORD-77\", \"amount\": 60, \"orderDate\": \"2024-03-15\"}");

            List<Map<String, Object>> facts = world.rows("tp-fact");
            assertThat(facts).hasSize(1);
            assertThat(facts.get(0)).containsEntry("orderId", "ORD-77").containsEntry("customerId", null)
                    .containsEntry("status", "medium").containsEntry("note", "2024/03/15|len=6|d=5|m=2");
            number(facts.get(0).get("amount"), "120");
            assertThat(world.log("p-e13")).containsEntry("status", "DONE");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e13_spacedDateFunctionArguments_areTrimmed(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e13b").pipelines("""
                {"pipelineId": "p-e13b", "topicId": "tp-event", "type": "insert", "enabled": true,
                 "stages": [{"stageId": "s1", "units": [{"unitId": "u1", "name": "u1", "do": [
                   {"actionId": "a1", "type": "insert-row", "topicId": "tp-audit", "mapping": [
                     {"factorId": "al-1", "source": C("{&fmtDate(orderDate, Y/M/D)}|{&dayDiff(orderDate, &now)}")}]}]}]}]}
                """)) {
            world.insert("{\"orderId\": \"ORD-77\", \"orderDate\": \"2024-03-15\"}");

            // deviation: the reference yields " 2024/03/15" and fails on " &now"; the world's clock is 2024-03-20
            assertThat(world.messages()).containsExactly("2024/03/15|-5");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e14_standardModeOnDelete_failsBecauseCurrentIsNull(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e14s")
                .pipelines(JdbcWorld.resource("e14.json").replace("\"accumulateMode\": \"reverse\"",
                        "\"accumulateMode\": \"standard\""))) {
            world.seed("tp-stats", row("customerId", "C-1", "totalAmount", new BigDecimal("150"),
                    "avgAmount", new BigDecimal("75"), "orderCount", new BigDecimal("2"), "lastOrderId", "O-2"));
            long y = world.trigger("order_fact", PipelineTriggerType.INSERT,
                    "{\"orderId\": \"O-3\", \"customerId\": \"C-1\", \"amount\": 30}").internalDataId();

            InvocationResult deleted = world.trigger("order_fact", PipelineTriggerType.DELETE, "{\"id_\": " + y + "}");

            assertThat(deleted.runs()).extracting(PipelineRun::status).containsExactly(MonitorLogStatus.ERROR);
            assertThat(world.log("p-e14-sub")).containsEntry("status", "ERROR");
            number(world.rows("tp-stats").get(0).get("totalAmount"), "180");
            assertThat(world.rows("tp-fact")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void e14_mergeRowAggregates_andReverseOnDelete(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "e14").pipelinesFrom("e14.json")) {
            Map<String, Object> seeded = world.seed("tp-stats", row("customerId", "C-1",
                    "totalAmount", new BigDecimal("150"), "avgAmount", new BigDecimal("75"),
                    "orderCount", new BigDecimal("2"), "lastOrderId", "O-2",
                    "aggregate_assist_", Map.of("avgAmount.avg_count", 2)));
            seeded.put("version_", 3L);
            world.update("tp-stats", seeded);

            InvocationResult inserted = world.trigger("order_fact", PipelineTriggerType.INSERT,
                    "{\"orderId\": \"O-3\", \"customerId\": \"C-1\", \"amount\": 30}");
            assertStats(world, "180", "60", "3", 4L, 3);
            assertThat(inserted.runs()).extracting(PipelineRun::status).containsExactly(MonitorLogStatus.DONE);
            assertThat(world.log("p-e14-add")).containsEntry("status", "DONE");

            InvocationResult deleted = world.trigger("order_fact", PipelineTriggerType.DELETE,
                    "{\"id_\": " + inserted.internalDataId() + "}");
            assertStats(world, "150", "75", "2", 5L, 2);
            assertThat(deleted.runs()).extracting(PipelineRun::status).containsExactly(MonitorLogStatus.DONE);
            assertThat(world.log("p-e14-sub")).containsEntry("status", "DONE");
            assertThat(world.rows("tp-fact")).isEmpty();
        }
    }

    private static void assertStats(JdbcWorld world, String total, String avg, String count, long version,
                                    int avgCount) {
        List<Map<String, Object>> rows = world.rows("tp-stats");
        assertThat(rows).hasSize(1);
        Map<String, Object> stats = rows.get(0);
        assertThat(stats).containsEntry("customerId", "C-1").containsEntry("lastOrderId", "O-2");
        number(stats.get("totalAmount"), total);
        number(stats.get("avgAmount"), avg);
        number(stats.get("orderCount"), count);
        assertThat(longValue(stats.get("version_"))).isEqualTo(version);
        assertThat(longValue(assist(stats).get("avgAmount.avg_count"))).isEqualTo(avgCount);
    }
}
