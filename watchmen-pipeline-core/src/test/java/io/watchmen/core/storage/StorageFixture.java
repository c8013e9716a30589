package io.watchmen.core.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.config.Secret;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.testing.TestDb;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test database wired as Watchmen storage: a registry whose data source {@code ds-1} is the test database, a
 * data service with counting ids and a fixed clock, and the topics of spec pipeline 6.0 (plus storage 2.6's
 * {@code order} and a topic of every column kind) with their tables created.
 */
final class StorageFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2024-05-17T10:11:12.345Z");
    static final Settings.Pool POOL = new Settings.Pool(4, Duration.ofSeconds(10), Duration.ofMinutes(30));

    final TestDb db;
    final DataSourceRegistry registry;
    final AtomicLong ids = new AtomicLong(1000);
    final MutableClock clock = new MutableClock(NOW);
    final JdbcTopicDataService data;
    final List<Topic> topics;

    StorageFixture(TestDb db) throws Exception {
        this.db = db;
        DataSource ds1 = new DataSource("ds-1", "test", "h2", null, null, db.user(), db.password(), null,
                db.jdbcUrl(), List.of(), "T1", null, null, null, null, 1L);
        this.registry = new DataSourceRegistry(db.jdbcUrl(), db.user(), Secret.of(db.password()), POOL,
                (id, tenant) -> "ds-1".equals(id) ? Optional.of(ds1) : Optional.empty());
        this.data = new JdbcTopicDataService(registry, ids::incrementAndGet, clock);
        try (InputStream in = StorageFixture.class.getResourceAsStream("StorageFixture/topics.json")) {
            this.topics = WatchmenJson.mapper().readValue(in, new TypeReference<List<Topic>>() { });
        }
        for (Topic topic : topics) {
            TopicTables.createIfAbsent(registry.forTopic(topic), topic);
        }
    }

    Topic topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    StorageTarget target() {
        return registry.forTopic(topic("order_fact"));
    }

    /** Runs work in a unit of work and commits it. */
    <T> T inWork(java.util.function.Function<UnitOfWork, T> body) {
        try (UnitOfWork work = registry.newUnitOfWork()) {
            T result = body.apply(work);
            work.commit();
            return result;
        }
    }

    /** A clock tests move forward by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Override
    public void close() throws Exception {
        registry.close();
        db.close();
    }
}
