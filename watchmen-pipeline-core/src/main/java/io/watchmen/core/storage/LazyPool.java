package io.watchmen.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.watchmen.core.config.Settings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A HikariCP pool that is built on first use and can be closed and rebuilt (evicted before a freeze or a
 * snapshot), behind one stable {@link DataSource} that StorageTargets keep.
 */
final class LazyPool implements DataSource, AutoCloseable {

    /** Enough for every statement one cascade prepares (ledger, topic rows by shape, finds, monitor logs). */
    static final int H2_QUERY_CACHE_SIZE = 64;

    private final String poolName;
    private final JdbcUrls.Connect connect;
    private final Settings.Pool settings;
    private final MultiStatements multiStatements;
    private final Object lock = new Object();
    private volatile HikariDataSource pool;
    private volatile boolean closed;

    LazyPool(String poolName, JdbcUrls.Connect connect, Settings.Pool settings) {
        this.poolName = poolName;
        this.connect = connect;
        this.settings = settings;
        this.multiStatements = MultiStatements.of(connect.jdbcUrl());
    }

    /**
     * Whether a prepared statement on this pool's connections may hold several SQL statements, and whether a COMMIT
     * may end one: MariaDB Connector/J's {@code commit()} sends nothing when the server reports no open transaction
     * (its status flags, after the statement's COMMIT), and pgjdbc's nothing when the last ReadyForQuery said idle,
     * so the unit of work calls it as usual at no cost. Not MySQL Connector/J: its {@code commit()} sends COMMIT
     * unless told to track the server's state.
     */
    enum MultiStatements {
        /** H2, or a MySQL/MariaDB URL that sets {@code allowMultiQueries} itself to anything but true. */
        NO(false, false),
        /** PostgreSQL: pgjdbc sends the statements of one prepared statement in one round trip. */
        NATIVE(true, true),
        /** MariaDB Connector/J: the pool sets {@code allowMultiQueries=true} (or the URL does). */
        MARIADB(true, true),
        /** A {@code jdbc:mysql:} URL: as MariaDB, but the COMMIT is sent on its own. */
        MYSQL(true, false);

        final boolean allowed;
        final boolean commitInStatement;

        MultiStatements(boolean allowed, boolean commitInStatement) {
            this.allowed = allowed;
            this.commitInStatement = commitInStatement;
        }

        static MultiStatements of(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return NATIVE;
            }
            boolean mariadb = jdbcUrl.startsWith("jdbc:mariadb:");
            if (mariadb || jdbcUrl.startsWith("jdbc:mysql:")) {
                String lower = jdbcUrl.toLowerCase(Locale.ROOT);
                boolean allowed = !lower.contains("allowmultiqueries=") || lower.contains("allowmultiqueries=true");
                return !allowed ? NO : mariadb ? MARIADB : MYSQL;
            }
            return NO;
        }

        /** Whether the pool sets {@code allowMultiQueries} on its connections. */
        boolean setByPool() {
            return this == MARIADB || this == MYSQL;
        }
    }

    /** Whether inserts of one transaction may go as one statement of several ({@link CombinedStatement}). */
    boolean multiStatements() {
        return multiStatements.allowed;
    }

    /** Whether a COMMIT may end such a statement (see {@link MultiStatements}). */
    boolean commitInStatement() {
        return multiStatements.commitInStatement;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    private HikariDataSource pool() throws SQLException {
        HikariDataSource current = pool;
        if (current == null) {
            synchronized (lock) {
                if (closed) {
                    throw new SQLException("Pool[" + poolName + "] is closed.", "08003");
                }
                current = pool;
                if (current == null) {
                    h2ObjectCacheOff(connect.jdbcUrl(), System.getProperties());
                    current = new HikariDataSource(config());
                    pool = current;
                }
            }
        }
        return current;
    }

    private HikariConfig config() {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(h2QueryCache(keepInMemoryH2(connect.jdbcUrl())));
        if (connect.user() != null) {
            config.setUsername(connect.user());
        }
        if (connect.password() != null) {
            config.setPassword(connect.password());
        }
        config.setMaximumPoolSize(settings.maxSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
        Duration lifetime = settings.maxLifetime();
        config.setMaxLifetime(Math.max(30_000, lifetime.toMillis()));
        config.setValidationTimeout(Math.min(5_000, Math.max(250, settings.connectionTimeout().toMillis() - 1)));
        // READ COMMITTED everywhere (PostgreSQL's and H2's default): under InnoDB's REPEATABLE READ a unit of work's
        // first read pins its snapshot, so the re-find after a concurrent insert (insert-or-merge-row) cannot see
        // the other writer's row, and an optimistic-lock retry re-reads the same stale version_. Set once per
        // physical connection, not per unit of work.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Auto-commit off on every connection, once per physical connection: a unit of work then begins its
        // transaction without a "set autocommit=0" and ends it without Hikari's reset to auto-commit on return
        // (two round trips per unit of work on MariaDB/MySQL). Whoever writes through a pool connection commits;
        // Hikari rolls back a connection returned with statements run since its last commit or rollback (on
        // MariaDB/MySQL the driver skips that ROLLBACK when the server reports no open transaction).
        config.setAutoCommit(false);
        batchedInserts(config, connect.jdbcUrl());
        if (multiStatements.setByPool()) {
            config.addDataSourceProperty("allowMultiQueries", "true");
        }
        // a pool that cannot connect fails the first getConnection, not construction-time class loading
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /**
     * PostgreSQL's driver sends a batch as one INSERT per row unless {@code reWriteBatchedInserts} folds the rows
     * into multi-row INSERTs: chunks of items write their rows in batches. Set unless the URL sets it. (MariaDB
     * Connector/J 3.x sends insert batches as one bulk command by default, {@code useBulkStmtsForInserts}; H2 runs
     * in-process.)
     */
    static void batchedInserts(HikariConfig config, String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.contains("reWriteBatchedInserts")) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
    }

    /**
     * An in-memory H2 database vanishes with its last connection, which an idle pool closes: keep it for the
     * JVM's life unless the URL says otherwise.
     */
    static String keepInMemoryH2(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:mem:")
                && !jdbcUrl.toUpperCase(Locale.ROOT).contains("DB_CLOSE_DELAY")) {
            return jdbcUrl + ";DB_CLOSE_DELAY=-1";
        }
        return jdbcUrl;
    }

    /**
     * H2 parses a statement again whenever its per-session query cache (8 entries by default) misses, and one
     * cascade trigger prepares more distinct statements than that: a larger cache unless the URL sets one. The
     * setting is the database's, so it applies when this pool opens the database (an already open in-memory
     * database keeps its own).
     */
    static String h2QueryCache(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")
                && !jdbcUrl.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
            return jdbcUrl + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
        }
        return jdbcUrl;
    }

    /** H2's switch of its string and value cache, read once when H2 first loads its settings. */
    static final String H2_OBJECT_CACHE = "h2.objectCache";

    /**
     * Switches H2's object cache off before an embedded H2 database is first opened in this JVM, unless the
     * property is set already. H2 puts every bound string through a cache keyed by the string's hash
     * ({@code StringUtils.cache}, then {@code Value.cache}): each ~2.5 KB monitor-log JSON text was hashed in
     * full, ~10-15 % of a cascade trigger's CPU on in-memory H2, to deduplicate strings that never repeat. The
     * setting only chooses whether equal values share one instance; rows and results are the same. It is a JVM
     * system property (H2 has no per-database setting for it) and takes effect only if set before H2 reads its
     * settings, so it is set here, by the first embedded H2 pool, and nowhere else. A server's ({@code tcp:},
     * {@code ssl:}) cache lives in the server's JVM: nothing is set for those.
     */
    static void h2ObjectCacheOff(String jdbcUrl, Properties system) {
        if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:") && system.getProperty(H2_OBJECT_CACHE) == null) {
            system.setProperty(H2_OBJECT_CACHE, "false");
        }
    }

    /** Closes the pool; the next connection request builds a new one. */
    void evict() {
        synchronized (lock) {
            HikariDataSource current = pool;
            pool = null;
            if (current != null) {
                current.close();
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            evict();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Credentials come from the data source definition.");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logging goes through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the pool's connection timeout applies
    }

    @Override
    public int getLoginTimeout() {
        return (int) settings.connectionTimeout().toSeconds();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "LazyPool[" + poolName + "]";
    }
}
