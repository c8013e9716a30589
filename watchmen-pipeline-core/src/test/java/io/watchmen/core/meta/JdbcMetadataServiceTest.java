package io.watchmen.core.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Secret;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.DataSourceParam;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.ExternalWriterType;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicType;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcMetadataServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-17T10:11:12.345Z"), ZoneOffset.UTC);
    private static final String DEFAULT_KEY = "hWmZq4t7w9z$C&F)J@NcRfUjXn2r5u8x";
    private static final String DEFAULT_IV = "J@NcRfUjXn2r5u8x";

    private static Settings settings(TestDb db) {
        return Settings.forJdbcUrl(db.jdbcUrl(), db.user(), db.password());
    }

    private static TestDb metaDb(TestDatabase database, String hint) {
        TestDb db = database.create(hint);
        MetaSchema.createIfAbsent(db.dataSource());
        return db;
    }

    private static void execute(TestDb db, String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Watchmen's writer, reproduced independently of the production code. */
    private static String encryptLikeWatchmen(String plain) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CFB8/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(DEFAULT_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
                new IvParameterSpec(DEFAULT_IV.getBytes(StandardCharsets.UTF_8)));
        return "{AES}" + Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void topics_writtenThenRead_roundTripWithFactors(TestDatabase database) throws Exception {
        try (TestDb db = metaDb(database, "metatopics")) {
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            List<Topic> topics = MetaFixtures.topics("T1");
            topics.forEach(writer::saveTopic);
            JdbcMetadataService service = new JdbcMetadataService(db.dataSource(), settings(db), CLOCK);

            Topic event = service.topicByName("order_event", "T1").orElseThrow();
            assertThat(event.topicId()).isEqualTo("tp-event");
            assertThat(event.type()).isEqualTo(TopicType.RAW);
            assertThat(event.factors()).isEqualTo(topics.get(0).factors());
            assertThat(event.factors().get(5).name()).isEqualTo("items.sku");
            assertThat(event.factors().get(7).type()).isEqualTo(FactorType.DATE);
            assertThat(event.createdAt()).isEqualTo(LocalDateTime.of(2026, 5, 17, 10, 11, 12));
            assertThat(event.createdBy()).isEqualTo(MetadataWriter.DEFAULT_ACTOR);
            assertThat(event.version()).isEqualTo(1L);
            assertThat(service.topicById("tp-stats", "T1").orElseThrow().type()).isEqualTo(TopicType.AGGREGATE);
            assertThat(service.topicByName("no_such_topic", "T1")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pipelines_writtenThenRead_roundTripStagesAndPrerequisiteInIdOrder(TestDatabase database) throws Exception {
        try (TestDb db = metaDb(database, "metapipelines")) {
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            Pipeline conditional = MetaFixtures.pipeline("pipeline-conditional.json", "T1");
            Pipeline e1 = MetaFixtures.pipeline("pipeline-e1.json", "T1");
            writer.savePipeline(MetaFixtures.withId(conditional, "p-2", "T1"));
            writer.savePipeline(MetaFixtures.withId(e1, "p-1", "T1"));
            writer.savePipeline(MetaFixtures.withId(e1, "p-other", "T2"));
            JdbcMetadataService service = new JdbcMetadataService(db.dataSource(), settings(db), CLOCK);

            List<Pipeline> pipelines = service.pipelinesByTopic("tp-event", "T1");
            assertThat(pipelines).extracting(Pipeline::pipelineId).containsExactly("p-1", "p-2");
            Pipeline readE1 = pipelines.get(0);
            Pipeline readConditional = pipelines.get(1);
            assertThat(json(readE1.stages())).isEqualTo(json(e1.stages()));
            assertThat(readE1.on()).isNull();
            assertThat(readE1.enabled()).isTrue();
            assertThat(json(readConditional.stages())).isEqualTo(json(conditional.stages()));
            assertThat(json(readConditional.on())).isEqualTo(json(conditional.on()));
            assertThat(readConditional.conditional()).isTrue();
            assertThat(readConditional.validated()).isFalse();
            assertThat(readConditional.stages()).isEqualTo(conditional.stages());
            assertThat(service.pipelinesByTopic("tp-nothing", "T1")).isEmpty();
        }
    }

    private static String json(Object value) throws Exception {
        return WatchmenJson.mapper().writeValueAsString(value);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void jsonColumns_sqlNullAndJsonNullAndBooleans_readAlike(TestDatabase database) throws Exception {
        try (TestDb db = metaDb(database, "metajsonnull")) {
            String now = "'2024-05-17 10:11:12'";
            String insert = "INSERT INTO pipelines (pipeline_id, topic_id, name, type, prerequisite_enabled,"
                    + " prerequisite_on, stages, enabled, validated, tenant_id, created_at, created_by,"
                    + " last_modified_at, last_modified_by, version) VALUES ";
            String cast = database == TestDatabase.POSTGRES ? "::json" : "";
            execute(db, insert + "('p-a', 't', 'a', 'insert', NULL, NULL, NULL, 1, NULL, 'T1', " + now + ", '1', "
                    + now + ", '1', 1)");
            execute(db, insert + "('p-b', 't', 'b', 'merge', 0, 'null'" + cast + ", 'null'" + cast + ", 0, 1, 'T1', "
                    + now + ", '1', " + now + ", '1', 2)");
            JdbcMetadataService service = new JdbcMetadataService(db.dataSource(), settings(db), CLOCK);

            List<Pipeline> pipelines = service.pipelinesByTopic("t", "T1");
            assertThat(pipelines).hasSize(2);
            Pipeline a = pipelines.get(0);
            Pipeline b = pipelines.get(1);
            assertThat(a.on()).isNull();
            assertThat(a.stages()).isEmpty();
            assertThat(a.enabled()).isTrue();
            assertThat(a.conditional()).isNull();
            assertThat(b.on()).isNull();
            assertThat(b.stages()).isEmpty();
            assertThat(b.enabled()).isFalse();
            assertThat(b.validated()).isTrue();
            assertThat(b.conditional()).isFalse();
            assertThat(b.version()).isEqualTo(2L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void topicByName_withTwoRowsOfThatName_isDefinitionInvalid(TestDatabase database) throws Exception {
        try (TestDb db = database.create("metadupname")) {
            // A table without Watchmen's unique index (MetaSchema leaves an existing table alone).
            execute(db, "CREATE TABLE topics (topic_id VARCHAR(50) NOT NULL PRIMARY KEY, name VARCHAR(64),"
                    + " description VARCHAR(1024), type VARCHAR(20), kind VARCHAR(20), data_source_id VARCHAR(50),"
                    + " factors VARCHAR(4000), tenant_id VARCHAR(50), created_at TIMESTAMP NULL, created_by VARCHAR(50),"
                    + " last_modified_at TIMESTAMP NULL, last_modified_by VARCHAR(50), version BIGINT)");
            MetaSchema.createIfAbsent(db.dataSource());
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            Topic fact = MetaFixtures.topic("tp-fact", "T1");
            writer.saveTopic(fact);
            writer.saveTopic(new Topic("tp-fact-2", fact.name(), fact.type(), fact.kind(), null, fact.factors(),
                    null, "T1", null, null, null, null, null));
            JdbcMetadataService service = new JdbcMetadataService(db.dataSource(), settings(db), CLOCK);

            assertThatThrownBy(() -> service.topicByName("order_fact", "T1"))
                    .isInstanceOf(WatchmenException.class)
                    .hasMessageContaining("order_fact")
                    .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.DEFINITION_INVALID));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void entitiesOfAnotherTenant_areReportedAbsent(TestDatabase database) throws Exception {
        try (TestDb db = metaDb(database, "metatenantguard")) {
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            MetaFixtures.topics("T1").forEach(writer::saveTopic);
            writer.savePipeline(MetaFixtures.pipeline("pipeline-e1.json", "T1"));
            writer.saveDataSource(MetaFixtures.dataSource("ds-1", "T1", "pw"));
            writer.saveExternalWriter(MetaFixtures.writer("w-1", "T1"));
            JdbcMetadataService service = new JdbcMetadataService(db.dataSource(), settings(db), CLOCK);

            // Read in the owning tenant first, so the guard is also exercised on cache hits.
            assertThat(service.topicById("tp-event", "T1")).isPresent();
            assertThat(service.dataSource("ds-1", "T1")).isPresent();
            assertThat(service.externalWriter("w-1", "T1")).isPresent();
            assertThat(service.topicById("tp-event", "T2")).isEmpty();
            assertThat(service.topicByName("order_event", "T2")).isEmpty();
            assertThat(service.pipelinesByTopic("tp-event", "T2")).isEmpty();
            assertThat(service.dataSource("ds-1", "T2")).isEmpty();
            assertThat(service.externalWriter("w-1", "T2")).isEmpty();
            assertThat(service.pipelinesByTopic("tp-event", "T1")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void systemRows_writtenThenRead_roundTrip(TestDatabase database) throws Exception {
        try (TestDb db = metaDb(database, "metasystem")) {
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            writer.saveTenant(MetaFixtures.tenant("T1"));
            writer.saveExternalWriter(MetaFixtures.writer("w-1", "T1"));
            writer.saveDataSource(MetaFixtures.dataSource("ds-1", "T1", "plain-pw"));
            writer.saveKeyStore(new KeyStore("T1", "AES256-PKCS5-PADDING",
                    Map.of("key", "0123456789abcdef0123456789abcdef", "iv", "abcdef9876543210"), null, null));
            JdbcMetadataService service = new JdbcMetadataService(db.dataSource(), settings(db), CLOCK);

            Tenant tenant = service.tenant("T1").orElseThrow();
            assertThat(tenant.name()).isEqualTo("Tenant T1");
            assertThat(tenant.enableAI()).isTrue();
            ExternalWriter w = service.externalWriter("w-1", "T1").orElseThrow();
            assertThat(w.writerCode()).isEqualTo("code-w-1");
            assertThat(w.name()).isEqualTo("Writer w-1");
            assertThat(w.type()).isEqualTo(ExternalWriterType.STANDARD_WRITER);
            assertThat(w.url()).isEqualTo("https://example.com/hook");
            assertThat(w.pat()).isEqualTo("target-pat");
            DataSource ds = service.dataSource("ds-1", "T1").orElseThrow();
            assertThat(ds.password()).isEqualTo("plain-pw");
            assertThat(ds.params()).containsExactly(new DataSourceParam("charset", "utf8mb4"),
                    new DataSourceParam("log", true));
            assertThat(ds.param("charset")).contains("utf8mb4");
            KeyStore keyStore = service.keyStore("T1", "AES256-PKCS5-PADDING").orElseThrow();
            assertThat(keyStore.params()).containsEntry("iv", "abcdef9876543210");
            assertThat(service.keyStore("T2", "AES256-PKCS5-PADDING")).isEmpty();
            assertThat(service.tenant("T9")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dataSource_withAesPassword_isReturnedDecrypted(TestDatabase database) throws Exception {
        try (TestDb db = metaDb(database, "metaaes")) {
            String stored = encryptLikeWatchmen("Secr3t!pw");
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            writer.saveDataSource(MetaFixtures.dataSource("ds-1", "T1", stored));
            writer.saveDataSource(MetaFixtures.dataSource("ds-2", "T1", "plain"));

            JdbcMetadataService service = new JdbcMetadataService(db.dataSource(), settings(db), CLOCK);
            assertThat(service.dataSource("ds-1", "T1").orElseThrow().password()).isEqualTo("Secr3t!pw");
            assertThat(service.dataSource("ds-2", "T1").orElseThrow().password()).isEqualTo("plain");
            assertThat(service.dataSource("ds-1", "T1").orElseThrow().toString()).doesNotContain("Secr3t!pw");

            Settings disabled = settings(db).withCrypto(new Settings.Crypto(false, Secret.of(DEFAULT_KEY),
                    Secret.of(DEFAULT_IV), Secret.of(DEFAULT_KEY), Secret.of(DEFAULT_IV), false));
            JdbcMetadataService plainService = new JdbcMetadataService(db.dataSource(), disabled, CLOCK);
            assertThat(plainService.dataSource("ds-1", "T1").orElseThrow().password()).isEqualTo(stored);
        }
    }

    @Test
    void dataSourcePasswords_defaultKeyAndIv_decryptWatchmenCiphertext() throws Exception {
        Settings.Crypto crypto = Settings.fromEnvironment(Map.of()).crypto();
        String stored = encryptLikeWatchmen("watchmen-db-password");
        assertThat(stored).startsWith("{AES}");
        assertThat(DataSourcePasswords.decrypt(stored, crypto)).isEqualTo("watchmen-db-password");
        assertThat(DataSourcePasswords.encrypt("watchmen-db-password", crypto)).isEqualTo(stored);
        assertThat(DataSourcePasswords.decrypt("", crypto)).isEmpty();
        assertThat(DataSourcePasswords.decrypt(null, crypto)).isNull();
    }

    @Test
    void dataSourcePasswords_specTestVector_decrypts() {
        Settings.Crypto crypto = new Settings.Crypto(true, Secret.of("0123456789abcdef0123456789abcdef"),
                Secret.of("abcdef9876543210"), Secret.of(""), Secret.of(""), false);
        assertThat(DataSourcePasswords.decrypt("{AES}Zvl4jYGfoBbtXjA=", crypto)).isEqualTo("hello world");
    }

    @Test
    void dataSourcePasswords_withWrongKeyLength_failsWithoutQuotingTheValue() {
        Settings.Crypto crypto = new Settings.Crypto(true, Secret.of("short"), Secret.of("abcdef9876543210"),
                Secret.of(""), Secret.of(""), false);
        assertThatThrownBy(() -> DataSourcePasswords.decrypt("{AES}Zvl4jYGfoBbtXjA=", crypto))
                .isInstanceOf(WatchmenException.class)
                .hasMessageContaining("DATASOURCE_AES_KEY")
                .hasMessageNotContaining("Zvl4jYGfoBbtXjA");
    }
}
