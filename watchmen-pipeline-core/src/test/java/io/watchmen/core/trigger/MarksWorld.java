package io.watchmen.core.trigger;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.TopicTables;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A meta database and two data databases, as in a Watchmen deployment with separate data: data sources
 * {@code ds-a} and {@code ds-b}; {@code order_event} in ds-a, whose pipeline inserts into {@code order_fact} in
 * ds-b; {@code local_event} and the monitor logs in the meta database (fixtures of {@code DeliveryMarksTest/}).
 */
final class MarksWorld implements AutoCloseable {

    static final String PAT = "marks-pat-token";

    final TestDb meta;
    final TestDb dataA;
    final TestDb dataB;
    private final List<CoreRuntime> runtimes = new ArrayList<>();

    MarksWorld(TestDatabase database, String hint) {
        this(database, hint, false);
    }

    /** With {@code oneDataDatabase}, ds-b is a second data source row on ds-a's database ({@link #dataB} unused). */
    MarksWorld(TestDatabase database, String hint, boolean oneDataDatabase) {
        this.meta = database.create(hint + "meta");
        this.dataA = database.create(hint + "a");
        this.dataB = database.create(hint + "b");
        try {
            MetaSchema.createIfAbsent(meta.dataSource());
            MetadataWriter writer = new MetadataWriter(meta.dataSource());
            writer.saveTenant(new Tenant("T1", "Tenant one", false, null, null, null, null, 1L));
            writer.saveUser(new User("U1", "admin", "Admin", true, List.of(), UserRole.ADMIN, "T1", null, null, null,
                    null, null, 1L));
            writer.savePat(new PersonalAccessToken("P1", "U1", "admin", "T1", "marks", null, List.of(), null), PAT);
            writer.saveDataSource(dataSource("ds-a", dataA));
            writer.saveDataSource(dataSource("ds-b", oneDataDatabase ? dataA : dataB));
            List<Topic> topics = WatchmenJson.mapper().readValue(fixture("topics.json"), new TypeReference<>() {
            });
            topics.forEach(writer::saveTopic);
            List<Pipeline> pipelines = WatchmenJson.mapper().readValue(fixture("pipelines.json"),
                    new TypeReference<>() {
                    });
            pipelines.forEach(writer::savePipeline);
            try (CoreRuntime runtime = runtime(1)) {
                for (Topic topic : topics) {
                    TopicTables.createIfAbsent(runtime.registry().forTopic(topic), topic);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataSource dataSource(String id, TestDb db) {
        return new DataSource(id, id, db.kind().name().toLowerCase(), null, null, db.user(), db.password(), null,
                db.jdbcUrl(), List.of(), "T1", null, null, null, null, 1L);
    }

    CoreRuntime runtime(int chunkSize) {
        return runtime(chunkSize, UnaryOperator.identity());
    }

    /** A runtime with chunks of {@code chunkSize} items whose units of work (single and chunk) are wrapped. */
    CoreRuntime runtime(int chunkSize, UnaryOperator<UnitOfWork> units) {
        return runtime(chunkSize, units, Clock.systemDefaultZone());
    }

    CoreRuntime runtime(int chunkSize, UnaryOperator<UnitOfWork> units, Clock clock) {
        Settings base = Settings.forJdbcUrl(meta.jdbcUrl(), meta.user(), meta.password());
        Settings.Snowflake snowflake = base.snowflake();
        Settings settings = new Settings(base.meta(), new Settings.Pool(8, Duration.ofSeconds(30),
                base.pool().maxLifetime()), new Settings.Snowflake(0, 7, false, false, snowflake.heartBeatInterval(),
                snowflake.creationRetryTimes(), false), base.crypto(), base.preparation(), base.pipelines(),
                base.caches(), base.triggers().withChunkSize(chunkSize));
        CoreRuntime runtime = CoreRuntime.create(settings, clock, null, units, units);
        runtimes.add(runtime);
        return runtime;
    }

    /** A runtime whose commits die after the first {@code dataSourceCommits} data sources committed. */
    CoreRuntime crashingRuntime(int chunkSize, int dataSourceCommits) {
        return runtime(chunkSize, unit -> new CrashBetweenCommits(unit, "meta", dataSourceCommits));
    }

    /** {@code count} orders {@code o-<from>...}, one NDJSON line each, as one object. */
    static StorageObject orders(String name, int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            text.append("{\"pat\": \"").append(PAT).append("\", \"code\": \"order_event\", \"data\": {\"order_id\":")
                    .append(" \"o-").append(i).append("\", \"amount\": ").append(i).append(".5}}\n");
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        return new StorageObject(new ObjectRef("mem", "bucket", "in/" + name, "v1", content.length), content);
    }

    static StorageObject local(String name) {
        byte[] content = ("{\"pat\": \"" + PAT + "\", \"code\": \"local_event\", \"data\": {\"order_id\": \"l-1\"}}")
                .getBytes(StandardCharsets.UTF_8);
        return new StorageObject(new ObjectRef("mem", "bucket", "in/" + name, "v1", content.length), content);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = MarksWorld.class.getResourceAsStream("DeliveryMarksTest/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first column of every row of a query, as text. */
    static List<String> column(TestDb db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Whether the database has a table of that (unquoted) name. */
    static boolean hasTable(TestDb db, String table) {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    List<String> orderIds() throws SQLException {
        return column(dataA, "SELECT order_id FROM topic_order_event ORDER BY order_id");
    }

    List<String> factIds() throws SQLException {
        return column(dataB, "SELECT order_id FROM topic_order_fact ORDER BY order_id");
    }

    static List<String> marks(TestDb db) throws SQLException {
        return column(db, "SELECT trace_id FROM wmx_delivery_marks ORDER BY delivery_key, data_source");
    }

    List<String> ledger() throws SQLException {
        return column(meta, "SELECT trace_id FROM wmx_delivery_ledger ORDER BY item_index");
    }

    @Override
    public void close() throws Exception {
        try {
            for (CoreRuntime runtime : runtimes) {
                runtime.close();
            }
        } finally {
            try {
                meta.close();
            } finally {
                try {
                    dataA.close();
                } finally {
                    dataB.close();
                }
            }
        }
    }
}
