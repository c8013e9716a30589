package io.watchmen.core.kernel.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.auth.Principal;
import io.watchmen.core.config.Secret;
import io.watchmen.core.config.Settings;
import io.watchmen.core.id.SnowflakeGenerator;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.ExternalWriters;
import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineKernel;
import io.watchmen.core.kernel.action.ActionServices;
import io.watchmen.core.meta.JdbcMetadataService;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.pipeline.PipelineTriggerData;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.schema.SchemaContext;
import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.storage.JdbcTopicDataService;
import io.watchmen.core.storage.TopicTables;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.core.value.DateTimeParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's section 6 world on a real database, wired like the product: metadata written by {@link MetadataWriter}
 * into {@link MetaSchema} tables and read by {@link JdbcMetadataService}, topic tables by {@link TopicTables}, data
 * through {@link JdbcTopicDataService}, ids from a fixed-worker {@link SnowflakeGenerator}, and every trigger in its
 * own committed unit of work.
 */
final class JdbcWorld implements AutoCloseable {

    static final String TENANT = "T1";
    static final Principal ADMIN = new Principal("u1", "admin", TENANT, UserRole.ADMIN);
    /** Timestamps are naive local time from this clock; ids use the system clock (a fixed one would stall them). */
    static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2024, 3, 20, 10, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private final TestDb db;
    private final MetadataWriter writer;
    private final JdbcMetadataService metadata;
    private final DataSourceRegistry registry;
    private final JdbcTopicDataService data;
    private final PipelineKernel kernel;
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();

    private JdbcWorld(TestDb db, Settings settings, List<Topic> allTopics) {
        this.db = db;
        MetaSchema.createIfAbsent(db.dataSource());
        this.writer = new MetadataWriter(db.dataSource(), CLOCK);
        writer.saveTenant(new Tenant(TENANT, "tenant one", false, null, null, null, null, 1L));
        writer.saveDataSource(new DataSource("ds-1", "ds1", db.kind().name().toLowerCase(), null, null, db.user(),
                db.password(), null, db.jdbcUrl(), List.of(), TENANT, null, null, null, null, 1L));
        this.metadata = new JdbcMetadataService(db.dataSource(), settings, CLOCK);
        this.registry = new DataSourceRegistry(db.jdbcUrl(), db.user(), Secret.of(db.password()), settings.pool(),
                metadata::dataSource);
        for (Topic topic : allTopics) {
            writer.saveTopic(topic);
            topics.put(topic.topicId(), topic);
            TopicTables.createIfAbsent(registry.forTopic(topic), topic);
        }
        SnowflakeGenerator ids = SnowflakeGenerator.fixed(0, 1);
        this.data = new JdbcTopicDataService(registry, ids::nextId, CLOCK);
        SchemaContext context = new SchemaContext(DateTimeParser.from(settings.preparation()),
                settings.preparation(), settings.crypto(), metadata::keyStore, ids::nextId);
        this.kernel = new PipelineKernel(metadata, data, context, settings, CLOCK, ExternalWriters.none(),
                millis -> {
                    retries.incrementAndGet();
                    ActionServices.Sleeper.THREAD.sleep(millis);
                });
    }

    /** The spec's topics (6.0) and the tenant's raw_pipeline_monitor_log topic, default settings. */
    static JdbcWorld open(TestDatabase database, String hint) throws Exception {
        return open(database, hint, settings -> settings, "[]");
    }

    /** As {@link #open(TestDatabase, String)}, with adjusted settings and extra topics (JSON, shorthand-free). */
    static JdbcWorld open(TestDatabase database, String hint, UnaryOperator<Settings> tweak, String extraTopics)
            throws Exception {
        TestDb db = database.create(hint);
        try {
            Settings settings = tweak.apply(Settings.forJdbcUrl(db.jdbcUrl(), db.user(), db.password()));
            List<Topic> all = new ArrayList<>(topicsOf(resource("topics.json")));
            all.addAll(topicsOf(extraTopics));
            return new JdbcWorld(db, settings, all);
        } catch (RuntimeException | Error failure) {
            db.close();
            throw failure;
        }
    }

    private static List<Topic> topicsOf(String json) {
        return read(json.replace("\"dataSourceId\"", "\"tenantId\": \"T1\", \"version\": 1, \"dataSourceId\""),
                new TypeReference<>() { });
    }

    /** Saves pipelines written with the spec's shorthands TF(t,f) and C(v) through the metadata writer. */
    JdbcWorld pipelines(String json) {
        String expanded = expand(json.trim());
        for (Pipeline p : read(expanded.startsWith("[") ? expanded : "[" + expanded + "]",
                new TypeReference<List<Pipeline>>() { })) {
            // pipelines.name is NOT NULL in Watchmen's schema; the spec's examples mostly omit it
            String name = p.name() == null ? p.pipelineId() : p.name();
            writer.savePipeline(new Pipeline(p.pipelineId(), p.topicId(), name, p.type(), p.stages(),
                    p.enabled(), p.validated(), p.conditional(), p.on(), TENANT, null, null, null, null, 1L));
        }
        metadata.invalidateAll();
        return this;
    }

    /** Pipelines from a resource of this package (the spec's JSON, shorthands allowed). */
    JdbcWorld pipelinesFrom(String resourceName) {
        return pipelines(resource(resourceName));
    }

    InvocationResult trigger(String code, PipelineTriggerType type, String dataJson) {
        try (UnitOfWork work = registry.newUnitOfWork()) {
            InvocationResult result = trigger(work, code, type, dataJson);
            work.commit();
            return result;
        }
    }

    /** A trigger in the caller's unit of work, which the caller commits or not. */
    InvocationResult trigger(UnitOfWork work, String code, PipelineTriggerType type, String dataJson) {
        Map<String, Object> payload = read(dataJson, new TypeReference<>() { });
        return kernel.tryToInvokePipelines(new PipelineTriggerData(code, payload, type, null),
                "trace-" + System.nanoTime(), ADMIN, work);
    }

    UnitOfWork begin() {
        return registry.newUnitOfWork();
    }

    InvocationResult insert(String dataJson) {
        return trigger("order_event", PipelineTriggerType.INSERT, dataJson);
    }

    /** Inserts an existing row through the data service, as the spec's "existing rows" are set up. */
    Map<String, Object> seed(String topicId, Map<String, Object> values) {
        try (UnitOfWork work = registry.newUnitOfWork()) {
            Map<String, Object> row = data.insertRow(work, topic(topicId), new LinkedHashMap<>(values), TENANT);
            work.commit();
            return row;
        }
    }

    /** Updates a row as given, without the optimistic-lock criterion (to set up version_ and assist). */
    void update(String topicId, Map<String, Object> row) {
        try (UnitOfWork work = registry.newUnitOfWork()) {
            data.updateRow(work, topic(topicId), row, null, TENANT);
            work.commit();
        }
    }

    /** The topic's rows in insertion order (snowflake ids of one generator grow). */
    List<Map<String, Object>> rows(String topicId) {
        try (UnitOfWork work = registry.newUnitOfWork()) {
            return rows(work, topicId);
        }
    }

    /** The topic's rows as the given unit of work sees them. */
    List<Map<String, Object>> rows(UnitOfWork work, String topicId) {
        List<Map<String, Object>> rows = new ArrayList<>(data.find(work, topic(topicId),
                new CriteriaJoint(ParameterJointType.AND, List.of()), TENANT));
        rows.sort(Comparator.comparingLong(r -> ((Number) r.get("id_")).longValue()));
        return rows;
    }

    List<Object> column(String topicId, String factor) {
        return rows(topicId).stream().map(r -> r.get(factor)).toList();
    }

    List<Object> messages() {
        return column("tp-audit", "message");
    }

    /**
     * The monitor logs as stored, read by SQL from topic_raw_pipeline_monitor_log in insertion order: the data_
     * document, checked against the flattened status and pipelineId columns.
     */
    List<Map<String, Object>> logs() {
        List<Map<String, Object>> logs = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT data_, status, pipelineid FROM topic_raw_pipeline_monitor_log ORDER BY id_")) {
            while (rs.next()) {
                Map<String, Object> log = read(rs.getString(1), new TypeReference<>() { });
                if (!String.valueOf(log.get("status")).equals(rs.getString(2))
                        || !String.valueOf(log.get("pipelineId")).equals(rs.getString(3))) {
                    throw new AssertionError("Flattened columns differ from data_: " + rs.getString(2) + ", "
                            + rs.getString(3) + " vs " + log);
                }
                logs.add(log);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return logs;
    }

    /** The last stored log of the pipeline. */
    Map<String, Object> log(String pipelineId) {
        List<Map<String, Object>> matching = logs().stream().filter(l -> pipelineId.equals(l.get("pipelineId")))
                .toList();
        if (matching.isEmpty()) {
            throw new AssertionError("No monitor log of " + pipelineId + " in " + logs());
        }
        return matching.get(matching.size() - 1);
    }

    Topic topic(String topicId) {
        return topics.get(topicId);
    }

    /** How many optimistic-lock retries waited (version conflicts seen by merge actions). */
    int retries() {
        return retries.get();
    }

    @Override
    public void close() throws Exception {
        try {
            registry.close();
        } finally {
            db.close();
        }
    }

    static String expand(String json) {
        String tf = Pattern.compile("TF\\(\"([^\"]*)\",\\s*\"([^\"]*)\"\\)").matcher(json)
                .replaceAll("{\"kind\": \"topic\", \"topicId\": \"$1\", \"factorId\": \"$2\"}");
        Matcher constants = Pattern.compile("C\\((\"(?:[^\"\\\\]|\\\\.)*\")\\)").matcher(tf);
        return constants.replaceAll(m -> Matcher.quoteReplacement("{\"kind\": \"constant\", \"value\": "
                + m.group(1) + "}"));
    }

    static String resource(String name) {
        try (InputStream in = JdbcWorld.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return WatchmenJson.mapper().readValue(json, type);
        } catch (IOException failure) {
            throw new IllegalArgumentException("Bad JSON in test: " + failure.getMessage() + "\n" + json, failure);
        }
    }
}
