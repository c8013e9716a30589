package io.watchmen.bench;

import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;

/**
 * One NDJSON object of 10,000 items through an insert-row pipeline (each item: ledger claim, raw row, mapped row,
 * monitor log, in a unit of work of its own) against the same rows as JDBC batch inserts. Items per second.
 */
final class BatchScenario {

    static final int ITEMS = 10_000;

    private BatchScenario() {
    }

    static Measurement.Pair run(String url, String user, String password, int rounds) throws Exception {
        Measurement ours = new Measurement();
        Measurement theirs = new Measurement();
        try (BenchFixture fixture = BenchFixture.open(url, user, password, 2)) {
            HandWrittenBatch baseline = new HandWrittenBatch(url, user, password);
            baseline.run("W", 1000);
            runOurs(fixture, "W", 1000);
            for (int round = 0; round < rounds; round++) {
                // A B, then B A: drift of a shared machine falls on both sides alike
                boolean baselineFirst = round % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    fixture.reset();
                    long start = System.nanoTime();
                    if ((side == 0) == baselineFirst) {
                        baseline.run("B" + round, ITEMS);
                        theirs.add(ITEMS / Bench.seconds(start));
                    } else {
                        runOurs(fixture, "O" + round, ITEMS);
                        ours.add(ITEMS / Bench.seconds(start));
                    }
                }
            }
        }
        return new Measurement.Pair(theirs, ours);
    }

    private static void runOurs(BenchFixture fixture, String prefix, int items) {
        byte[] content = BenchFixture.batchObject(prefix, items);
        ObjectOutcome outcome = fixture.runtime.handle(new StorageObject(new ObjectRef("bench", "bench",
                "batch/" + prefix + ".ndjson", prefix + System.nanoTime(), content.length), content));
        if (!outcome.succeeded()) {
            throw new IllegalStateException("Bench batch object failed: " + outcome.disposition());
        }
    }
}
