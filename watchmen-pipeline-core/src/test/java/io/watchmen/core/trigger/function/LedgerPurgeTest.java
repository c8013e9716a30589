package io.watchmen.core.trigger.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.ObjectOutcome;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scheduled purge every adapter's timer entry runs ({@link FunctionRuntime#purgeLedger}), on the real ledger
 * tables: rows are written with SQL at chosen ages, the runtime's clock is fixed, the retention comes from
 * {@code WATCHMEN_LEDGER_RETENTION_HOURS} (24 h here).
 */
class LedgerPurgeTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 12, 0, 0);
    private static final Clock CLOCK = Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final List<String> lines = new ArrayList<>();
    private final FunctionLog log = new FunctionLog(lines::add);

    private static FunctionRuntime runtime(TestDb db) {
        Map<String, String> env = new HashMap<>();
        env.put("WATCHMEN_META_JDBC_URL", db.jdbcUrl());
        env.put("META_STORAGE_USER_NAME", db.user());
        env.put("META_STORAGE_PASSWORD", db.password() == null ? "" : db.password());
        env.put("SNOWFLAKE_COMPETITIVE_WORKERS", "false");
        env.put("WATCHMEN_LEDGER_RETENTION_HOURS", "24");
        Settings settings = Settings.fromEnvironment(env);
        FunctionRuntime runtime = new FunctionRuntime(() -> CoreRuntime.create(settings, CLOCK), CLOCK);
        runtime.prime(); // creates the ledger tables
        return runtime;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purgeLedger_deletesDoneRowsOlderThanTheRetention_andKeepsNewerOnes(TestDatabase database) throws Exception {
        try (TestDb db = database.create("purge"); FunctionRuntime runtime = runtime(db)) {
            insertDone(db, "old", NOW.minusDays(9));
            insertDone(db, "older-than-a-day", NOW.minusHours(24).minusSeconds(1));
            insertDone(db, "a-day-old", NOW.minusHours(24));
            insertDone(db, "new", NOW.minusMinutes(5));

            PurgeReport report = runtime.purgeLedger("test", "req-1", log);

            assertThat(report.purged()).isEqualTo(2);
            assertThat(report.doneBefore()).isEqualTo(NOW.minusHours(24));
            assertThat(report.retention()).isEqualTo(Duration.ofHours(24));
            assertThat(keys(db, "wmx_delivery_ledger")).containsExactlyInAnyOrder("a-day-old", "new");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purgeLedger_keepsDeadLettersAndPendingFailures_whateverTheirAge(TestDatabase database) throws Exception {
        try (TestDb db = database.create("purgedead"); FunctionRuntime runtime = runtime(db)) {
            insertFailure(db, "dead", NOW.minusDays(30), true);
            insertFailure(db, "retrying", NOW.minusDays(30), false);
            // a failure record of an item done since: stale, removed with its ledger row
            insertDone(db, "done-after-a-failure", NOW.minusDays(9));
            insertFailure(db, "done-after-a-failure", NOW.minusDays(10), false);

            runtime.purgeLedger("test", "req-2", log);

            assertThat(keys(db, "wmx_failed_deliveries")).containsExactlyInAnyOrder("dead", "retrying");
            assertThat(((CoreRuntime) runtime.handler()).deadLetters().list(10))
                    .extracting(letter -> letter.key().ref().key()).containsExactly("dead");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void purgeLedger_logsOneLine_withRowsCutOffRetentionAndDuration(TestDatabase database) throws Exception {
        try (TestDb db = database.create("purgelog"); FunctionRuntime runtime = runtime(db)) {
            insertDone(db, "old", NOW.minusDays(2));

            PurgeReport report = runtime.purgeLedger("test", "req-3", log);

            assertThat(lines).singleElement().satisfies(line -> {
                var json = WatchmenJson.mapper().readTree(line);
                assertThat(json.get("event").asText()).isEqualTo("watchmen.ledger.purge");
                assertThat(json.get("provider").asText()).isEqualTo("test");
                assertThat(json.get("requestId").asText()).isEqualTo("req-3");
                assertThat(json.get("status").asText()).isEqualTo("purged");
                assertThat(json.get("purged").asInt()).isEqualTo(1);
                assertThat(json.get("doneBefore").asText()).isEqualTo("2026-03-09T12:00");
                assertThat(json.get("retentionHours").asInt()).isEqualTo(24);
                assertThat(json.has("durationMs")).isTrue();
            });
            assertThat(report.summary()).containsEntry("requestId", "req-3").containsEntry("purged", 1)
                    .containsEntry("doneBefore", "2026-03-09T12:00").containsEntry("retentionHours", 24L);
        }
    }

    @Test
    void purgeLedger_whenTheDatabaseIsUnreachable_logsTheFailureAndThrows() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Settings settings = Settings.fromEnvironment(Map.of("WATCHMEN_META_JDBC_URL",
                "jdbc:mariadb://127.0.0.1:" + port + "/watchmen", "META_STORAGE_PASSWORD", "",
                "WATCHMEN_POOL_CONNECTION_TIMEOUT_MS", "500"));
        try (FunctionRuntime runtime = new FunctionRuntime(() -> CoreRuntime.create(settings, CLOCK), CLOCK)) {
            assertThatThrownBy(() -> runtime.purgeLedger("test", "req-4", log))
                    .isInstanceOf(WatchmenException.class);
        }
        assertThat(lines).singleElement().asString().contains("\"status\":\"failed\"", "\"requestId\":\"req-4\"",
                "\"retentionHours\":192", "\"error\":\"WatchmenException: ");
    }

    @Test
    void purgeLedger_withAHandlerThatIsNotTheCore_isRefused() {
        FunctionRuntime runtime = FunctionRuntime.of(object -> new ObjectOutcome(object.ref(), List.of(), null));

        assertThatThrownBy(() -> runtime.purgeLedger("test", "req-5", log))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs the core runtime");
        assertThat(lines).singleElement().asString().contains("\"status\":\"failed\"", "\"retentionHours\":null");
    }

    private static void insertDone(TestDb db, String objectKey, LocalDateTime doneAt) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement insert = c.prepareStatement("INSERT INTO"
                + " wmx_delivery_ledger (delivery_key, provider, bucket, object_key, object_size, item_index, status,"
                + " trace_id, claimed_at, done_at) VALUES (?, 'test', 'bucket', ?, 10, 0, 'done', '1', ?, ?)")) {
            insert.setString(1, deliveryKey(objectKey));
            insert.setString(2, objectKey);
            insert.setTimestamp(3, Timestamp.valueOf(doneAt));
            insert.setTimestamp(4, Timestamp.valueOf(doneAt));
            insert.executeUpdate();
        }
    }

    private static void insertFailure(TestDb db, String objectKey, LocalDateTime failedAt, boolean dead)
            throws SQLException {
        try (Connection c = db.connection(); PreparedStatement insert = c.prepareStatement("INSERT INTO"
                + " wmx_failed_deliveries (delivery_key, provider, bucket, object_key, object_size, item_index,"
                + " error_code, attempts, first_failed_at, last_failed_at, dead_lettered)"
                + " VALUES (?, 'test', 'bucket', ?, 10, 0, 'PAT_UNAUTHORIZED', 1, ?, ?, ?)")) {
            insert.setString(1, deliveryKey(objectKey));
            insert.setString(2, objectKey);
            insert.setTimestamp(3, Timestamp.valueOf(failedAt));
            insert.setTimestamp(4, Timestamp.valueOf(failedAt));
            insert.setBoolean(5, dead);
            insert.executeUpdate();
        }
    }

    /** A 64-character key per object (the ledger's CHAR(64) column). */
    private static String deliveryKey(String objectKey) {
        return String.format("%-64s", objectKey).replace(' ', '0');
    }

    private static List<String> keys(TestDb db, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement select = c.prepareStatement(
                "SELECT object_key FROM " + table); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}
