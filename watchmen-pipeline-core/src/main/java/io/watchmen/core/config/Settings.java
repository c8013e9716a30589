package io.watchmen.core.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the runtime, read once from the environment. Watchmen's own variables keep their exact names
 * (an existing deployment's configuration works unchanged); this project's additions carry the prefix
 * {@value #PREFIX}. Each group is documented in {@code docs/configuration.md}.
 */
public record Settings(
        MetaStorage meta,
        Pool pool,
        Snowflake snowflake,
        Crypto crypto,
        Preparation preparation,
        Pipelines pipelines,
        Caches caches,
        Triggers triggers,
        Ledger ledger) {

    /** Prefix of the variables this project adds. */
    public static final String PREFIX = "WATCHMEN_";

    /** Watchmen's built-in AES key and IV (data source passwords and factor encryption share them). */
    static final String DEFAULT_AES_KEY = "hWmZq4t7w9z$C&F)J@NcRfUjXn2r5u8x";
    static final String DEFAULT_AES_IV = "J@NcRfUjXn2r5u8x";

    public static final int DEFAULT_POOL_MAX_SIZE = 2;
    public static final Duration DEFAULT_META_CACHE_TTL = Duration.ofSeconds(60);
    public static final int DEFAULT_CASCADE_LIMIT = 64;
    public static final long DEFAULT_MAX_OBJECT_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 200;
    public static final int DEFAULT_MAX_STRING_LENGTH = 4 * 1024 * 1024;
    public static final int DEFAULT_CHUNK_SIZE = 500;
    public static final int MAX_CHUNK_SIZE = 10_000;
    /**
     * Ledger rows are kept 8 days: longer than the longest redelivery window of the four clouds (Cloud Functions
     * retry an event for up to 7 days when deployed with {@code --retry}; docs/operations.md).
     */
    public static final int DEFAULT_LEDGER_RETENTION_HOURS = 192;
    /** The shortest retention accepted: Lambda's maximum event age (6 h) and FC's throttling retries (5 h). */
    public static final int MIN_LEDGER_RETENTION_HOURS = 6;
    static final int MAX_LEDGER_RETENTION_HOURS = 87_600;

    /**
     * The meta database. {@code jdbcUrl} is this project's shortcut ({@code WATCHMEN_META_JDBC_URL}); when blank the
     * URL is built from Watchmen's {@code META_STORAGE_*} variables.
     */
    public record MetaStorage(String jdbcUrl, String type, String host, int port, String userName, Secret password,
                              String name, boolean ssl, String sslCa, String sslClientCert, String sslClientKey) {
    }

    /** HikariCP pools, one per data source; sized for one function instance. */
    public record Pool(int maxSize, Duration connectionTimeout, Duration maxLifetime) {
    }

    /** Where the snowflake worker id comes from (spec storage 5.3) and how its lease is kept. */
    public record Snowflake(int dataCenterId, int workerId, boolean competitiveWorkers, boolean competitiveWorkersV2,
                            Duration heartBeatInterval, int creationRetryTimes, boolean inServerlessPlatform) {
        /** Liveness window W = heartbeat interval + 60 s, as in the reference. */
        public Duration livenessWindow() {
            return heartBeatInterval.plusSeconds(60);
        }
    }

    /** Keys for data-source password decryption and factor encryption; PAT storage mode. */
    public record Crypto(boolean dataSourceAesEnabled, Secret dataSourceAesKey, Secret dataSourceAesIv,
                         Secret encryptAesKey, Secret encryptAesIv, boolean patHashed) {
    }

    /** Trigger-data preparation (spec storage 3.2). Empty format lists mean the built-in pattern set. */
    public record Preparation(boolean ignoreDefaultOnRaw, boolean abandonDateTimeOnParseFail,
                              List<String> fullDateTimeFormats, List<String> dateTimeFormats,
                              List<String> dateFormats, List<String> timeFormats) {
    }

    /** Pipeline execution. */
    public record Pipelines(boolean updateRetry, int updateRetryTimes, Duration updateRetryInterval,
                            boolean updateRetryForce, boolean decryptFactorValue,
                            Duration standardExternalWriterTimeout, boolean errorHandleMonitorLogOnly,
                            int cascadeLimit) {
    }

    /** Metadata caches: entries older than {@code ttl} are re-read on the next use. */
    public record Caches(boolean enabled, Duration ttl, int maxTopics, int maxPipelines, int maxCompiledPipelines) {
    }

    /**
     * Storage objects and delivery. {@code chunkSize}: consecutive items of one object that share a unit of work
     * (1: each item its own).
     */
    public record Triggers(long maxObjectBytes, int maxAttempts, int maxNestingDepth, int maxStringLength,
                           int chunkSize) {
        /** The parser's defaults: 200 levels of nesting, strings up to 4 MiB; chunks of the default size. */
        public Triggers(long maxObjectBytes, int maxAttempts) {
            this(maxObjectBytes, maxAttempts, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH,
                    DEFAULT_CHUNK_SIZE);
        }

        public Triggers withChunkSize(int size) {
            return new Triggers(maxObjectBytes, maxAttempts, maxNestingDepth, maxStringLength, size);
        }
    }

    /**
     * Upkeep of the delivery ledger: the scheduled purge deletes rows of items done more than {@code retention} ago.
     * A redelivery that arrives after its item's row is gone runs the item again, so the retention must outlast
     * every redelivery window ({@value #MIN_LEDGER_RETENTION_HOURS} hours at least).
     */
    public record Ledger(Duration retention) {
        public Ledger {
            if (retention == null || retention.compareTo(Duration.ofHours(MIN_LEDGER_RETENTION_HOURS)) < 0) {
                throw new IllegalArgumentException("The delivery ledger retention must be at least "
                        + MIN_LEDGER_RETENTION_HOURS + " hours (" + PREFIX + "LEDGER_RETENTION_HOURS), not "
                        + retention + ": object storage redelivers events for hours.");
            }
        }

        public static Ledger defaults() {
            return new Ledger(Duration.ofHours(DEFAULT_LEDGER_RETENTION_HOURS));
        }
    }

    /** Settings with the ledger's upkeep at its defaults (callers written before {@link Ledger} existed). */
    public Settings(MetaStorage meta, Pool pool, Snowflake snowflake, Crypto crypto, Preparation preparation,
                    Pipelines pipelines, Caches caches, Triggers triggers) {
        this(meta, pool, snowflake, crypto, preparation, pipelines, caches, triggers, Ledger.defaults());
    }

    /** Reads the process environment, over a {@code .env} file in the working directory when there is one. */
    public static Settings fromEnvironment() {
        return fromEnvironment(processEnvironment());
    }

    /** The process environment over the variables of a {@code .env} file in the working directory, if any. */
    public static Map<String, String> processEnvironment() {
        return EnvFile.overlay(java.nio.file.Path.of(".env"), System.getenv());
    }

    /** Reads the given variables (tests pass a map); fails once, naming every malformed variable. */
    public static Settings fromEnvironment(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        MetaStorage meta = new MetaStorage(
                in.string(PREFIX + "META_JDBC_URL", null),
                in.string("META_STORAGE_TYPE", "mysql"),
                in.string("META_STORAGE_HOST", "localhost"),
                in.integer("META_STORAGE_PORT", 3306, 1, 65535),
                in.string("META_STORAGE_USER_NAME", "watchmen"),
                in.secret("META_STORAGE_PASSWORD", "watchmen"),
                in.string("META_STORAGE_NAME", "watchmen"),
                in.bool("META_STORAGE_SSL", false),
                in.string("META_STORAGE_SSL_CA", ""),
                in.string("META_STORAGE_SSL_CLIENT_CERT", ""),
                in.string("META_STORAGE_SSL_CLIENT_KEY", ""));
        Pool pool = new Pool(
                in.integer(PREFIX + "POOL_MAX_SIZE", DEFAULT_POOL_MAX_SIZE, 1, 1000),
                in.duration(PREFIX + "POOL_CONNECTION_TIMEOUT_MS", Duration.ofSeconds(10), ChronoUnit.MILLIS),
                in.duration(PREFIX + "POOL_MAX_LIFETIME_SECONDS", Duration.ofSeconds(3600), ChronoUnit.SECONDS));
        Snowflake snowflake = new Snowflake(
                in.integer("SNOWFLAKE_DATA_CENTER_ID", 0, 0, 3),
                in.integer("SNOWFLAKE_WORKER_ID", 0, 0, 1023),
                in.bool("SNOWFLAKE_COMPETITIVE_WORKERS", true),
                in.bool("SNOWFLAKE_COMPETITIVE_WORKERS_V2", false),
                in.duration("SNOWFLAKE_COMPETITIVE_WORKER_HEART_BEAT_INTERVAL", Duration.ofSeconds(60),
                        ChronoUnit.SECONDS),
                in.integer("SNOWFLAKE_COMPETITIVE_WORKER_CREATION_RETRY_TIMES", 3, 0, 1000),
                in.bool("IN_SERVERLESS_PLATFORM", false));
        Crypto crypto = new Crypto(
                in.bool("DATASOURCE_AES_ENABLED", true),
                in.secret("DATASOURCE_AES_KEY", DEFAULT_AES_KEY),
                in.secret("DATASOURCE_AES_IV", DEFAULT_AES_IV),
                in.secret("ENCRYPT_AES_KEY", DEFAULT_AES_KEY),
                in.secret("ENCRYPT_AES_IV", DEFAULT_AES_IV),
                in.bool(PREFIX + "PAT_HASHED", false));
        Preparation preparation = new Preparation(
                in.bool("IGNORE_DEFAULT_ON_RAW", true),
                in.bool("ABANDON_DATE_TIME_ON_PARSE_FAIL", false),
                in.stringList("FULL_DATETIME_FORMATS", List.of()),
                in.stringList("DATETIME_FORMATS", List.of()),
                in.stringList("DATE_FORMATS", List.of()),
                in.stringList("TIME_FORMATS", List.of()));
        Pipelines pipelines = new Pipelines(
                in.bool("PIPELINE_UPDATE_RETRY", true),
                in.integer("PIPELINE_UPDATE_RETRY_TIMES", 3, 0, 100),
                in.duration("PIPELINE_UPDATE_RETRY_INTERVAL", Duration.ofMillis(10), ChronoUnit.MILLIS),
                in.bool("PIPELINE_UPDATE_RETRY_FORCE", true),
                in.bool("DECRYPT_FACTOR_VALUE", false),
                in.duration("PIPELINE_STANDARD_EXTERNAL_WRITER_TIMEOUT", Duration.ofSeconds(60), ChronoUnit.SECONDS),
                in.bool("PIPELINE_ERROR_HANDLE_MONITOR_LOG", false),
                in.integer(PREFIX + "CASCADE_LIMIT", DEFAULT_CASCADE_LIMIT, 1, 100_000));
        Ledger ledger = new Ledger(Duration.ofHours(in.integer(PREFIX + "LEDGER_RETENTION_HOURS",
                DEFAULT_LEDGER_RETENTION_HOURS, MIN_LEDGER_RETENTION_HOURS, MAX_LEDGER_RETENTION_HOURS)));
        Caches caches = new Caches(
                in.bool("KERNEL_CACHE", true),
                in.duration(PREFIX + "META_CACHE_TTL_SECONDS", DEFAULT_META_CACHE_TTL, ChronoUnit.SECONDS),
                in.integer(PREFIX + "CACHE_MAX_TOPICS", 512, 1, 1_000_000),
                in.integer(PREFIX + "CACHE_MAX_PIPELINES", 1024, 1, 1_000_000),
                in.integer(PREFIX + "CACHE_MAX_COMPILED_PIPELINES", 1024, 1, 1_000_000));
        Triggers triggers = new Triggers(
                in.longValue(PREFIX + "MAX_OBJECT_BYTES", DEFAULT_MAX_OBJECT_BYTES, 1),
                in.integer(PREFIX + "MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 1, 100),
                in.integer(PREFIX + "MAX_NESTING_DEPTH", DEFAULT_MAX_NESTING_DEPTH, 1, 100_000),
                in.integer(PREFIX + "MAX_STRING_LENGTH", DEFAULT_MAX_STRING_LENGTH, 1, Integer.MAX_VALUE),
                in.integer(PREFIX + "TRIGGER_CHUNK_SIZE", DEFAULT_CHUNK_SIZE, 1, MAX_CHUNK_SIZE));
        if (in.bool("SNOWFLAKE_REMOTE_ENABLE", false)) {
            in.problem("SNOWFLAKE_REMOTE_ENABLE=true is not supported: a serverless function needs a local worker id "
                    + "(use SNOWFLAKE_COMPETITIVE_WORKERS or a fixed SNOWFLAKE_WORKER_ID)");
        }
        in.failOnProblems();
        return new Settings(meta, pool, snowflake, crypto, preparation, pipelines, caches, triggers, ledger);
    }

    /** Settings for a given meta JDBC URL with every other value at its default (local runs, tests). */
    public static Settings forJdbcUrl(String jdbcUrl, String user, String password) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put(PREFIX + "META_JDBC_URL", jdbcUrl);
        if (user != null) {
            env.put("META_STORAGE_USER_NAME", user);
        }
        env.put("META_STORAGE_PASSWORD", password == null ? "" : password);
        return fromEnvironment(env);
    }

    public Settings withSnowflake(Snowflake other) {
        return new Settings(meta, pool, other, crypto, preparation, pipelines, caches, triggers, ledger);
    }

    public Settings withCrypto(Crypto other) {
        return new Settings(meta, pool, snowflake, other, preparation, pipelines, caches, triggers, ledger);
    }

    public Settings withPreparation(Preparation other) {
        return new Settings(meta, pool, snowflake, crypto, other, pipelines, caches, triggers, ledger);
    }

    public Settings withPipelines(Pipelines other) {
        return new Settings(meta, pool, snowflake, crypto, preparation, other, caches, triggers, ledger);
    }

    public Settings withCaches(Caches other) {
        return new Settings(meta, pool, snowflake, crypto, preparation, pipelines, other, triggers, ledger);
    }

    public Settings withTriggers(Triggers other) {
        return new Settings(meta, pool, snowflake, crypto, preparation, pipelines, caches, other, ledger);
    }

    public Settings withLedger(Ledger other) {
        return new Settings(meta, pool, snowflake, crypto, preparation, pipelines, caches, triggers, other);
    }
}
