package io.watchmen.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void fromEnvironment_withNothingSet_takesTheReferenceDefaults() {
        Settings settings = Settings.fromEnvironment(Map.of());
        assertThat(settings.meta().type()).isEqualTo("mysql");
        assertThat(settings.meta().port()).isEqualTo(3306);
        assertThat(settings.snowflake().competitiveWorkers()).isTrue();
        assertThat(settings.snowflake().heartBeatInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.snowflake().livenessWindow()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.pipelines().updateRetryTimes()).isEqualTo(3);
        assertThat(settings.pipelines().updateRetryInterval()).isEqualTo(Duration.ofMillis(10));
        assertThat(settings.preparation().ignoreDefaultOnRaw()).isTrue();
        assertThat(settings.pool().maxSize()).isEqualTo(Settings.DEFAULT_POOL_MAX_SIZE);
        assertThat(settings.caches().ttl()).isEqualTo(Settings.DEFAULT_META_CACHE_TTL);
    }

    @Test
    void fromEnvironment_readsWatchmensOwnVariableNames() {
        Settings settings = Settings.fromEnvironment(Map.of("META_STORAGE_HOST", "db.internal",
                "SNOWFLAKE_COMPETITIVE_WORKERS", "no", "SNOWFLAKE_WORKER_ID", "17", "PIPELINE_UPDATE_RETRY_TIMES", "5",
                "IGNORE_DEFAULT_ON_RAW", "off"));
        assertThat(settings.meta().host()).isEqualTo("db.internal");
        assertThat(settings.snowflake().competitiveWorkers()).isFalse();
        assertThat(settings.snowflake().workerId()).isEqualTo(17);
        assertThat(settings.pipelines().updateRetryTimes()).isEqualTo(5);
        assertThat(settings.preparation().ignoreDefaultOnRaw()).isFalse();
    }

    @Test
    void fromEnvironment_withSeveralBadValues_failsOnceNamingEveryVariable() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("META_STORAGE_PORT", "abc",
                "SNOWFLAKE_WORKER_ID", "4096", "KERNEL_CACHE", "maybe")))
                .isInstanceOfSatisfying(WatchmenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessageContaining("META_STORAGE_PORT=abc")
                .hasMessageContaining("SNOWFLAKE_WORKER_ID=4096")
                .hasMessageContaining("KERNEL_CACHE=maybe");
    }

    @Test
    void fromEnvironment_remoteSnowflake_isRejectedWithTheAlternatives() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("SNOWFLAKE_REMOTE_ENABLE", "true")))
                .hasMessageContaining("SNOWFLAKE_REMOTE_ENABLE=true is not supported");
    }

    @Test
    void secrets_neverPrintTheirValue() {
        Settings settings = Settings.fromEnvironment(Map.of("META_STORAGE_PASSWORD", "s3cr3t-value"));
        assertThat(settings.toString()).doesNotContain("s3cr3t-value");
        assertThat(settings.meta().password().reveal()).isEqualTo("s3cr3t-value");
    }

    @Test
    void fromEnvironment_readsTheParserLimits() {
        Settings settings = Settings.fromEnvironment(Map.of("WATCHMEN_MAX_NESTING_DEPTH", "50",
                "WATCHMEN_MAX_STRING_LENGTH", "1024"));
        assertThat(settings.triggers().maxNestingDepth()).isEqualTo(50);
        assertThat(settings.triggers().maxStringLength()).isEqualTo(1024);
        assertThat(Settings.fromEnvironment(Map.of()).triggers().maxNestingDepth())
                .isEqualTo(Settings.DEFAULT_MAX_NESTING_DEPTH);
    }

    @Test
    void fromEnvironment_readsTheTriggerChunkSize_defaulting500() {
        assertThat(Settings.fromEnvironment(Map.of("WATCHMEN_TRIGGER_CHUNK_SIZE", "1")).triggers().chunkSize())
                .isEqualTo(1);
        assertThat(Settings.fromEnvironment(Map.of("WATCHMEN_TRIGGER_CHUNK_SIZE", "10000")).triggers().chunkSize())
                .isEqualTo(10_000);
        assertThat(Settings.fromEnvironment(Map.of()).triggers().chunkSize()).isEqualTo(500);
    }

    @Test
    void fromEnvironment_rejectsATriggerChunkSizeOutsideOneToTenThousand() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("WATCHMEN_TRIGGER_CHUNK_SIZE", "0")))
                .hasMessageContaining("WATCHMEN_TRIGGER_CHUNK_SIZE=0 is outside [1, 10000]");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("WATCHMEN_TRIGGER_CHUNK_SIZE", "10001")))
                .hasMessageContaining("WATCHMEN_TRIGGER_CHUNK_SIZE=10001 is outside [1, 10000]");
    }

    @Test
    void ledgerRetention_withNothingSet_isEightDays() {
        assertThat(Settings.fromEnvironment(Map.of()).ledger().retention()).isEqualTo(Duration.ofHours(192));
    }

    @Test
    void ledgerRetention_isReadInHours() {
        Settings settings = Settings.fromEnvironment(Map.of("WATCHMEN_LEDGER_RETENTION_HOURS", "720"));
        assertThat(settings.ledger().retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void ledgerRetention_ofSixHours_isTheShortestAccepted() {
        Settings settings = Settings.fromEnvironment(Map.of("WATCHMEN_LEDGER_RETENTION_HOURS", "6"));
        assertThat(settings.ledger().retention()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void ledgerRetention_belowSixHours_isRejectedNamingTheVariableAndTheLimit() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("WATCHMEN_LEDGER_RETENTION_HOURS", "5")))
                .isInstanceOfSatisfying(WatchmenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessageContaining("WATCHMEN_LEDGER_RETENTION_HOURS=5 is outside [6, ");
    }

    @Test
    void ledgerRetention_notAWholeNumberOfHours_isRejected() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("WATCHMEN_LEDGER_RETENTION_HOURS", "1.5")))
                .hasMessageContaining("WATCHMEN_LEDGER_RETENTION_HOURS=1.5 is not an integer");
    }

    @Test
    void ledger_constructedBelowSixHours_isRejected() {
        assertThatThrownBy(() -> new Settings.Ledger(Duration.ofHours(5).plusMinutes(59)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 6 hours");
    }

    @Test
    void settings_builtWithoutALedger_takeTheDefaultRetention() {
        Settings s = Settings.fromEnvironment(Map.of("WATCHMEN_LEDGER_RETENTION_HOURS", "24"));
        Settings rebuilt = new Settings(s.meta(), s.pool(), s.snowflake(), s.crypto(), s.preparation(), s.pipelines(),
                s.caches(), s.triggers());
        assertThat(rebuilt.ledger()).isEqualTo(Settings.Ledger.defaults());
    }
}
