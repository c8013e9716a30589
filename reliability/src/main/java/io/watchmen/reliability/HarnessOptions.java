package io.watchmen.reliability;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link ReliabilityHarness}; every size has the default and a flag to shrink it.
 * {@code objectEvents} events in NDJSON objects of up to {@code objectItems} items exercise chunks of
 * {@code chunkSize} items (the runtime's default) under concurrency and kills.
 */
record HarnessOptions(String db, String dbUser, String dbPassword, int sequential, int concurrent, int threads,
                      int replays, int replayPool, int kills, int crashEvents, int contentionThreads,
                      int contentionObjects, int accounts, long bigObjectBytes, long maxObjectBytes,
                      int nestingDepth, int longStringChars, int objectEvents, int objectItems, int chunkSize,
                      Set<String> skip, long seed) {

    static final String USAGE = """
            usage: ReliabilityHarness --db <jdbc-url> [--db-user U] [--db-password P]
              [--sequential 200] [--concurrent 100] [--threads 8] [--replays 10000] [--replay-pool 2000]
              [--kills 100] [--crash-events 300] [--contention-threads 16] [--contention-objects 500]
              [--accounts 10] [--big-mb 50] [--max-object-bytes 16777216] [--nesting 5000]
              [--long-string 4200000] [--object-events 3000] [--object-items 700] [--chunk-size 500]
              [--skip duplicates,crash,corpus,contention] [--seed 1]""";

    static HarnessOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unexpected argument " + args[i] + "\n" + USAGE);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        String db = values.remove("db");
        if (db == null || db.isBlank()) {
            throw new IllegalArgumentException("--db is required\n" + USAGE);
        }
        HarnessOptions options = new HarnessOptions(db, values.remove("db-user"), values.remove("db-password"),
                integer(values, "sequential", 200), integer(values, "concurrent", 100), integer(values, "threads", 8),
                integer(values, "replays", 10_000), integer(values, "replay-pool", 2_000),
                integer(values, "kills", 100), integer(values, "crash-events", 300),
                integer(values, "contention-threads", 16), integer(values, "contention-objects", 500),
                integer(values, "accounts", 10), integer(values, "big-mb", 50) * 1024L * 1024L,
                Long.parseLong(values.getOrDefault("max-object-bytes", Long.toString(16L * 1024 * 1024))),
                integer(values, "nesting", 5_000), integer(values, "long-string", 4_200_000),
                integer(values, "object-events", 3_000), integer(values, "object-items", 700),
                integer(values, "chunk-size", io.watchmen.core.config.Settings.DEFAULT_CHUNK_SIZE),
                Set.of(values.getOrDefault("skip", "").split(",")), Long.parseLong(values.getOrDefault("seed", "1")));
        values.remove("max-object-bytes");
        values.remove("skip");
        values.remove("seed");
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + values.keySet() + "\n" + USAGE);
        }
        return options;
    }

    private static int integer(Map<String, String> values, String name, int defaultValue) {
        String value = values.remove(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    boolean runs(String suite) {
        return !skip.contains(suite);
    }
}
