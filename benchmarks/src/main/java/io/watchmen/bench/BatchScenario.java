package io.watchmen.bench;

import io.watchmen.core.config.Settings;
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

    /** Ours with default settings, and ours storing monitor logs of failed runs only, each against the baseline. */
    record Result(Measurement.Pair defaults, Measurement.Pair errorLogsOnly) {
    }

    static Result run(String url, String user, String password, int rounds) throws Exception {
        Measurement ours = new Measurement();
        Measurement errorsOnly = new Measurement();
        Measurement theirs = new Measurement();
        try (BenchFixture fixture = BenchFixture.open(url, user, password, 2);
             BenchFixture quiet = BenchFixture.open(url, user, password, 2, false, 2,
                     settings -> settings.withPipelines(errorLogsOnly(settings.pipelines())))) {
            HandWrittenBatch baseline = new HandWrittenBatch(url, user, password);
            baseline.run("W", 1000);
            runOurs(fixture, "W", 1000);
            runOurs(quiet, "Q", 1000);
            for (int round = 0; round < rounds; round++) {
                // the three sides rotate their order round by round: drift of a shared machine falls on all alike
                for (int slot = 0; slot < 3; slot++) {
                    fixture.reset();
                    long start = System.nanoTime();
                    switch ((slot + round) % 3) {
                        case 0 -> {
                            baseline.run("B" + round, ITEMS);
                            theirs.add(ITEMS / Bench.seconds(start));
                        }
                        case 1 -> {
                            runOurs(fixture, "O" + round, ITEMS);
                            ours.add(ITEMS / Bench.seconds(start));
                        }
                        default -> {
                            runOurs(quiet, "E" + round, ITEMS);
                            errorsOnly.add(ITEMS / Bench.seconds(start));
                        }
                    }
                }
            }
        }
        return new Result(new Measurement.Pair(theirs, ours), new Measurement.Pair(theirs, errorsOnly));
    }

    /** Watchmen's PIPELINE_ERROR_HANDLE_MONITOR_LOG=true: the monitor logs of runs that succeeded are not stored. */
    private static Settings.Pipelines errorLogsOnly(Settings.Pipelines p) {
        return new Settings.Pipelines(p.updateRetry(), p.updateRetryTimes(), p.updateRetryInterval(),
                p.updateRetryForce(), p.decryptFactorValue(), p.standardExternalWriterTimeout(), true,
                p.cascadeLimit());
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
