package io.watchmen.reliability;

import io.watchmen.core.config.Settings;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Crashes at random points: a child JVM delivers the suite's events while this suite kills it with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) after a random number of items plus a random pause, {@code kills}
 * times; then every event is delivered again here, and the database must equal one clean delivery of each.
 * The database must be reachable from both JVMs (not an in-memory H2).
 */
public final class CrashSuite {

    private static final int ACCOUNTS = 9;
    private static final long STARTUP_TIMEOUT_SECONDS = 120;

    private final Database database;
    private final StorageTarget target;
    private final StorageObjectHandler handler;
    private final Path logDirectory;

    public CrashSuite(Database database, StorageTarget target, StorageObjectHandler handler, Path logDirectory) {
        this.database = database;
        this.target = target;
        this.handler = handler;
        this.logDirectory = logDirectory;
    }

    public CaseResult run(String ns, int events, int kills, long seed) throws IOException, InterruptedException {
        return run(ns, events, 1, Settings.DEFAULT_CHUNK_SIZE, kills, seed);
    }

    /**
     * As {@link #run(String, int, int, long)} with the events in NDJSON objects of up to {@code maxItems} items,
     * delivered by children whose runtimes run {@code chunkSize} items per unit of work: kills land inside chunks,
     * between chunks and between objects.
     */
    public CaseResult run(String ns, int events, int maxItems, int chunkSize, int killCount, long seed)
            throws IOException, InterruptedException {
        Random random = new Random(seed);
        List<Events.Event> all = Events.generate(ns, events, ACCOUNTS, seed);
        List<StorageObject> objects = new ArrayList<>();
        if (maxItems > 1) {
            Events.batches(ns, all, maxItems, seed).forEach(batch -> objects.add(batch.object()));
        } else {
            all.forEach(event -> objects.add(event.object()));
        }
        Kills kills = new Kills();
        for (int run = 0; run < killCount; run++) {
            int killAfter = random.nextInt(Math.max(1, objects.size() / 3));
            long pauseMillis = random.nextInt(25);
            kills.add(run, runChild(ns, events, seed, 1 + run % 1000, random.nextLong(), killAfter, pauseMillis,
                    run, maxItems, chunkSize, "tenant-a", 0));
        }
        kills.requireHalfOf(killCount, "mid-run");
        Deliverer deliverer = redeliver(objects, kills.problems);
        String what = maxItems > 1 ? "crash, objects of 1-" + maxItems + " items: " : "crash: ";
        return result(what + kills.killed + " SIGKILLs, then redelivery", ns, all, kills, deliverer);
    }

    /**
     * Kills placed between the commits of two databases: tenant C's topics live in a second database (the data
     * source of {@link Fixture#installSecondDatabase}), a child's units of work commit it first and wait in that
     * window at a random early commit, where the child is killed with SIGKILL: the data committed with its done
     * marks, the ledger row did not. Children alternate between one item per unit and chunks of
     * {@code chunkSize}. Then every object is delivered again here (chunks of this suite's runtime), and the data
     * database (this suite's target) must equal one clean delivery of each event, with nothing dead-lettered.
     */
    public CaseResult runBetweenCommits(String ns, int events, int maxItems, int chunkSize, int killCount,
                                        long seed)
            throws IOException, InterruptedException {
        Random random = new Random(seed);
        List<Events.Event> all = Events.generate(ns, events, ACCOUNTS, seed, Fixture.PAT_ADMIN_C);
        List<StorageObject> objects = new ArrayList<>();
        Events.batches(ns, all, maxItems, seed).forEach(batch -> objects.add(batch.object()));
        Kills kills = new Kills();
        for (int run = 0; run < killCount; run++) {
            int pauseAt = 1 + random.nextInt(3);
            kills.add(run, runChild(ns, events, seed, 1 + run % 1000, random.nextLong(), 0, 0, run, maxItems,
                    run % 2 == 0 ? 1 : chunkSize, "tenant-c", pauseAt));
        }
        kills.requireHalfOf(killCount, "between commits");
        Deliverer deliverer = redeliver(objects, kills.problems);
        if (deliverer.deadLettered() > 0) {
            kills.problems.add(deliverer.deadLettered()
                    + " objects dead-lettered (one data database: never in doubt)");
        }
        return result("2-database crash between commits: " + kills.killed + " SIGKILLs, redelivery", ns, all, kills,
                deliverer);
    }

    /** The children of a case: how many were killed, the items they reported, and what went wrong otherwise. */
    private static final class Kills {
        int killed;
        long deliveries;
        final List<String> problems = new ArrayList<>();

        void add(int run, ChildRun child) {
            deliveries += child.itemsReported();
            if (child.killed()) {
                killed++;
            } else if (child.exitCode() != 0 && problems.size() < 5) {
                problems.add("child " + run + " exited " + child.exitCode() + " before it was killed (log: "
                        + child.log() + ")");
            }
        }

        void requireHalfOf(int killCount, String where) {
            if (killed < killCount / 2) {
                problems.add("only " + killed + " of " + killCount + " children were killed " + where);
            }
        }
    }

    /** Every object delivered again by this suite's runtime (the redelivery after the kills). */
    private Deliverer redeliver(List<StorageObject> objects, List<String> problems) {
        Deliverer deliverer = new Deliverer(handler, 100);
        for (StorageObject object : objects) {
            deliverer.deliver(object);
        }
        problems.addAll(deliverer.problems());
        return deliverer;
    }

    private CaseResult result(String what, String ns, List<Events.Event> all, Kills kills, Deliverer deliverer) {
        Verifier.Verdict verdict = Verifier.verify(target, ns, all);
        List<String> details = new ArrayList<>(kills.problems);
        details.addAll(verdict.examples());
        return new CaseResult(what, kills.killed + kills.deliveries + deliverer.attempts(), verdict.lost(),
                verdict.duplicated(), deliverer.deadLettered(), verdict.wrong(), details);
    }

    private record ChildRun(boolean killed, int exitCode, long itemsReported, Path log) {
    }

    private ChildRun runChild(String ns, int events, long seed, int workerId, long orderSeed, int killAfter,
                              long pauseMillis, int run, int maxItems, int chunkSize, String tenant,
                              int pauseAt) throws IOException, InterruptedException {
        Path log = logDirectory.resolve("crash-child-" + run + ".log");
        // Serial GC and C1 only: the child lives seconds, so start-up time is what counts.
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classPath(),
                CrashWorker.class.getName(), ns, Integer.toString(events), Integer.toString(ACCOUNTS),
                Long.toString(seed), Integer.toString(workerId), Long.toString(orderSeed), Integer.toString(maxItems),
                Integer.toString(chunkSize), tenant, Integer.toString(pauseAt));
        builder.environment().put(CrashWorker.URL_VARIABLE, database.jdbcUrl());
        builder.environment().put(CrashWorker.USER_VARIABLE, database.user() == null ? "" : database.user());
        builder.environment().put(CrashWorker.PASSWORD_VARIABLE,
                database.password() == null ? "" : database.password());
        builder.redirectError(log.toFile());
        Process process = builder.start();
        long reported = 0;
        boolean killed = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            boolean ready = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                boolean window = line.equals("window");
                if (line.equals("ready")) {
                    ready = true;
                } else if (line.startsWith("done ")) {
                    reported++;
                }
                // a child told to pause between commits is killed there, and only there
                if (ready && (pauseAt > 0 ? window : reported >= killAfter)) {
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                    if (process.isAlive()) {
                        process.destroyForcibly();
                        killed = true;
                    }
                    break;
                }
            }
        } finally {
            if (!process.waitFor(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
        int exitCode = process.exitValue();
        // A child that finished on its own before the kill landed is not counted as killed.
        boolean reallyKilled = killed && exitCode != 0;
        if (reallyKilled || exitCode == 0) {
            Files.deleteIfExists(log); // kept only when a child failed on its own
        }
        return new ChildRun(reallyKilled, exitCode, reported, log);
    }

    private static String javaCommand() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** The same class path as this JVM (under Surefire, its test class path). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
