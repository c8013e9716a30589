package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.system.DataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a {@code data_sources} row into JDBC connection values (spec storage 7.4): a non-blank {@code url} wins
 * (SQLAlchemy forms such as {@code mysql+pymysql://user:pw@host:3306/db?charset=utf8} are converted; a
 * {@code jdbc:} URL is used as is), else host/port/username/password/name by {@code data_source_type}. Params
 * {@code charset}, {@code ssl}, {@code ssl_ca}, {@code ssl_cert}, {@code ssl_key} become driver properties;
 * {@code schema} qualifies table names. Messages name the data source, never the URL (it may hold a password).
 */
final class JdbcUrls {

    /** What a pool needs; {@link #toString()} masks the password. */
    record Connect(String jdbcUrl, String user, String password, String schema) {
        @Override
        public String toString() {
            return "Connect[jdbcUrl=" + mask(jdbcUrl) + ", user=" + user + ", password=<masked>, schema=" + schema
                    + "]";
        }
    }

    private static final String MYSQL_DRIVER = "com.mysql.cj.jdbc.Driver";
    private static final String MARIADB_DRIVER = "org.mariadb.jdbc.Driver";
    private static final String MYSQL_PREFIX = "jdbc:mysql:";

    private JdbcUrls() {
    }

    static Connect of(DataSource source) {
        String schema = source.param("schema").filter(s -> !s.isBlank()).orElse(null);
        String url = source.url();
        if (url != null && !url.isBlank()) {
            url = url.trim();
            if (url.startsWith("jdbc:")) {
                return new Connect(forInstalledDrivers(url), source.username(), source.password(), schema);
            }
            return fromSqlAlchemy(source, url, schema);
        }
        String type = type(source, source.dataSourceType());
        String host = blankTo(source.host(), "localhost");
        String name = blankTo(source.name(), "");
        String jdbc = switch (type) {
            case "mysql", "mariadb" -> "jdbc:" + mysqlScheme(type) + "://" + host + ":" + blankTo(source.port(),
                    "3306") + "/" + name;
            case "postgresql" -> "jdbc:postgresql://" + host + ":" + blankTo(source.port(), "5432") + "/" + name;
            default -> source.host() == null || source.host().isBlank() ? "jdbc:h2:" + name
                    : "jdbc:h2:tcp://" + host + (source.port() == null || source.port().isBlank() ? ""
                    : ":" + source.port()) + "/" + name;
        };
        return new Connect(withQuery(jdbc, type, source, Map.of()), source.username(), source.password(), schema);
    }

    /**
     * A configured {@code jdbc:} URL as the installed drivers take it: PostgreSQL defaults added
     * ({@link #withPostgresStringType}) and {@code jdbc:mysql:} served by MariaDB when Connector/J is absent
     * ({@link #withInstalledMysqlDriver}).
     */
    static String forInstalledDrivers(String jdbcUrl) {
        return withInstalledMysqlDriver(withPostgresStringType(jdbcUrl), JdbcUrls::present);
    }

    /**
     * Lean packages (the Lambda jar) ship only the MariaDB driver, which speaks MySQL's protocol but accepts
     * {@code jdbc:mysql:} only with {@code permitMysqlScheme}; so the scheme is switched when Connector/J is
     * absent. The properties we and users put on MySQL URLs keep working: MariaDB reads {@code sslMode=REQUIRED /
     * VERIFY_CA} and Connector/J's key-store names as aliases, and ignores the rest (e.g. characterEncoding).
     */
    static String withInstalledMysqlDriver(String jdbcUrl, Predicate<String> driverPresent) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(MYSQL_PREFIX) || driverPresent.test(MYSQL_DRIVER)
                || !driverPresent.test(MARIADB_DRIVER)) {
            return jdbcUrl;
        }
        return "jdbc:mariadb:" + jdbcUrl.substring(MYSQL_PREFIX.length());
    }

    /**
     * PostgreSQL URLs get {@code stringtype=unspecified} (strings bind into JSON columns) and
     * {@code autosave=always} (a failed statement, such as a duplicate key the kernel recovers from, rolls back
     * to an automatic savepoint instead of aborting the whole unit of work), unless the URL sets them.
     */
    static String withPostgresStringType(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            return jdbcUrl;
        }
        String url = jdbcUrl;
        if (!url.contains("stringtype=")) {
            url = url + (url.contains("?") ? "&" : "?") + "stringtype=unspecified";
        }
        if (!url.contains("autosave=")) {
            url = url + "&autosave=always";
        }
        return url;
    }

    private static Connect fromSqlAlchemy(DataSource source, String url, String schema) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(source, "its url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String dialect = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        String type = type(source, "mysql".equals(dialect) && "mariadb".equalsIgnoreCase(source.dataSourceType())
                ? "mariadb" : dialect);
        String user = source.username();
        String password = source.password();
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? password : decode(info.substring(colon + 1));
        }
        if (uri.getHost() == null) {
            throw invalid(source, "its url has no host");
        }
        int defaultPort = "postgresql".equals(type) ? 5432 : 3306;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String base = "jdbc:" + ("postgresql".equals(type) ? "postgresql" : mysqlScheme(type)) + "://"
                + uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort()) + path;
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return new Connect(withQuery(base, type, source, query), user, password, schema);
    }

    /** The supported engine for a type name; anything else is CONFIG_INVALID naming the data source. */
    private static String type(DataSource source, String rawType) {
        String type = rawType == null ? "" : rawType.trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "mysql", "mariadb", "h2" -> type;
            case "postgresql", "postgres" -> "postgresql";
            default -> throw invalid(source, "its type[" + rawType + "] is not supported: use mysql, mariadb,"
                    + " postgresql or h2");
        };
    }

    private static WatchmenException invalid(DataSource source, String why) {
        return new WatchmenException(ErrorCode.CONFIG_INVALID, "Data source[id=" + source.dataSourceId()
                + ", code=" + source.dataSourceCode() + "] cannot be used: " + why + ".");
    }

    /** mysql uses Connector/J when present, else the MariaDB driver (which speaks MySQL's protocol). */
    private static String mysqlScheme(String type) {
        if ("mariadb".equals(type)) {
            return "mariadb";
        }
        return present(MYSQL_DRIVER) || !present(MARIADB_DRIVER) ? "mysql" : "mariadb";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, JdbcUrls.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String withQuery(String base, String type, DataSource source, Map<String, String> urlQuery) {
        Map<String, String> in = new LinkedHashMap<>(urlQuery);
        for (String name : new String[]{"charset", "ssl", "ssl_ca", "ssl_cert", "ssl_key"}) {
            source.param(name).filter(v -> !v.isBlank()).ifPresent(v -> in.putIfAbsent(name, v));
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean ssl = "true".equalsIgnoreCase(in.get("ssl")) || in.containsKey("ssl_ca");
        String jdbcType = base.startsWith("jdbc:mariadb:") ? "mariadb" : type;
        switch (jdbcType) {
            case "mysql" -> {
                out.put("characterEncoding", "UTF-8");
                if (ssl) {
                    out.put("sslMode", "REQUIRED");
                }
            }
            case "mariadb" -> {
                if (ssl) {
                    out.put("sslMode", in.containsKey("ssl_ca") ? "verify-ca" : "trust");
                    if (in.containsKey("ssl_ca")) {
                        out.put("serverSslCert", in.get("ssl_ca"));
                    }
                }
            }
            case "postgresql" -> {
                if (ssl) {
                    out.put("sslmode", in.containsKey("ssl_ca") ? "verify-ca" : "require");
                    putIfPresent(out, "sslrootcert", in.get("ssl_ca"));
                    putIfPresent(out, "sslcert", in.get("ssl_cert"));
                    putIfPresent(out, "sslkey", in.get("ssl_key"));
                }
                out.put("stringtype", "unspecified");
                out.put("autosave", "always");
            }
            default -> {
                // h2: no URL properties
            }
        }
        if (out.isEmpty()) {
            return base;
        }
        StringBuilder url = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> entry : out.entrySet()) {
            url.append(separator).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    private static void putIfPresent(Map<String, String> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, value);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String blankTo(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    /** Removes user info and password-like properties from a URL for logs and messages. */
    static String mask(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        return jdbcUrl.replaceAll("//[^/@]*@", "//<masked>@")
                .replaceAll("(?i)(password|pwd)=[^&;]*", "$1=<masked>");
    }
}
