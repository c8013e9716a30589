package io.watchmen.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class CoreRuntimeLifecycleTest {

    private static final byte[] UNKNOWN_TOPIC = "{\"pat\": \"nobody\", \"code\": \"none\", \"data\": {}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void create_opensNothing_evenWhenTheDatabaseIsUnreachable() {
        Settings settings = Settings.forJdbcUrl("jdbc:postgresql://127.0.0.1:1/unreachable", "u", "p");

        CoreRuntime runtime = CoreRuntime.create(settings);
        runtime.suspend();
        runtime.close();
        runtime.close();

        assertThatThrownBy(() -> runtime.handle(object("after-close"))).isInstanceOf(WatchmenException.class)
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    void prime_createsTheLedgerTables_andTheRuntimeWorksAfterSuspendAndResume() throws Exception {
        try (TestDb db = TestDatabase.H2.create("lifecycle")) {
            MetaSchema.createIfAbsent(db.dataSource());
            try (CoreRuntime runtime = CoreRuntime.create(Settings.forJdbcUrl(db.jdbcUrl(), db.user(),
                    db.password()))) {
                runtime.prime();
                assertThat(count(db, "wmx_delivery_ledger")).isZero();
                assertThat(count(db, "wmx_failed_deliveries")).isZero();

                runtime.suspend();
                runtime.resume();
                ObjectOutcome outcome = runtime.handle(object("after-resume"));

                // The PAT is unknown: a permanent error, recorded as a dead letter through reopened pools.
                assertThat(outcome.disposition()).isEqualTo(Disposition.DEAD_LETTERED);
                assertThat(outcome.items().get(0).errorCode()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED);
                assertThat(count(db, "wmx_failed_deliveries")).isEqualTo(1);
            }
        }
    }

    @Test
    void warmUp_createsTheLedgerTablesAndLeasesAWorkerId_andTheFirstObjectRunsAfterIt() throws Exception {
        try (TestDb db = TestDatabase.H2.create("warm-up")) {
            MetaSchema.createIfAbsent(db.dataSource());
            try (CoreRuntime runtime = CoreRuntime.create(Settings.forJdbcUrl(db.jdbcUrl(), db.user(),
                    db.password()))) {
                runtime.warmUp();
                assertThat(count(db, "wmx_delivery_ledger")).isZero();
                assertThat(count(db, "snowflake_competitive_workers")).isEqualTo(1);

                ObjectOutcome outcome = runtime.handle(object("after-warm-up"));

                assertThat(outcome.items().get(0).errorCode()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED);
                assertThat(count(db, "snowflake_competitive_workers")).isEqualTo(1);
            }
        }
    }

    private static long count(TestDb db, String table) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static StorageObject object(String key) {
        return new StorageObject(new ObjectRef("mem", "bucket", key, "1", UNKNOWN_TOPIC.length), UNKNOWN_TOPIC);
    }
}
