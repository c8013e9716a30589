package io.watchmen.samples.testing;

import io.watchmen.core.config.Settings;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.DeadLetter;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.samples.SampleInstaller;
import io.watchmen.samples.Samples;
import io.watchmen.samples.TopicRows;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * For the adapters' tests: the real core behind an adapter: a fresh test database with the sample topics, pipelines and PAT installed, and
 * a {@link FunctionRuntime} built the way {@link FunctionRuntime#fromEnvironment()} builds it, from the function's
 * environment variables (here a map naming the test database).
 */
public final class SampleCore implements AutoCloseable {

    private final TestDb db;
    public final FunctionRuntime runtime;

    private SampleCore(TestDb db, FunctionRuntime runtime) {
        this.db = db;
        this.runtime = runtime;
    }

    /** A fresh database of that kind (skipped when its server is not configured) with the samples installed. */
    public static SampleCore start(TestDatabase database, String hint) {
        return start(database, hint, Map.of());
    }

    /** As {@link #start(TestDatabase, String)}, with more (or other) environment variables. */
    public static SampleCore start(TestDatabase database, String hint, Map<String, String> variables) {
        TestDb db = database.create(hint);
        Map<String, String> env = environment(db.jdbcUrl(), db.user(), db.password());
        env.putAll(variables);
        FunctionRuntime runtime = fromEnvironment(env);
        SampleInstaller.install((CoreRuntime) runtime.handler(), false);
        return new SampleCore(db, runtime);
    }

    /** What a deployment sets: the meta database and a fixed snowflake worker (no lease to claim in tests). */
    public static Map<String, String> environment(String jdbcUrl, String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("WATCHMEN_META_JDBC_URL", jdbcUrl);
        env.put("META_STORAGE_USER_NAME", user);
        env.put("META_STORAGE_PASSWORD", password == null ? "" : password);
        env.put("SNOWFLAKE_COMPETITIVE_WORKERS", "false");
        env.put("SNOWFLAKE_WORKER_ID", "7");
        // the first connection of a test JVM loads the driver and the pool: 1 s was too short on a loaded machine
        env.put("WATCHMEN_POOL_CONNECTION_TIMEOUT_MS", "10000");
        return env;
    }

    public static FunctionRuntime fromEnvironment(Map<String, String> env) {
        return new FunctionRuntime(() -> CoreRuntime.create(Settings.fromEnvironment(env)), Clock.systemUTC());
    }

    /** A runtime whose meta database is a MariaDB URL on a port nothing listens on: every call fails (transient). */
    public static FunctionRuntime unreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = environment("jdbc:mariadb://127.0.0.1:" + port + "/watchmen", "root", "");
        env.put("WATCHMEN_POOL_CONNECTION_TIMEOUT_MS", "1000"); // refused at once; only the pool's wait remains
        return fromEnvironment(env);
    }

    public String jdbcUrl() {
        return db.jdbcUrl();
    }

    public String user() {
        return db.user();
    }

    public String password() {
        return db.password() == null ? "" : db.password();
    }

    public CoreRuntime core() {
        return (CoreRuntime) runtime.handler();
    }

    /** The {@code orderNo} of every row of a sample topic, in table order. */
    public List<String> orderNos(String topicName) {
        Topic topic = Samples.topic(topicName);
        return TopicRows.read(core().registry().forTopic(topic), topic).stream()
                .map(row -> Objects.toString(row.get("orderNo"), null)).toList();
    }

    public List<DeadLetter> deadLetters() {
        return core().deadLetters().list(100);
    }

    /** The bytes of a sample object, e.g. {@code 001-order-SO-1001.json}. */
    public static byte[] sample(String name) {
        return Samples.bytes("objects/" + name);
    }

    /** A sample object whose PAT no user has: the core must reject it permanently. */
    public static byte[] withUnknownPat(String name) {
        String text = new String(sample(name), StandardCharsets.UTF_8);
        return text.replace(Samples.patToken(), "wmpat-nobody-has-this-token").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try {
            runtime.close();
        } finally {
            db.close();
        }
    }
}
