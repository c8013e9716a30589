package io.watchmen.bench;

import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.TopicTables;
import io.watchmen.core.trigger.CoreRuntime;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.function.UnaryOperator;
import java.util.List;

/**
 * The benchmark's own small cascade, created in the target database: a raw order topic, a distinct order topic
 * (insert-or-merge by order number) and an aggregate customer topic (sum, avg, count), plus the monitor-log topic.
 */
final class BenchFixture implements AutoCloseable {

    static final String TENANT = "bench";
    static final String PAT = "bench-pat-xxxxxxxxxxxx";
    static final List<String> TABLES = List.of("topic_bench_raw_order", "topic_bench_order", "topic_bench_customer",
            "topic_raw_pipeline_monitor_log", "topic_bench_batch_in", "topic_bench_batch_row");

    final String jdbcUrl;
    final CoreRuntime runtime;
    final StorageTarget meta;
    final List<Topic> topics;

    private BenchFixture(String jdbcUrl, CoreRuntime runtime) {
        this.jdbcUrl = jdbcUrl;
        this.runtime = runtime;
        this.meta = runtime.registry().meta();
        this.topics = read("topics.json", Topic[].class);
    }

    static BenchFixture open(String jdbcUrl, String user, String password, int poolSize) {
        return open(jdbcUrl, user, password, poolSize, true);
    }

    /** With {@code install} false the fixture's metadata and tables must exist already. */
    static BenchFixture open(String jdbcUrl, String user, String password, int poolSize, boolean install) {
        return open(jdbcUrl, user, password, poolSize, install, 1, UnaryOperator.identity());
    }

    /**
     * A runtime of its own on the fixture's database: {@code workerId} must differ from every other runtime open at
     * the same time (their snowflake ids would collide), {@code tuning} adjusts its settings.
     */
    static BenchFixture open(String jdbcUrl, String user, String password, int poolSize, boolean install,
                             int workerId, UnaryOperator<Settings> tuning) {
        Settings settings = Settings.forJdbcUrl(jdbcUrl, user, password);
        settings = settings.withSnowflake(new Settings.Snowflake(0, workerId, false, false,
                settings.snowflake().heartBeatInterval(), 3, false));
        settings = new Settings(settings.meta(), new Settings.Pool(poolSize, settings.pool().connectionTimeout(),
                settings.pool().maxLifetime()), settings.snowflake(), settings.crypto(), settings.preparation(),
                settings.pipelines(), settings.caches(), settings.triggers());
        BenchFixture fixture = new BenchFixture(jdbcUrl, CoreRuntime.create(tuning.apply(settings)));
        if (install) {
            fixture.install();
        }
        return fixture;
    }

    private void install() {
        MetaSchema.createIfAbsent(meta.dataSource());
        MetadataWriter writer = new MetadataWriter(meta.dataSource());
        LocalDateTime now = LocalDateTime.now().withNano(0);
        writer.saveTenant(new Tenant(TENANT, "Bench", false, now, "bench", now, "bench", 1L));
        writer.saveUser(new User("bench-admin", "bench-admin", "Bench", true, List.of(), UserRole.ADMIN, TENANT,
                null, now, "bench", now, "bench", 1L));
        writer.savePat(new PersonalAccessToken("bench-pat", "bench-admin", "bench-admin", TENANT, "benchmark",
                null, List.of(), now), PAT);
        for (Topic topic : topics) {
            writer.saveTopic(topic);
            TopicTables.createIfAbsent(runtime.registry().forTopic(topic), topic);
        }
        for (Pipeline pipeline : read("pipelines.json", Pipeline[].class)) {
            writer.savePipeline(pipeline);
        }
    }

    /** The delivery ledger's tables (created on first use): emptied with the topics, as a purge would. */
    static final List<String> LEDGER_TABLES = List.of("wmx_delivery_ledger", "wmx_failed_deliveries");

    /**
     * Empties the topic tables and the delivery ledger so every round starts alike: a ledger left to grow over
     * rounds (hundreds of thousands of rows after a few batch rounds) made later rounds slower than earlier ones.
     */
    void reset() {
        try (Connection connection = meta.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            // the registry's pools hand out connections with auto-commit off: commit each table, so an absent
            // ledger table below rolls back only its own statement
            for (String table : TABLES) {
                statement.execute("DELETE FROM " + table);
                commit(connection);
            }
            for (String table : LEDGER_TABLES) {
                try {
                    statement.execute("DELETE FROM " + table);
                    commit(connection);
                } catch (SQLException absent) {
                    // not created yet: nothing was delivered
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the bench tables: " + e.getMessage(), e);
        }
    }

    /** One NDJSON object of {@code items} batch items. */
    static byte[] batchObject(String prefix, int items) {
        StringBuilder text = new StringBuilder(items * 96);
        for (int i = 0; i < items; i++) {
            text.append("{\"code\":\"bench_batch_in\",\"pat\":\"").append(PAT).append("\",\"data\":{\"itemNo\":\"")
                    .append(prefix).append('-').append(i).append("\",\"amount\":").append(i % 100).append(".5}}\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Forgets every delivery (footprint: on in-memory H2 the ledger's rows live in this heap). */
    void resetLedger() {
        try (Connection connection = meta.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM wmx_delivery_ledger");
            commit(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the ledger: " + e.getMessage(), e);
        }
    }

    static byte[] orderObject(String orderNo, String customerId, String amount) {
        return ("{\"code\":\"bench_raw_order\",\"pat\":\"" + PAT + "\",\"data\":{\"orderNo\":\"" + orderNo
                + "\",\"customerId\":\"" + customerId + "\",\"amount\":" + amount + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> read(String resource, Class<T[]> type) {
        try (var in = BenchFixture.class.getResourceAsStream(resource)) {
            return List.of(WatchmenJson.mapper().readValue(in, type));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read bench resource " + resource, e);
        }
    }

    /**
     * Closes the runtime; an in-memory H2 database (kept open by {@code DB_CLOSE_DELAY=-1}) is shut down first, so
     * that its rows leave this heap: the footprint scenario measures the heap of the same JVM after the others.
     */
    @Override
    public void close() {
        try {
            if (jdbcUrl.startsWith("jdbc:h2:mem:")) {
                try (Connection c = meta.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    // 90121: the connection's own close finds the database closed, as it should be
                    if (e.getErrorCode() != 90121) {
                        throw new IllegalStateException("Cannot shut the in-memory database down: " + jdbcUrl, e);
                    }
                }
            }
        } finally {
            runtime.close();
        }
    }
}
