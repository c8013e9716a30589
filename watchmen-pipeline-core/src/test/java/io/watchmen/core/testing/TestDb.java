package io.watchmen.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** A fresh test database: its URL and credentials, a small pool on demand, and a drop on close. */
public final class TestDb implements AutoCloseable {

    /** Drops the database. */
    @FunctionalInterface
    public interface Dropper {
        void drop() throws Exception;
    }

    private final TestDatabase kind;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Dropper dropper;
    private HikariDataSource pool;

    TestDb(TestDatabase kind, String jdbcUrl, String user, String password, Dropper dropper) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dropper = dropper;
    }

    public TestDatabase kind() {
        return kind;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A pool of up to 16 connections on this database, closed with it. */
    public synchronized javax.sql.DataSource dataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(16);
            config.setPoolName("test-" + kind.name().toLowerCase());
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    @Override
    public synchronized void close() throws Exception {
        if (pool != null) {
            pool.close();
            pool = null;
        }
        dropper.drop();
    }
}
