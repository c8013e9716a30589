package io.watchmen.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.watchmen.core.config.Settings;
import io.watchmen.core.storage.DataSourceRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The FC jar ships MariaDB Connector/J and not MySQL Connector/J (docs/aliyun.md, "Package size"), so this module's
 * classpath has the same drivers: a {@code jdbc:mysql:} meta URL must still connect to a MySQL-protocol server.
 * Runs when {@code WATCHMEN_TEST_MARIADB_URL} names a server (e.g. {@code jdbc:mariadb://127.0.0.1:3306/}).
 */
class MysqlSchemeTest {

    @Test
    void mysqlUrl_withOnlyTheMariadbDriver_connectsThroughIt() throws Exception {
        String server = System.getenv("WATCHMEN_TEST_MARIADB_URL");
        assumeTrue(server != null && server.contains("//"), "WATCHMEN_TEST_MARIADB_URL is not set");
        assertThatThrownBy(() -> Class.forName("com.mysql.cj.jdbc.Driver")).isInstanceOf(ClassNotFoundException.class);
        String mysqlUrl = "jdbc:mysql:" + server.substring(server.indexOf("//"));

        try (DataSourceRegistry registry = new DataSourceRegistry(mysqlUrl, "root", null,
                new Settings.Pool(1, Duration.ofSeconds(5), Duration.ofMinutes(5)), (id, tenant) -> Optional.empty());
             Connection connection = registry.meta().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
            assertThat(connection.getMetaData().getDriverName()).containsIgnoringCase("MariaDB");
        }
    }
}
