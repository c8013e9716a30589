package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Secret;
import io.watchmen.core.config.Settings;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.dialect.SqlDialect;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Where topic data and metadata live (spec storage 7.4): the meta database from its JDBC URL, and one target per
 * {@code data_sources} row, each with one lazily built HikariCP pool (per data source id) of at most
 * {@code Settings.Pool.maxSize} connections. Pool names carry the data source id only; passwords are never
 * logged. A topic without a data source id uses the meta database (an extension: the reference fails).
 */
public final class DataSourceRegistry implements AutoCloseable {

    static final String META_KEY = "meta";

    private final Settings.Pool poolSettings;
    private final BiFunction<String, String, Optional<DataSource>> dataSourceLookup;
    private final StorageTarget meta;
    private final LazyPool metaPool;
    private final Consumer<StorageTarget> firstUse;
    private final Map<String, Entry> targets = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private static final class Entry {
        final StorageTarget target;
        final LazyPool pool;
        /** The first-use hook ran to its end for this data source. */
        volatile boolean prepared;

        Entry(StorageTarget target, LazyPool pool) {
            this.target = target;
            this.pool = pool;
        }
    }

    /**
     * @param dataSourceLookup (dataSourceId, tenantId) → the row with its password already decrypted
     */
    public DataSourceRegistry(String metaJdbcUrl, String metaUser, Secret metaPassword, Settings.Pool pool,
                              BiFunction<String, String, Optional<DataSource>> dataSourceLookup) {
        this(metaJdbcUrl, metaUser, metaPassword, pool, dataSourceLookup, target -> { });
    }

    /**
     * @param firstUse runs once per data source (not the meta database) before a topic's target is first handed
     *                 out, on a connection of its own: the runtime creates its tables there (the delivery marks)
     *                 before any unit of work holds a connection to it; a failure fails that call and it runs again
     *                 on the next
     */
    public DataSourceRegistry(String metaJdbcUrl, String metaUser, Secret metaPassword, Settings.Pool pool,
                              BiFunction<String, String, Optional<DataSource>> dataSourceLookup,
                              Consumer<StorageTarget> firstUse) {
        this.poolSettings = pool;
        this.dataSourceLookup = dataSourceLookup;
        this.firstUse = firstUse;
        String url = JdbcUrls.forInstalledDrivers(metaJdbcUrl);
        SqlDialect dialect = SqlDialect.forJdbcUrl(url);
        this.metaPool = new LazyPool("watchmen-meta", new JdbcUrls.Connect(url, metaUser,
                metaPassword == null ? null : metaPassword.reveal(), null), pool);
        this.meta = new StorageTarget(META_KEY, dialect, metaPool, null);
    }

    public StorageTarget meta() {
        return meta;
    }

    /** The target of the topic's data source; a null or blank data source id means the meta database. */
    public StorageTarget forTopic(Topic topic) {
        if (closed) {
            throw new WatchmenException(ErrorCode.INTERNAL, "Data source registry is closed.");
        }
        String id = topic.dataSourceId();
        if (id == null || id.isBlank()) {
            return meta;
        }
        Entry entry = targets.computeIfAbsent(id, key -> open(key, topic));
        if (!entry.prepared) {
            synchronized (entry) {
                if (!entry.prepared) {
                    firstUse.accept(entry.target);
                    entry.prepared = true;
                }
            }
        }
        return entry.target;
    }

    /**
     * The target of a data source row (its password decrypted), sharing the pool of the topics in it: for work on
     * every data source of the metadata, such as purging the delivery marks.
     */
    public StorageTarget forDataSource(DataSource row) {
        if (closed) {
            throw new WatchmenException(ErrorCode.INTERNAL, "Data source registry is closed.");
        }
        return targets.computeIfAbsent(row.dataSourceId(), key -> open(key, row)).target;
    }

    /** The target of a data source already in use by this registry; empty when none has asked for it yet. */
    public Optional<StorageTarget> opened(String dataSourceId) {
        Entry entry = dataSourceId == null ? null : targets.get(dataSourceId);
        return entry == null ? Optional.empty() : Optional.of(entry.target);
    }

    private Entry open(String id, Topic topic) {
        DataSource row = dataSourceLookup.apply(id, topic.tenantId())
                .orElseThrow(() -> new WatchmenException(ErrorCode.CONFIG_INVALID, "Data source[id=" + id
                        + "] not declared for topic[id=" + topic.topicId() + ", name=" + topic.name() + "]."));
        return open(id, row);
    }

    private Entry open(String id, DataSource row) {
        if (META_KEY.equals(id)) {
            // a unit of work keeps one connection per target key: this data source would share the meta connection
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "Data source[id=" + id + "] has the id reserved"
                    + " for the meta database; give the data source another id.");
        }
        JdbcUrls.Connect connect = JdbcUrls.of(row);
        SqlDialect dialect = SqlDialect.forJdbcUrl(connect.jdbcUrl());
        LazyPool pool = new LazyPool("watchmen-ds-" + id.replaceAll("[^A-Za-z0-9_-]", "_"), connect,
                poolSettings);
        return new Entry(new StorageTarget(id, dialect, pool, connect.schema()), pool);
    }

    /** A new unit of work: one connection and transaction per target, opened on first use. */
    public UnitOfWork newUnitOfWork() {
        return new JdbcUnitOfWork(false);
    }

    /**
     * A new unit of work for a chunk of items: inserts are deferred and sent as batches before the next read of
     * the same database and at commit ({@link UnitOfWork#defersWrites()}).
     */
    public UnitOfWork newDeferringUnitOfWork() {
        return new JdbcUnitOfWork(true);
    }

    /** Closes every pool; each reopens on its next use (for suspend / snapshot). */
    public void evictConnections() {
        metaPool.evict();
        for (Entry entry : targets.values()) {
            entry.pool.evict();
        }
    }

    @Override
    public void close() {
        closed = true;
        metaPool.close();
        for (Entry entry : targets.values()) {
            entry.pool.close();
        }
        targets.clear();
    }
}
