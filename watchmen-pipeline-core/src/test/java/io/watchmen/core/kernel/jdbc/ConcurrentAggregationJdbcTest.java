package io.watchmen.core.kernel.jdbc;

import static io.watchmen.core.kernel.jdbc.Expect.assist;
import static io.watchmen.core.kernel.jdbc.Expect.longValue;
import static io.watchmen.core.kernel.jdbc.Expect.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.config.Settings;
import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 8 threads, 2,000 triggers, each in its own committed unit of work, aggregate into 20 rows with sum / avg / count
 * via insert-or-merge-row. The unique index on the key makes concurrent first inserts collide (the loser merges);
 * the optimistic lock with retry and the locking force path must lose no update.
 */
class ConcurrentAggregationJdbcTest {

    private static final int THREADS = 8;
    private static final int TRIGGERS = 2_000;
    private static final int KEYS = 20;
    private static final int PER_KEY = TRIGGERS / KEYS;

    /** A pool as large as the thread count, so the triggers really run side by side. */
    private static final UnaryOperator<Settings> POOL_PER_THREAD = s -> new Settings(s.meta(),
            new Settings.Pool(THREADS, Duration.ofSeconds(60), s.pool().maxLifetime()), s.snowflake(), s.crypto(),
            s.preparation(), s.pipelines(), s.caches(), s.triggers());

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertOrMergeRow_concurrentTriggers_aggregateExactlyWithOneVersionPerUpdate(TestDatabase database)
            throws Exception {
        try (JdbcWorld world = JdbcWorld.open(database, "concurrent", POOL_PER_THREAD,
                JdbcWorld.resource("totals-topic.json"))) {
            world.pipelinesFrom("totals-pipeline.json");
            AtomicInteger next = new AtomicInteger();
            Queue<PipelineRun> runs = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new java.util.ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(threads.submit(() -> {
                        for (int i = next.getAndIncrement(); i < TRIGGERS; i = next.getAndIncrement()) {
                            InvocationResult result = world.trigger("priced_order", PipelineTriggerType.INSERT,
                                    "{\"orderId\": \"O-" + i + "\", \"customerId\": \"" + key(i % KEYS)
                                            + "\", \"amount\": " + amount(i) + ", \"price\": " + price(i % KEYS) + "}");
                            runs.addAll(result.runs());
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get(10, TimeUnit.MINUTES); // a bound against a hang, not a timing assertion
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(runs).hasSize(TRIGGERS);
            assertThat(runs).filteredOn(r -> r.error() != null).isEmpty();
            List<Map<String, Object>> rows = world.rows("tp-totals");
            assertThat(rows).hasSize(KEYS);
            for (Map<String, Object> row : rows) {
                int k = Integer.parseInt(((String) row.get("customerId")).substring(2));
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = k; i < TRIGGERS; i += KEYS) {
                    sum = sum.add(new BigDecimal(amount(i)));
                }
                number(row.get("totalAmount"), sum.toPlainString());
                number(row.get("avgPrice"), price(k));
                number(row.get("orderCount"), String.valueOf(PER_KEY));
                assertThat(longValue(assist(row).get("avgPrice.avg_count"))).isEqualTo(PER_KEY);
                // one insert (version 1) and PER_KEY - 1 updates
                assertThat(longValue(row.get("version_"))).as("version_ of %s", row.get("customerId"))
                        .isEqualTo(PER_KEY);
            }
            assertThat(world.logs()).hasSize(TRIGGERS).extracting(l -> l.get("status")).containsOnly("DONE");
        }
    }

    private static String key(int k) {
        return String.format("K-%02d", k);
    }

    /** Varying amounts with cents: the sums prove no update was lost or applied twice. */
    private static String amount(int i) {
        return (i % 97) + "." + String.format("%02d", i % 100);
    }

    /**
     * One price per key: every running average is then exactly representable at DECIMAL(32,6), whatever the
     * interleaving, so the average can be compared exactly; its counter proves every step was counted.
     */
    private static String price(int k) {
        return (10 + k) + ".125";
    }
}
