package io.watchmen.core.trigger;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.ExternalWriters;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.pipeline.Pipeline;
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
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A test database with the fixtures of {@code ChunkedDeliveryTest/}: tenant, PAT, an event topic whose two pipelines
 * insert a fact and accumulate a customer total, the monitor-log topic, their tables; and runtimes on it with a
 * given chunk size. Reads the tables back directly, in insertion order.
 */
final class ChunkWorld implements AutoCloseable {

    static final String PAT = "chunk-pat-token";

    final TestDb db;
    private final List<CoreRuntime> runtimes = new ArrayList<>();

    ChunkWorld(TestDatabase database, String hint) {
        this.db = database.create(hint);
        try {
            MetaSchema.createIfAbsent(db.dataSource());
            MetadataWriter writer = writer();
            writer.saveTenant(new Tenant("T1", "Tenant one", false, null, null, null, null, 1L));
            writer.saveUser(new User("U1", "admin", "Admin", true, List.of(), UserRole.ADMIN, "T1", null, null, null,
                    null, null, 1L));
            writer.savePat(new PersonalAccessToken("P1", "U1", "admin", "T1", "chunks", null, List.of(), null), PAT);
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

    MetadataWriter writer() {
        return new MetadataWriter(db.dataSource());
    }

    CoreRuntime runtime(int chunkSize) {
        return runtime(chunkSize, null, UnaryOperator.identity());
    }

    /** A runtime with chunks of {@code chunkSize} items, other external writers and a wrapper of chunk units. */
    CoreRuntime runtime(int chunkSize, ExternalWriters writers, UnaryOperator<UnitOfWork> chunkUnits) {
        Settings base = Settings.forJdbcUrl(db.jdbcUrl(), db.user(), db.password());
        Settings.Snowflake snowflake = base.snowflake();
        Settings settings = new Settings(base.meta(), new Settings.Pool(8, Duration.ofSeconds(30),
                base.pool().maxLifetime()), new Settings.Snowflake(0, 7, false, false, snowflake.heartBeatInterval(),
                snowflake.creationRetryTimes(), false), base.crypto(), base.preparation(), base.pipelines(),
                base.caches(), base.triggers().withChunkSize(chunkSize));
        CoreRuntime runtime = CoreRuntime.create(settings, Clock.systemDefaultZone(), writers, chunkUnits);
        runtimes.add(runtime);
        return runtime;
    }

    static StorageObject object(String name) {
        return object(name, fixture(name));
    }

    static StorageObject object(String name, byte[] content) {
        return new StorageObject(new ObjectRef("mem", "bucket", "in/" + name, "v1", content.length), content);
    }

    /** {@code count} good orders of five customers, one NDJSON line each. */
    static byte[] orders(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("{\"pat\": \"").append(PAT).append("\", \"code\": \"order_event\", \"data\": {\"order_id\": \"o-")
                    .append(i).append("\", \"customer\": \"c-").append(i % 5).append("\", \"amount\": ").append(i)
                    .append(".5, \"qty\": \"").append(i % 7).append("\"}}\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) {
        try (InputStream in = ChunkWorld.class.getResourceAsStream("ChunkedDeliveryTest/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of a query, each value as text (numbers as the database prints them). */
    List<List<String>> rows(String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** What an object's delivery leaves, without ids, times and trace ids. */
    record Tables(List<List<String>> events, List<List<String>> facts, List<List<String>> totals,
                  List<List<String>> logs, List<List<String>> ledger) {
    }

    Tables tables() throws Exception {
        return new Tables(rows("SELECT order_id, customer, amount, qty FROM topic_order_event ORDER BY id_"),
                rows("SELECT order_id, note, qty FROM topic_order_fact ORDER BY id_"),
                rows("SELECT customer, total, orders, version_ FROM topic_customer_total ORDER BY id_"),
                rows("SELECT pipelineid, topicid, status FROM topic_raw_pipeline_monitor_log ORDER BY id_"),
                rows("SELECT item_index, status FROM wmx_delivery_ledger ORDER BY item_index"));
    }

    @Override
    public void close() throws Exception {
        try {
            for (CoreRuntime runtime : runtimes) {
                runtime.close();
            }
        } finally {
            db.close();
        }
    }
}
