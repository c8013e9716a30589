package io.watchmen.core.config;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JDBC URL of the meta database: {@code WATCHMEN_META_JDBC_URL} when set, otherwise built from Watchmen's
 * {@code META_STORAGE_*} variables (spec storage 7.2). User and password are never put into the URL; the pool
 * receives them separately.
 */
public final class MetaDatabase {

    private MetaDatabase() {
    }

    public static String jdbcUrl(Settings.MetaStorage meta) {
        if (meta.jdbcUrl() != null && !meta.jdbcUrl().isBlank()) {
            return meta.jdbcUrl().trim();
        }
        String type = meta.type() == null ? "" : meta.type().trim().toLowerCase(Locale.ROOT);
        String address = "//" + requireHost(meta.host()) + ":" + meta.port() + "/" + requireName(meta.name());
        return switch (type) {
            case "mysql" -> "jdbc:mysql:" + address + "?" + String.join("&", mysqlParams(meta));
            case "postgresql" -> postgresParams(meta).isEmpty()
                    ? "jdbc:postgresql:" + address
                    : "jdbc:postgresql:" + address + "?" + String.join("&", postgresParams(meta));
            default -> throw new WatchmenException(ErrorCode.CONFIG_INVALID, "META_STORAGE_TYPE=" + meta.type()
                    + " is not supported for the meta database: use mysql or postgresql, or set "
                    + Settings.PREFIX + "META_JDBC_URL.");
        };
    }

    /** Connector/J reads key stores (JKS or PKCS12), not the PEM files PyMySQL takes: PEM files fail early. */
    private static List<String> mysqlParams(Settings.MetaStorage meta) {
        List<String> params = new ArrayList<>();
        params.add("characterEncoding=UTF-8");
        if (!meta.ssl()) {
            return params;
        }
        boolean hasCa = notBlank(meta.sslCa());
        params.add("sslMode=" + (hasCa ? "VERIFY_CA" : "REQUIRED"));
        if (hasCa) {
            String ca = keyStore("META_STORAGE_SSL_CA", meta.sslCa());
            params.add("trustCertificateKeyStoreUrl=" + encode("file:" + ca));
            params.add("trustCertificateKeyStoreType=" + keyStoreType(ca));
        }
        if (notBlank(meta.sslClientCert())) {
            String cert = keyStore("META_STORAGE_SSL_CLIENT_CERT", meta.sslClientCert());
            if (notBlank(meta.sslClientKey()) && !meta.sslClientKey().trim().equals(cert)) {
                throw new WatchmenException(ErrorCode.CONFIG_INVALID, "META_STORAGE_SSL_CLIENT_KEY must be blank or"
                        + " equal to META_STORAGE_SSL_CLIENT_CERT: for MySQL the client certificate and its key are"
                        + " one key store; or set " + Settings.PREFIX + "META_JDBC_URL.");
            }
            params.add("clientCertificateKeyStoreUrl=" + encode("file:" + cert));
            params.add("clientCertificateKeyStoreType=" + keyStoreType(cert));
        } else if (notBlank(meta.sslClientKey())) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID,
                    "META_STORAGE_SSL_CLIENT_KEY is set without META_STORAGE_SSL_CLIENT_CERT.");
        }
        return params;
    }

    /** pgjdbc takes the file paths directly. */
    private static List<String> postgresParams(Settings.MetaStorage meta) {
        List<String> params = new ArrayList<>();
        if (!meta.ssl()) {
            return params;
        }
        params.add("ssl=true");
        params.add("sslmode=" + (notBlank(meta.sslCa()) ? "verify-ca" : "require"));
        if (notBlank(meta.sslCa())) {
            params.add("sslrootcert=" + encode(meta.sslCa().trim()));
        }
        if (notBlank(meta.sslClientCert())) {
            params.add("sslcert=" + encode(meta.sslClientCert().trim()));
        }
        if (notBlank(meta.sslClientKey())) {
            params.add("sslkey=" + encode(meta.sslClientKey().trim()));
        }
        return params;
    }

    private static String keyStore(String variable, String path) {
        String trimmed = path.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".cer") || lower.endsWith(".key")) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, variable + " names a PEM file; the MySQL JDBC"
                    + " driver needs a JKS or PKCS12 key store (.jks, .p12, .pfx): convert it with keytool/openssl,"
                    + " or set " + Settings.PREFIX + "META_JDBC_URL.");
        }
        return trimmed;
    }

    private static String keyStoreType(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }

    private static String requireHost(String host) {
        if (host == null || host.isBlank() || !host.trim().matches("[A-Za-z0-9._:\\[\\]-]+")) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID,
                    "META_STORAGE_HOST=" + host + " is not a host name or address.");
        }
        return host.trim();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || !name.trim().matches("[A-Za-z0-9_$-]+")) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID,
                    "META_STORAGE_NAME=" + name + " is not a database name.");
        }
        return name.trim();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
