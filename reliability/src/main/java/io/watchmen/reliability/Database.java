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

    /** The data source type Watchmen would record for this database. */
    public String type() {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        return jdbcUrl.startsWith("jdbc:h2:") ? "h2" : "mysql";
    }

    /**
     * A second database on the same server (same user), named after this one with {@code suffix}, created when
     * absent: for topics in a data source of their own. An H2 file database gets a file beside this one.
     */
    public Database sibling(String suffix) {
        if (!suffix.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("suffix " + suffix);
        }
        int query = firstOf(jdbcUrl, jdbcUrl.startsWith("jdbc:h2:") ? ";" : "?");
        String base = jdbcUrl.substring(0, query);
        String rest = jdbcUrl.substring(query);
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return new Database(base + suffix + rest, user, password);
        }
        int slash = base.lastIndexOf('/');
        String name = base.substring(slash + 1) + suffix;
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Cannot derive a second database from the name in " + this);
        }
        Database sibling = new Database(base.substring(0, slash + 1) + name + rest, user, password);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, user,
                password == null ? "" : password);
             java.sql.Statement statement = connection.createStatement()) {
            if (type().equals("postgresql")) {
                try (java.sql.PreparedStatement select = connection.prepareStatement(
                        "SELECT 1 FROM pg_database WHERE datname = ?")) {
                    select.setString(1, name);
                    try (java.sql.ResultSet exists = select.executeQuery()) {
                        if (!exists.next()) {
                            statement.execute("CREATE DATABASE " + name); // checked against [A-Za-z0-9_]+ above
                        }
                    }
                }
            } else {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create the second database " + name + ": " + e.getMessage(), e);
        }
        return sibling;
    }

    private static int firstOf(String text, String separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text.length() : at;
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
