package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.DataSourceParam;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void sqlAlchemyMysqlUrl_becomesJdbcWithDecodedCredentials() {
        JdbcUrls.Connect c = JdbcUrls.of(source("mysql", "mysql+pymysql://wm:p%40ss%3Aw@db.local:3307/watchmen"
                + "?charset=utf8", List.of(new DataSourceParam("schema", "s1"))));
        assertThat(c.jdbcUrl()).startsWith("jdbc:mysql://db.local:3307/watchmen?")
                .contains("characterEncoding=UTF-8");
        assertThat(c.user()).isEqualTo("wm");
        assertThat(c.password()).isEqualTo("p@ss:w");
        assertThat(c.schema()).isEqualTo("s1");
        assertThat(c.toString()).doesNotContain("p@ss");
    }

    @Test
    void plainMysqlScheme_andMariadbType_useTheMariadbDriver() {
        assertThat(JdbcUrls.of(source("mariadb", "mysql://u:p@h/db", List.of())).jdbcUrl())
                .isEqualTo("jdbc:mariadb://h:3306/db");
    }

    @Test
    void sqlAlchemyPostgresUrl_getsStringTypeAndSsl() {
        JdbcUrls.Connect c = JdbcUrls.of(source("postgresql", "postgresql+psycopg2://u:p@pg:5433/wm",
                List.of(new DataSourceParam("ssl", true), new DataSourceParam("ssl_ca", "/ca.pem"))));
        assertThat(c.jdbcUrl()).startsWith("jdbc:postgresql://pg:5433/wm?").contains("sslmode=verify-ca")
                .contains("sslrootcert=%2Fca.pem").contains("stringtype=unspecified").contains("autosave=always");
    }

    @Test
    void jdbcUrl_isUsedAsIs_exceptPostgresStringType() {
        assertThat(JdbcUrls.of(source("mysql", "jdbc:mysql://h:1/x", List.of())).jdbcUrl())
                .isEqualTo("jdbc:mysql://h:1/x");
        assertThat(JdbcUrls.of(source("postgresql", "jdbc:postgresql://h/x?a=b", List.of())).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h/x?a=b&stringtype=unspecified&autosave=always");
    }

    @Test
    void mysqlJdbcUrl_withOnlyTheMariadbDriver_switchesToTheMariadbScheme() {
        String url = "jdbc:mysql://h:3306/x?characterEncoding=UTF-8&sslMode=REQUIRED";
        assertThat(JdbcUrls.withInstalledMysqlDriver(url, "org.mariadb.jdbc.Driver"::equals))
                .isEqualTo("jdbc:mariadb://h:3306/x?characterEncoding=UTF-8&sslMode=REQUIRED");
    }

    @Test
    void mysqlJdbcUrl_withConnectorJOrNoDriver_staysAsIs() {
        String url = "jdbc:mysql://h:3306/x";
        assertThat(JdbcUrls.withInstalledMysqlDriver(url, name -> true)).isEqualTo(url);
        assertThat(JdbcUrls.withInstalledMysqlDriver(url, name -> false)).isEqualTo(url);
        assertThat(JdbcUrls.withInstalledMysqlDriver("jdbc:h2:mem:x", "org.mariadb.jdbc.Driver"::equals))
                .isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void hostFields_byType_buildTheUrl() {
        DataSource pg = new DataSource("ds-2", "pg", "postgresql", "pg.local", "5432", "u", "secret", "wm", null,
                List.of(), "T1", null, null, null, null, 1L);
        assertThat(JdbcUrls.of(pg).jdbcUrl())
                .isEqualTo("jdbc:postgresql://pg.local:5432/wm?stringtype=unspecified&autosave=always");
        assertThat(JdbcUrls.of(pg).password()).isEqualTo("secret");
        DataSource my = new DataSource("ds-3", "my", "mysql", "my.local", null, "u", "p", "wm", " ", List.of(),
                "T1", null, null, null, null, 1L);
        assertThat(JdbcUrls.of(my).jdbcUrl()).startsWith("jdbc:mysql://my.local:3306/wm");
        DataSource h2 = new DataSource("ds-4", "h2", "h2", null, null, "sa", "", "mem:local", null, List.of(),
                "T1", null, null, null, null, 1L);
        assertThat(JdbcUrls.of(h2).jdbcUrl()).isEqualTo("jdbc:h2:mem:local");
    }

    @Test
    void unsupportedType_isConfigInvalidNamingTheDataSourceNotItsUrl() {
        assertThatThrownBy(() -> JdbcUrls.of(source("oracle", null, List.of())))
                .isInstanceOf(WatchmenException.class)
                .hasMessageContaining("Data source[id=ds-1, code=code-1]").hasMessageContaining("oracle")
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThatThrownBy(() -> JdbcUrls.of(source("mysql", "mongodb://u:topsecret@h/db", List.of())))
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void mask_hidesCredentialsInUrls() {
        assertThat(JdbcUrls.mask("jdbc:mysql://u:p@h/db?password=x&user=u")).doesNotContain(":p@")
                .doesNotContain("password=x");
    }

    private static DataSource source(String type, String url, List<DataSourceParam> params) {
        return new DataSource("ds-1", "code-1", type, "ignored", "1", "row-user", "row-pw", "ignored", url, params,
                "T1", null, null, null, null, 1L);
    }
}
