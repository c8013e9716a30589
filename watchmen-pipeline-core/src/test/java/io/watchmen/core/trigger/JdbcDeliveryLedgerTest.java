package io.watchmen.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Secret;
import io.watchmen.core.config.Settings;
import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcDeliveryLedgerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30.700Z"), ZoneId.of("UTC"));
    private static final ObjectRef REF = new ObjectRef("s3", "bucket", "in/orders.json", "v1", 10);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimAtOnce_ofANewItem_isGranted_andAfterCommitTheNextClaimFindsItDone(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            DeliveryKey key = DeliveryKey.of(REF, null, 0);

            try (UnitOfWork work = registry.newUnitOfWork()) {
                assertThat(ledger.claim(work, key, "1234").claimed()).isTrue();
                work.commit();
            }
            try (UnitOfWork work = registry.newUnitOfWork()) {
                DeliveryLedger.Claim again = ledger.claimAtOnce(work, key, "5678");
                assertThat(again).isEqualTo(DeliveryLedger.Claim.alreadyDone("1234", null));
                work.rollback();
            }
            try (Connection c = db.connection(); Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT status, item_index, object_key, claimed_at, done_at"
                         + " FROM wmx_delivery_ledger")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("done");
                assertThat(row.getInt(2)).isZero();
                assertThat(row.getString(3)).isEqualTo("in/orders.json");
                assertThat(row.getTimestamp(5).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 1, 10, 15, 30));
                assertThat(row.next()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claim_rolledBack_leavesNoTrace(TestDatabase database) throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            DeliveryKey key = DeliveryKey.of(REF, null, 1);

            try (UnitOfWork work = registry.newUnitOfWork()) {
                assertThat(ledger.claim(work, key, "8").claimed()).isTrue();
                work.rollback();
            }
            try (UnitOfWork work = registry.newUnitOfWork()) {
                assertThat(ledger.claim(work, key, "8").claimed()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimAtOnce_byAConcurrentDelivery_waitsForTheFirst_thenFindsItDone(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            ledger.ensureTables();
            DeliveryKey key = DeliveryKey.of(REF, null, 2);
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (UnitOfWork first = registry.newUnitOfWork()) {
                assertThat(ledger.claimAtOnce(first, key, "42").claimed()).isTrue();

                CompletableFuture<DeliveryLedger.Claim> second = CompletableFuture.supplyAsync(() -> {
                    try (UnitOfWork work = registry.newUnitOfWork()) {
                        DeliveryLedger.Claim claim = ledger.claimAtOnce(work, key, "43");
                        work.rollback();
                        return claim;
                    }
                }, executor);

                first.commit();
                assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(DeliveryLedger.Claim.alreadyDone("42", null));
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claim_ofADoneItem_inAUnitOfOneItem_isRefused_atTheClaimOnH2_atTheCommitOnServers(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            DeliveryKey key = DeliveryKey.of(REF, null, 5);
            try (UnitOfWork work = registry.newUnitOfWork()) {
                ledger.claim(work, key, "1234");
                work.commit();
            }

            try (UnitOfWork work = registry.newUnitOfWork()) {
                boolean held = work.holdsUntilCommit(registry.meta());
                assertThat(held).isEqualTo(database != TestDatabase.H2);
                DeliveryLedger.Claim claim = ledger.claim(work, key, "5678");
                if (held) {
                    // sent with the commit, which fails on the key and commits nothing
                    assertThat(claim.claimed()).isTrue();
                    assertThatThrownBy(work::commit).isInstanceOf(WatchmenException.class);
                    work.rollback();
                } else {
                    assertThat(claim).isEqualTo(DeliveryLedger.Claim.alreadyDone("1234", null));
                }
            }
            assertThat(ledger.doneRecord(key)).contains(DeliveryLedger.Claim.alreadyDone("1234", null));
            assertThat(ledger.doneRecord(DeliveryKey.of(REF, null, 6))).isEmpty();
            assertThat(ledgerRows(db)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"MARIADB", "POSTGRES"})
    void claim_heldByAConcurrentDelivery_waitsAtItsCommit_thenFailsWhenTheFirstCommitted(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            ledger.ensureTables();
            DeliveryKey key = DeliveryKey.of(REF, null, 7);
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (UnitOfWork first = registry.newUnitOfWork()) {
                assertThat(ledger.claimAtOnce(first, key, "42").claimed()).isTrue();

                CompletableFuture<Boolean> secondCommitted = CompletableFuture.supplyAsync(() -> {
                    try (UnitOfWork work = registry.newUnitOfWork()) {
                        assertThat(ledger.claim(work, key, "43").claimed()).isTrue();
                        try {
                            work.commit(); // waits on the first's uncommitted key
                            return true;
                        } catch (WatchmenException e) {
                            work.rollback();
                            return false;
                        }
                    }
                }, executor);

                first.commit();
                assertThat(secondCommitted.get(30, TimeUnit.SECONDS)).isFalse();
            } finally {
                executor.shutdownNow();
            }
            assertThat(ledger.doneRecord(key)).contains(DeliveryLedger.Claim.alreadyDone("42", null));
            assertThat(ledgerRows(db)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"MARIADB", "POSTGRES"})
    void claim_heldByAConcurrentDelivery_commitsWhenTheFirstRollsBack(TestDatabase database) throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            ledger.ensureTables();
            DeliveryKey key = DeliveryKey.of(REF, null, 8);
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (UnitOfWork first = registry.newUnitOfWork()) {
                assertThat(ledger.claimAtOnce(first, key, "42").claimed()).isTrue();

                CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                    try (UnitOfWork work = registry.newUnitOfWork()) {
                        ledger.claim(work, key, "43");
                        work.commit();
                    }
                }, executor);

                first.rollback();
                second.get(30, TimeUnit.SECONDS);
            } finally {
                executor.shutdownNow();
            }
            assertThat(ledger.doneRecord(key)).contains(DeliveryLedger.Claim.alreadyDone("43", null));
        }
    }

    private static int ledgerRows(TestDb db) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM wmx_delivery_ledger")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordFailure_ofATransientError_countsAttempts_andDeadLettersAtTheLimit(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            DeliveryKey key = DeliveryKey.of(REF, null, 0);

            assertThat(ledger.recordFailure(failure(key, ErrorCode.STORAGE_FAILED)))
                    .isEqualTo(new DeliveryLedger.FailureRecord(1, false));
            assertThat(ledger.recordFailure(failure(key, ErrorCode.STORAGE_FAILED)))
                    .isEqualTo(new DeliveryLedger.FailureRecord(2, false));
            assertThat(ledger.deadLetters(10)).isEmpty();
            assertThat(ledger.recordFailure(failure(key, ErrorCode.STORAGE_FAILED)))
                    .isEqualTo(new DeliveryLedger.FailureRecord(3, true));

            assertThat(ledger.deadLetters(10)).singleElement().satisfies(letter -> {
                assertThat(letter.key()).isEqualTo(key);
                assertThat(letter.attempts()).isEqualTo(3);
                assertThat(letter.errorCode()).isEqualTo(ErrorCode.STORAGE_FAILED);
                assertThat(letter.message()).isEqualTo("boom");
                assertThat(letter.traceId()).isEqualTo("99");
                assertThat(letter.rawContent()).isEqualTo("{\"raw\": true}");
                assertThat(letter.firstFailedAt()).isEqualTo(LocalDateTime.of(2026, 3, 1, 10, 15, 30));
                assertThat(letter.deadLettered()).isTrue();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordFailure_ofAPermanentError_deadLettersAtOnce(TestDatabase database) throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            DeliveryKey key = DeliveryKey.of(new ObjectRef("gcs", "b", "k", null, 1), "ab".repeat(32), 4);

            assertThat(ledger.recordFailure(failure(key, ErrorCode.PAT_UNAUTHORIZED)))
                    .isEqualTo(new DeliveryLedger.FailureRecord(1, true));
            assertThat(ledger.failure(key.value())).map(DeadLetter::key).contains(key);
            assertThat(ledger.discard(key.value())).isTrue();
            assertThat(ledger.failure(key.value())).isEqualTo(Optional.empty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void failure_ofAnItemDoneSince_isNoLongerListed(TestDatabase database) throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            DeliveryKey key = DeliveryKey.of(REF, null, 0);
            ledger.recordFailure(failure(key, ErrorCode.PAT_UNAUTHORIZED));
            assertThat(ledger.deadLetters(10)).hasSize(1);

            try (UnitOfWork work = registry.newUnitOfWork()) {
                ledger.claim(work, key, "5");
                work.commit();
            }

            assertThat(ledger.failure(key.value())).isEmpty();
            assertThat(ledger.deadLetters(10)).isEmpty();
            // purging the done row takes its stale failure record along: it must not read as a dead letter again
            assertThat(ledger.purgeDone(LocalDateTime.of(2026, 3, 1, 10, 15, 31))).isEqualTo(1);
            assertThat(ledger.deadLetters(10)).isEmpty();
            assertThat(ledger.discard(key.value())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimAtOnce_byAConcurrentDelivery_whenTheFirstRollsBack_isGranted(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            ledger.ensureTables();
            DeliveryKey key = DeliveryKey.of(REF, null, 3);
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (UnitOfWork first = registry.newUnitOfWork()) {
                assertThat(ledger.claimAtOnce(first, key, "42").claimed()).isTrue();

                CompletableFuture<DeliveryLedger.Claim> second = CompletableFuture.supplyAsync(() -> {
                    try (UnitOfWork work = registry.newUnitOfWork()) {
                        DeliveryLedger.Claim claim = ledger.claimAtOnce(work, key, "43");
                        work.commit();
                        return claim;
                    }
                }, executor);

                first.rollback();
                assertThat(second.get(30, TimeUnit.SECONDS).claimed()).isTrue();
            } finally {
                executor.shutdownNow();
            }
            try (UnitOfWork work = registry.newUnitOfWork()) {
                assertThat(ledger.claimAtOnce(work, key, "44"))
                        .isEqualTo(DeliveryLedger.Claim.alreadyDone("43", null));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tables_whenPresentAlready_areLeftAsTheyAre(TestDatabase database) throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            DeliveryKey key = DeliveryKey.of(REF, null, 0);
            ledger(registry, 3).recordFailure(failure(key, ErrorCode.STORAGE_FAILED));

            JdbcDeliveryLedger another = ledger(registry, 3);
            another.ensureTables();

            assertThat(another.failure(key.value())).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purgeDone_deletesOnlyRowsDoneBeforeTheCutOff(TestDatabase database) throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3);
            DeliveryKey key = DeliveryKey.of(REF, null, 0);
            try (UnitOfWork work = registry.newUnitOfWork()) {
                ledger.claim(work, key, "7");
                work.commit();
            }

            assertThat(ledger.purgeDone(LocalDateTime.of(2026, 3, 1, 10, 15, 30))).isZero();
            assertThat(ledger.purgeDone(LocalDateTime.of(2026, 3, 1, 10, 15, 31))).isEqualTo(1);
            try (UnitOfWork work = registry.newUnitOfWork()) {
                assertThat(ledger.claim(work, key, "8").claimed()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purgeDone_spanningSeveralBatches_deletesEveryRowBeforeTheCutOffAndTheirStaleFailures(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("ledger"); DataSourceRegistry registry = registry(db)) {
            JdbcDeliveryLedger ledger = ledger(registry, 3).withPurgeBatch(3);
            for (int index = 0; index < 10; index++) {
                DeliveryKey key = DeliveryKey.of(REF, null, index);
                if (index == 4) {
                    ledger.recordFailure(failure(key, ErrorCode.STORAGE_FAILED));
                }
                try (UnitOfWork work = registry.newUnitOfWork()) {
                    ledger.claim(work, key, "7" + index);
                    work.commit();
                }
            }

            assertThat(ledger.purgeDone(LocalDateTime.of(2026, 3, 1, 10, 15, 31))).isEqualTo(10);
            assertThat(ledger.failure(DeliveryKey.of(REF, null, 4).value())).isEmpty();
            assertThat(ledger.discard(DeliveryKey.of(REF, null, 4).value())).isFalse();
            try (UnitOfWork work = registry.newUnitOfWork()) {
                assertThat(ledger.claim(work, DeliveryKey.of(REF, null, 9), "8").claimed()).isTrue();
            }
        }
    }

    private static DeliveryLedger.Failure failure(DeliveryKey key, ErrorCode code) {
        return new DeliveryLedger.Failure(key, "99", code, "boom", "{\"raw\": true}");
    }

    private static JdbcDeliveryLedger ledger(DataSourceRegistry registry, int maxAttempts) {
        return new JdbcDeliveryLedger(registry.meta(), CLOCK, maxAttempts);
    }

    static DataSourceRegistry registry(TestDb db) {
        return new DataSourceRegistry(db.jdbcUrl(), db.user(), Secret.of(db.password()),
                new Settings.Pool(4, Duration.ofSeconds(30), Duration.ofMinutes(30)),
                (id, tenant) -> Optional.empty());
    }
}
