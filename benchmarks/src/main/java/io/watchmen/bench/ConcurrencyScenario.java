package io.watchmen.bench;

import io.watchmen.core.kernel.action.ActionRunner;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code concurrency} scenario: 1, 2, 4, 8 and 16 invokers sharing one runtime, one trigger per unit of work,
 * first on distinct aggregate rows, then all on one hot row: throughput per level and optimistic-lock retries per
 * trigger.
 */
final class ConcurrencyScenario {

    static final int PER_INVOKER = 100;
    /** A unit of work holds one connection and a metadata refresh may need another: twice the invokers. */
    static final int POOL = 32;

    private ConcurrencyScenario() {
    }

    /** The figures of every level, as printed in the report. */
    static String run(String jdbcUrl, String user, String password) throws Exception {
        try (BenchFixture fixture = BenchFixture.open(jdbcUrl, user, password, POOL)) {
            Bench.runOurs(fixture, "CW", 300);
            StringBuilder figures = new StringBuilder();
            for (boolean hot : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 2, 4, 8, 16}) {
                    fixture.reset();
                    int perThread = PER_INVOKER;
                    long retriesBefore = ActionRunner.optimisticRetries();
                    ExecutorService pool = Executors.newFixedThreadPool(threads);
                    long start = System.nanoTime();
                    List<Future<?>> futures = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int thread = t;
                        futures.add(pool.submit(() -> {
                            String version = UUID.randomUUID().toString();
                            for (int i = 0; i < perThread; i++) {
                                String customer = hot ? "HOT" : "C-" + thread;
                                byte[] content = BenchFixture.orderObject("T" + thread + "-" + i, customer, "1");
                                ObjectOutcome outcome = fixture.runtime.handle(new StorageObject(new ObjectRef(
                                        "bench", "bench", thread + "/" + i, version, content.length), content));
                                if (!outcome.succeeded()) {
                                    throw new IllegalStateException("Bench object failed: " + outcome.items());
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> future : futures) {
                        future.get();
                    }
                    pool.shutdown();
                    int triggers = threads * perThread;
                    double rate = triggers / Bench.seconds(start);
                    double retries = (ActionRunner.optimisticRetries() - retriesBefore) / (double) triggers;
                    figures.append(String.format("%s %d: %.0f/s, %.2f retries/trigger; ", hot ? "hot" : "distinct",
                            threads, rate, retries));
                    System.out.printf("concurrency %s invokers=%d: %.0f triggers/s, %.2f retries per trigger%n",
                            hot ? "hot-row" : "distinct", threads, rate, retries);
                }
            }
            return figures.toString();
        }
    }
}
