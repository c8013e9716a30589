package io.watchmen.reliability;

import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.trigger.CoreRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves exactly-once effect on a real database: duplicates (sequential, concurrent, randomized replays), crashes
 * (a child JVM killed with SIGKILL, then redelivery), the bad-input corpus and contention on aggregate rows.
 * Prints one row per case and, as its last line, {@code reliability: lost=L duplicated=D cases=N}. Exits 1 when
 * any case failed.
 *
 * <p>{@code --db} is any supported JDBC URL; with an in-memory H2 URL the crash suite runs on an H2 file database
 * of its own (a child JVM cannot reach the harness's memory).
 */
public final class ReliabilityHarness {

    private ReliabilityHarness() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "error"));
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the harness: 0 when nothing was lost or duplicated, 1 when a case failed, 2 on bad options. */
    public static int execute(String[] args, PrintStream out, PrintStream err) throws IOException,
            InterruptedException {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<CaseResult> results = run(options, out);
        return print(results, out) ? 0 : 1;
    }

    static List<CaseResult> run(HarnessOptions o, PrintStream out) throws IOException, InterruptedException {
        Database database = new Database(o.db(), o.dbUser(), o.dbPassword());
        String runId = Long.toString(System.currentTimeMillis(), 36);
        List<CaseResult> results = new ArrayList<>();
        try (DataSourceRegistry registry = database.registry()) {
            Fixture.load().install(registry.meta());
            try (CoreRuntime runtime = CoreRuntime.create(database.settings(0, 100, o.maxObjectBytes(),
                    o.chunkSize()))) {
                runtime.prime(); // creates the ledger tables the checks read
                if (o.runs("duplicates")) {
                    DuplicateSuite duplicates = new DuplicateSuite(runtime, registry.meta(), 100);
                    results.add(progress(out, duplicates.sequential("dseq" + runId, o.sequential(), 3)));
                    results.add(progress(out, duplicates.concurrent("dcon" + runId, o.concurrent(), o.threads())));
                    results.add(progress(out, duplicates.randomized("drnd" + runId, o.replayPool(), o.replays(),
                            o.threads(), o.seed())));
                    results.add(progress(out, duplicates.concurrentObjects("dobj" + runId, o.objectEvents(),
                            o.objectItems(), o.threads(), o.seed())));
                }
                if (o.runs("corpus")) {
                    CorpusSuite corpus = new CorpusSuite(runtime, registry.meta(), new CorpusCase.Limits(
                            o.bigObjectBytes(), o.nestingDepth(), o.longStringChars()), runId);
                    results.addAll(corpus.runAll());
                    out.println("corpus done");
                }
                if (o.runs("contention")) {
                    results.add(progress(out, new ContentionSuite(runtime, registry.meta(), 1000).run("cont" + runId,
                            o.contentionThreads(), o.contentionObjects(), o.accounts())));
                }
            }
        }
        if (o.runs("crash")) {
            results.add(progress(out, crash(database, o, runId, false)));
            results.add(progress(out, crash(database, o, runId, true)));
            results.add(progress(out, crashBetweenCommits(database, o, runId)));
        }
        return results;
    }

    /**
     * The crash suite, on the given database or, for an in-memory H2, on an H2 file database both JVMs reach: one
     * event per object ({@code kills} kills), or ({@code objects}) events in objects of many items (a quarter of
     * the kills: each child first skips the items done before).
     */
    static CaseResult crash(Database database, HarnessOptions o, String runId, boolean objects) throws IOException,
            InterruptedException {
        Path work = Files.createTempDirectory("watchmen-crash");
        Database shared = database.isH2Memory()
                ? new Database("jdbc:h2:file:" + work.resolve("crash").toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa", "")
                : database;
        CaseResult result;
        try (DataSourceRegistry registry = shared.registry()) {
            Fixture.load().install(registry.meta());
            try (CoreRuntime runtime = CoreRuntime.create(shared.settings(0, 100, o.maxObjectBytes(),
                    o.chunkSize()))) {
                CrashSuite suite = new CrashSuite(shared, registry.meta(), runtime, work);
                result = objects
                        ? suite.run("crobj" + runId, o.objectEvents(), o.objectItems(), o.chunkSize(),
                                Math.max(1, o.kills() / 4), o.seed())
                        : suite.run("crash" + runId, o.crashEvents(), 1, o.chunkSize(), o.kills(), o.seed());
            }
        }
        if (result.ok()) {
            deleteTree(work); // otherwise kept: the children's logs and the H2 file explain the failure
        }
        return result;
    }

    /**
     * The crash suite with tenant C's topics in a second database on the same server ({@code <db>_data}, created
     * when absent; an H2 file beside the crash suite's for an in-memory H2): a quarter of the kills, each placed
     * between the commit of the data database and the meta database's.
     */
    static CaseResult crashBetweenCommits(Database database, HarnessOptions o, String runId) throws IOException,
            InterruptedException {
        Path work = Files.createTempDirectory("watchmen-crash");
        Database shared = database.isH2Memory()
                ? new Database("jdbc:h2:file:" + work.resolve("crash").toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa", "")
                : database;
        Database data = shared.sibling("_data");
        CaseResult result;
        try (DataSourceRegistry registry = shared.registry(); DataSourceRegistry dataRegistry = data.registry()) {
            Fixture fixture = Fixture.load();
            fixture.install(registry.meta());
            fixture.installSecondDatabase(registry.meta(), data, dataRegistry.meta());
            try (CoreRuntime runtime = CoreRuntime.create(shared.settings(0, 100, o.maxObjectBytes(),
                    o.chunkSize()))) {
                result = new CrashSuite(shared, dataRegistry.meta(), runtime, work).runBetweenCommits("crds" + runId,
                        o.crashEvents(), 40, Math.min(16, o.chunkSize()), Math.max(1, o.kills() / 4), o.seed());
            }
        }
        if (result.ok()) {
            deleteTree(work);
        }
        return result;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static CaseResult progress(PrintStream out, CaseResult result) {
        out.println((result.ok() ? "ok     " : "FAILED ") + result.name());
        return result;
    }

    /** The table and the summary line; true when every case passed. */
    static boolean print(List<CaseResult> results, PrintStream out) {
        String format = "%-58s %9s %6s %10s %13s %s%n";
        out.printf(format, "case", "attempts", "lost", "duplicated", "dead-lettered", "result");
        long lost = 0;
        long duplicated = 0;
        boolean ok = true;
        for (CaseResult r : results) {
            out.printf(format, r.name(), r.attempts(), r.lost(), r.duplicated(), r.deadLettered(),
                    r.ok() ? "ok" : "FAILED " + String.join("; ", r.problems()));
            lost += r.lost();
            duplicated += r.duplicated();
            ok &= r.ok();
        }
        out.println("reliability: lost=" + lost + " duplicated=" + duplicated + " cases=" + results.size());
        return ok;
    }
}
