package io.watchmen.reliability;

import io.watchmen.core.config.Secret;
import io.watchmen.core.config.Settings;
import io.watchmen.core.storage.DataSourceRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The database a suite runs on, and the runtime settings for it. Every runtime of the suites keeps its ledger,
 * metadata and topic data in this one database (topics without a data source id live in the meta database).
 */
public record Database(String jdbcUrl, String user, String password) {

    /** Pool size of a runtime: enough for the suites' threads, so pool waits do not stand in for contention. */
    public static final int POOL_SIZE = 20;

    public boolean isH2Memory() {
        return jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    /**
     * Runtime settings: a fixed snowflake worker id (each JVM of a suite gets its own, so ids never collide),
     * {@code maxAttempts} before a transient failure is dead-lettered, and the object size limit.
     */
    public Settings settings(int workerId, int maxAttempts, long maxObjectBytes) {
        return settings(workerId, maxAttempts, maxObjectBytes, Settings.DEFAULT_CHUNK_SIZE);
    }

    /** As {@link #settings(int, int, long)}, with {@code chunkSize} items of an object per unit of work. */
    public Settings settings(int workerId, int maxAttempts, long maxObjectBytes, int chunkSize) {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.PREFIX + "META_JDBC_URL", jdbcUrl);
        if (user != null) {
            env.put("META_STORAGE_USER_NAME", user);
        }
        env.put("META_STORAGE_PASSWORD", password == null ? "" : password);
        env.put(Settings.PREFIX + "POOL_MAX_SIZE", Integer.toString(POOL_SIZE));
        env.put(Settings.PREFIX + "MAX_ATTEMPTS", Integer.toString(maxAttempts));
        env.put(Settings.PREFIX + "MAX_OBJECT_BYTES", Long.toString(maxObjectBytes));
        env.put(Settings.PREFIX + "TRIGGER_CHUNK_SIZE", Integer.toString(chunkSize));
        env.put("SNOWFLAKE_COMPETITIVE_WORKERS", "false");
        env.put("SNOWFLAKE_WORKER_ID", Integer.toString(workerId));
        // The suites check data, not monitor logs; errors are still logged.
        env.put("PIPELINE_ERROR_HANDLE_MONITOR_LOG", "true");
        return Settings.fromEnvironment(env);
    }

    /** A registry of its own for fixtures and checks (not the runtime's). */
    public DataSourceRegistry registry() {
        Settings.Pool pool = new Settings.Pool(4, java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(1));
        return new DataSourceRegistry(jdbcUrl, user, Secret.of(password == null ? "" : password), pool,
                (id, tenant) -> Optional.empty());
    }

    @Override
    public String toString() {
        return "Database[" + jdbcUrl + ", user=" + user + "]";
    }
}
