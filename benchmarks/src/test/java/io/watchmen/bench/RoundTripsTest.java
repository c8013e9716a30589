package io.watchmen.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Round trips per cascade trigger, counted on the wire: fails when a saving regresses (pools toggling auto-commit,
 * the ledger claim sent on its own, the monitor logs or the COMMIT in round trips of their own). The bounds leave
 * half a round trip per trigger for a stray pool validation; each saving is a whole one. No time is measured.
 */
class RoundTripsTest {

    private static final int TRIGGERS = 100;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"MARIADB", "POSTGRES"})
    void aCascadeTriggerTakesNoMoreRoundTripsThanExpected(TestDatabase database) throws Exception {
        try (TestDb db = database.create("roundtrips")) {
            RoundTrips.Result result = RoundTrips.cascade(db.jdbcUrl(), db.user(), db.password(), TRIGGERS);
            System.out.printf("round trips per cascade trigger on %s: ours %.2f, baseline %.2f%n", database,
                    result.ours(), result.baseline());
            // MariaDB: 5 statements of the cascade, then ledger claim + monitor logs + COMMIT in one (the baseline:
            // 5 statements and COMMIT). PostgreSQL: the same, plus the extra Sync pgjdbc's autosave costs a SELECT
            // of ours (the baseline pays it once).
            double ours = database == TestDatabase.MARIADB ? 6 : 8;
            double baseline = database == TestDatabase.MARIADB ? 6 : 7;
            assertTrue(result.ours() < ours + 0.5, "ours: " + result.ours() + " round trips per trigger");
            assertTrue(result.baseline() < baseline + 0.5, "baseline: " + result.baseline()
                    + " round trips per trigger");
        }
    }
}
