package io.watchmen.core.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.config.Settings;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cache behaviour is the same on every database: H2 only. */
class MetadataCacheTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private TestDb db;
    private MutableClock clock;
    private MetadataWriter writer;

    @BeforeEach
    void setUp() {
        db = TestDatabase.H2.create("metacache");
        MetaSchema.createIfAbsent(db.dataSource());
        clock = new MutableClock(Instant.parse("2026-05-17T10:00:00Z"));
        writer = new MetadataWriter(db.dataSource(), clock);
        MetaFixtures.topics("T1").forEach(writer::saveTopic);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private JdbcMetadataService service(boolean enabled, int maxTopics) {
        Settings settings = Settings.forJdbcUrl(db.jdbcUrl(), db.user(), db.password())
                .withCaches(new Settings.Caches(enabled, TTL, maxTopics, 1024, 1024));
        return new JdbcMetadataService(db.dataSource(), settings, clock);
    }

    private void describe(String topicId, String description) {
        writer.saveTopic(MetaFixtures.renamed(MetaFixtures.topic(topicId, "T1"), description));
    }

    @Test
    void topicById_withinTtl_servedFromCache_afterTtl_readAgain() {
        JdbcMetadataService service = service(true, 512);
        assertThat(service.topicById("tp-fact", "T1").orElseThrow().description()).isNull();
        describe("tp-fact", "changed");

        clock.advance(TTL.minusSeconds(1));
        assertThat(service.topicById("tp-fact", "T1").orElseThrow().description()).isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.topicById("tp-fact", "T1").orElseThrow().description()).isEqualTo("changed");
    }

    @Test
    void topicByName_withinTtl_servedFromCache_afterTtl_readAgain() {
        JdbcMetadataService service = service(true, 512);
        assertThat(service.topicByName("order_fact", "T1").orElseThrow().description()).isNull();
        describe("tp-fact", "changed");
        assertThat(service.topicByName("order_fact", "T1").orElseThrow().description()).isNull();
        clock.advance(TTL);
        assertThat(service.topicByName("order_fact", "T1").orElseThrow().description()).isEqualTo("changed");
    }

    @Test
    void kernelCacheFalse_readsTheDatabaseEveryTime() {
        Settings settings = Settings.fromEnvironment(Map.of("WATCHMEN_META_JDBC_URL", db.jdbcUrl(),
                "KERNEL_CACHE", "false"));
        JdbcMetadataService service = new JdbcMetadataService(db.dataSource(), settings, clock);
        assertThat(service.topicById("tp-fact", "T1").orElseThrow().description()).isNull();
        describe("tp-fact", "changed");
        assertThat(service.topicById("tp-fact", "T1").orElseThrow().description()).isEqualTo("changed");
    }

    @Test
    void unknownTopicId_isNotCached() {
        JdbcMetadataService service = service(true, 512);
        assertThat(service.topicById("tp-new", "T1")).isEmpty();
        Topic fact = MetaFixtures.topic("tp-fact", "T1");
        writer.saveTopic(new Topic("tp-new", "new_topic", fact.type(), fact.kind(), null, fact.factors(), null, "T1",
                null, null, null, null, null));
        assertThat(service.topicById("tp-new", "T1")).isPresent();
        assertThat(service.topicByName("new_topic", "T1")).isPresent();
    }

    @Test
    void pipelinesByTopic_emptyListIsCachedUntilTtl() {
        JdbcMetadataService service = service(true, 512);
        assertThat(service.pipelinesByTopic("tp-event", "T1")).isEmpty();
        writer.savePipeline(MetaFixtures.pipeline("pipeline-e1.json", "T1"));
        assertThat(service.pipelinesByTopic("tp-event", "T1")).isEmpty();
        clock.advance(TTL);
        assertThat(service.pipelinesByTopic("tp-event", "T1")).extracting(Pipeline::pipelineId)
                .containsExactly("p-e1");
    }

    @Test
    void invalidateAll_dropsEveryEntry() {
        JdbcMetadataService service = service(true, 512);
        assertThat(service.pipelinesByTopic("tp-event", "T1")).isEmpty();
        assertThat(service.topicById("tp-fact", "T1")).isPresent();
        writer.savePipeline(MetaFixtures.pipeline("pipeline-e1.json", "T1"));
        describe("tp-fact", "changed");
        service.invalidateAll();
        assertThat(service.pipelinesByTopic("tp-event", "T1")).hasSize(1);
        assertThat(service.topicById("tp-fact", "T1").orElseThrow().description()).isEqualTo("changed");
    }

    @Test
    void topicCache_isBoundedBySize_oldestEvictedFirst() {
        JdbcMetadataService service = service(true, 2);
        service.topicById("tp-fact", "T1");
        service.topicById("tp-stats", "T1");
        service.topicById("tp-item", "T1");
        describe("tp-fact", "changed");
        describe("tp-item", "changed");
        assertThat(service.topicById("tp-fact", "T1").orElseThrow().description()).isEqualTo("changed");
        assertThat(service.topicById("tp-item", "T1").orElseThrow().description()).isNull();
    }

    @Test
    void boundedCache_neverHoldsMoreThanItsBound() {
        BoundedCache<String, String> cache = new BoundedCache<>(true, 3, TTL, clock);
        for (int i = 0; i < 100; i++) {
            cache.put("k" + i, "v" + i);
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("k99")).contains("v99");
        assertThat(cache.get("k0")).isEmpty();
        assertThat(List.of(cache.get("k97"), cache.get("k98"))).allMatch(v -> v.isPresent());
    }
}
