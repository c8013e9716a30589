package io.watchmen.core.kernel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.config.Settings;
import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.testing.TestDatabase;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two pipelines writing each other's topics (order_fact → order_item → order_fact ...) would cascade forever; the
 * kernel refuses the generation beyond the cascade limit with an ERROR monitor log (a deviation: the reference
 * loops until it fails) and the unit of work still commits what ran.
 */
class CascadeLimitJdbcTest {

    private static UnaryOperator<Settings> cascadeLimit(int limit) {
        return s -> {
            Settings.Pipelines p = s.pipelines();
            return s.withPipelines(new Settings.Pipelines(p.updateRetry(), p.updateRetryTimes(),
                    p.updateRetryInterval(), p.updateRetryForce(), p.decryptFactorValue(),
                    p.standardExternalWriterTimeout(), p.errorHandleMonitorLogOnly(), limit));
        };
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pipelinesWritingEachOthersTopics_stopAtTheCascadeLimitWithStoredErrorLog(TestDatabase database)
            throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "cascade", cascadeLimit(4), "[]")) {
            world.pipelinesFrom("ping-pong.json");

            InvocationResult result = world.insert("{\"orderId\": \"O-1\"}");

            // generations 0 (the request) to 4 run; generation 5 is refused
            assertThat(result.runs()).extracting(PipelineRun::pipelineId)
                    .containsExactly("p-start", "p-ping", "p-pong", "p-ping", "p-pong", "p-ping");
            assertThat(result.runs()).extracting(PipelineRun::status).containsExactly(MonitorLogStatus.DONE,
                    MonitorLogStatus.DONE, MonitorLogStatus.DONE, MonitorLogStatus.DONE, MonitorLogStatus.DONE,
                    MonitorLogStatus.ERROR);
            assertThat(world.column("tp-fact", "orderId")).containsExactly("O-1", "O-1", "O-1");
            assertThat(world.column("tp-item", "orderId")).containsExactly("O-1", "O-1");

            List<Map<String, Object>> logs = world.logs();
            assertThat(logs).extracting(l -> l.get("status"))
                    .containsExactly("DONE", "DONE", "DONE", "DONE", "DONE", "ERROR");
            Map<String, Object> refused = logs.get(5);
            assertThat(refused).containsEntry("pipelineId", "p-ping").containsEntry("topicId", "tp-fact");
            assertThat((String) refused.get("error")).startsWith("Cascade limit[4] exceeded on pipeline[id=p-ping, "
                    + "name=p-ping], triggered by topic[id=tp-fact, name=order_fact]");
            assertThat(Expect.list(refused, "stages")).isNullOrEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pipelinesWritingEachOthersTopics_stopAtTheDefaultLimit(TestDatabase database) throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "cascade_default")) {
            world.pipelinesFrom("ping-pong.json");

            InvocationResult result = world.insert("{\"orderId\": \"O-1\"}");

            int limit = Settings.DEFAULT_CASCADE_LIMIT;
            assertThat(result.runs()).hasSize(limit + 2);
            assertThat(result.runs().subList(0, limit + 1)).extracting(PipelineRun::status)
                    .containsOnly(MonitorLogStatus.DONE);
            assertThat(result.runs().get(limit + 1).error()).startsWith("Cascade limit[" + limit + "] exceeded");
            List<Object> statuses = world.logs().stream().map(l -> l.get("status")).toList();
            assertThat(statuses).hasSize(limit + 2).endsWith("ERROR");
            assertThat(Collections.frequency(statuses, "ERROR")).isEqualTo(1);
            assertThat(world.rows("tp-fact").size() + world.rows("tp-item").size()).isEqualTo(limit + 1);
        }
    }
}
