package io.watchmen.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases storage tests run on. H2 always runs; MariaDB and PostgreSQL run when their server variables
 * are set ({@code WATCHMEN_TEST_MARIADB_URL}, {@code WATCHMEN_TEST_POSTGRES_URL}, as {@code .ci/run} does) and are
 * reported as skipped otherwise, never silently passed. Each {@link #create(String)} makes a fresh, uniquely
 * named database that {@link TestDb#close()} drops.
 *
 * <p>Use with {@code @ParameterizedTest @EnumSource(TestDatabase.class)}.
 */
public enum TestDatabase {
    H2 {
        @Override
        public TestDb create(String hint) {
            String name = uniqueName(hint);
            String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            return new TestDb(this, url, "sa", "", () -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                     Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            });
        }
    },
    MARIADB {
        @Override
        public TestDb create(String hint) {
            String server = serverUrl("WATCHMEN_TEST_MARIADB_URL");
            String user = env("WATCHMEN_TEST_MARIADB_USER", "root");
            String password = env("WATCHMEN_TEST_MARIADB_PASSWORD", "");
            String name = uniqueName(hint);
            execute(server, user, password, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
            String url = server.endsWith("/") ? server + name : server + "/" + name;
            return new TestDb(this, url, user, password,
                    () -> execute(server, user, password, "DROP DATABASE IF EXISTS " + name));
        }
    },
    POSTGRES {
        @Override
        public TestDb create(String hint) {
            String server = serverUrl("WATCHMEN_TEST_POSTGRES_URL");
            String user = env("WATCHMEN_TEST_POSTGRES_USER", "postgres");
            String password = env("WATCHMEN_TEST_POSTGRES_PASSWORD", "");
            String name = uniqueName(hint);
            execute(server + "postgres", user, password, "CREATE DATABASE " + name);
            String url = server + name;
            return new TestDb(this, url, user, password,
                    () -> execute(server + "postgres", user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }
    };

    /** Creates a fresh database; skips the test (JUnit assumption) when this server is not configured. */
    public abstract TestDb create(String hint);

    /** Whether this database is configured for this run. */
    public boolean available() {
        return switch (this) {
            case H2 -> true;
            case MARIADB -> System.getenv("WATCHMEN_TEST_MARIADB_URL") != null;
            case POSTGRES -> System.getenv("WATCHMEN_TEST_POSTGRES_URL") != null;
        };
    }

    private static String serverUrl(String variable) {
        String url = System.getenv(variable);
        if ((url == null || url.isBlank()) && "true".equals(System.getenv("WATCHMEN_TEST_REQUIRE_SERVERS"))) {
            throw new IllegalStateException(variable + " must be set when WATCHMEN_TEST_REQUIRE_SERVERS=true");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                variable + " is not set: this database test is skipped (set it, as .ci/run does, to run it)");
        return url.endsWith("/") ? url : url + "/";
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null ? defaultValue : value;
    }

    private static String uniqueName(String hint) {
        String clean = hint == null ? "t" : hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (clean.length() > 20) {
            clean = clean.substring(0, 20);
        }
        return "wmt_" + clean + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run [" + sql + "] on " + url + ": " + e.getMessage(), e);
        }
    }
}
