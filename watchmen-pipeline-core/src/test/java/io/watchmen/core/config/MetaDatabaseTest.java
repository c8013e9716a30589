package io.watchmen.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaDatabaseTest {

    private static Settings.MetaStorage meta(Map<String, String> env) {
        return Settings.fromEnvironment(env).meta();
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void jdbcUrl_whenWatchmenMetaJdbcUrlSet_winsOverMetaStorage() {
        String url = MetaDatabase.jdbcUrl(meta(env("WATCHMEN_META_JDBC_URL", "jdbc:h2:mem:x",
                "META_STORAGE_TYPE", "oracle", "META_STORAGE_HOST", "db")));
        assertThat(url).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void jdbcUrl_withDefaults_isLocalMysqlWatchmen() {
        assertThat(MetaDatabase.jdbcUrl(meta(env())))
                .isEqualTo("jdbc:mysql://localhost:3306/watchmen?characterEncoding=UTF-8");
    }

    @Test
    void jdbcUrl_mysql_usesHostPortNameAndNeverTheCredentials() {
        String url = MetaDatabase.jdbcUrl(meta(env("META_STORAGE_HOST", "meta.example.com",
                "META_STORAGE_PORT", "3307", "META_STORAGE_NAME", "wm", "META_STORAGE_USER_NAME", "u",
                "META_STORAGE_PASSWORD", "s3cret-pw")));
        assertThat(url).isEqualTo("jdbc:mysql://meta.example.com:3307/wm?characterEncoding=UTF-8");
        assertThat(url).doesNotContain("s3cret-pw");
    }

    @Test
    void jdbcUrl_mysqlWithSsl_addsKeyStores() {
        String url = MetaDatabase.jdbcUrl(meta(env("META_STORAGE_SSL", "true",
                "META_STORAGE_SSL_CA", "/etc/ssl/ca.p12", "META_STORAGE_SSL_CLIENT_CERT", "/etc/ssl/client.jks")));
        assertThat(url).startsWith("jdbc:mysql://localhost:3306/watchmen?characterEncoding=UTF-8&sslMode=VERIFY_CA")
                .contains("trustCertificateKeyStoreUrl=file%3A%2Fetc%2Fssl%2Fca.p12")
                .contains("trustCertificateKeyStoreType=PKCS12")
                .contains("clientCertificateKeyStoreUrl=file%3A%2Fetc%2Fssl%2Fclient.jks")
                .contains("clientCertificateKeyStoreType=JKS");
    }

    @Test
    void jdbcUrl_mysqlWithSslWithoutFiles_requiresTls() {
        assertThat(MetaDatabase.jdbcUrl(meta(env("META_STORAGE_SSL", "1"))))
                .endsWith("?characterEncoding=UTF-8&sslMode=REQUIRED");
    }

    @Test
    void jdbcUrl_mysqlWithPemCa_failsNamingTheVariable() {
        assertThatThrownBy(() -> MetaDatabase.jdbcUrl(meta(env("META_STORAGE_SSL", "true",
                "META_STORAGE_SSL_CA", "/etc/ssl/ca.pem"))))
                .isInstanceOf(WatchmenException.class)
                .hasMessageContaining("META_STORAGE_SSL_CA")
                .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    @Test
    void jdbcUrl_postgresql_buildsPgUrlWithSslFiles() {
        assertThat(MetaDatabase.jdbcUrl(meta(env("META_STORAGE_TYPE", "postgresql", "META_STORAGE_PORT", "5432"))))
                .isEqualTo("jdbc:postgresql://localhost:5432/watchmen");
        assertThat(MetaDatabase.jdbcUrl(meta(env("META_STORAGE_TYPE", "postgresql", "META_STORAGE_PORT", "5432",
                "META_STORAGE_SSL", "true", "META_STORAGE_SSL_CA", "/ca.pem", "META_STORAGE_SSL_CLIENT_CERT",
                "/c.pem", "META_STORAGE_SSL_CLIENT_KEY", "/k.pk8"))))
                .isEqualTo("jdbc:postgresql://localhost:5432/watchmen?ssl=true&sslmode=verify-ca"
                        + "&sslrootcert=%2Fca.pem&sslcert=%2Fc.pem&sslkey=%2Fk.pk8");
    }

    @Test
    void jdbcUrl_otherType_failsNamingTheVariable() {
        assertThatThrownBy(() -> MetaDatabase.jdbcUrl(meta(env("META_STORAGE_TYPE", "oracle"))))
                .isInstanceOf(WatchmenException.class)
                .hasMessageContaining("META_STORAGE_TYPE=oracle")
                .satisfies(e -> assertThat(((WatchmenException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID));
    }

    @Test
    void jdbcUrl_malformedHost_failsNamingTheVariable() {
        assertThatThrownBy(() -> MetaDatabase.jdbcUrl(meta(env("META_STORAGE_HOST", "evil/host?x=1"))))
                .hasMessageContaining("META_STORAGE_HOST");
    }
}
