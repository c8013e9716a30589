package io.watchmen.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import io.watchmen.core.id.RegistryTables.Worker;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompetitiveWorkerRegistryTest {

    private static final String TABLE = "snowflake_competitive_workers";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00.250Z");
    private static final LocalDateTime START_SECONDS = LocalDateTime.of(2026, 3, 1, 10, 0, 0);
    /** Longer than the liveness window of 60 s + 60 s: heartbeats did not run while the instance was frozen. */
    private static final Duration FREEZE = Duration.ofMinutes(5);

    private static Settings.Snowflake v1(int retryTimes) {
        return new Settings.Snowflake(0, 0, true, false, Duration.ofSeconds(60), retryTimes, false);
    }

    private static SnowflakeGenerator generator(TestDb db, MutableClock clock) {
        return SnowflakeGenerator.create(v1(3), db.dataSource(), clock);
    }

    private static LocalDateTime now(MutableClock clock) {
        return LocalDateTime.ofInstant(clock.instant(), clock.getZone()).withNano(0);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_firstCall_claimsARowHoldingALeaseToken(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfclaim")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator generator = generator(db, clock)) {
                assertThat(RegistryTables.competitiveWorkers(db)).as("claimed lazily").isEmpty();

                long id = generator.nextId();

                List<Worker> rows = RegistryTables.competitiveWorkers(db);
                assertThat(rows).hasSize(1);
                Worker row = rows.get(0);
                assertThat(row.dataCenterId()).isZero();
                assertThat(row.workerId()).isEqualTo(SnowflakeGenerator.workerIdOf(id)).isEqualTo(generator.workerId());
                assertThat(row.processId()).matches("\\d+:[0-9a-f]{32}");
                assertThat(row.registeredAt()).isEqualTo(START_SECONDS);
                assertThat(row.lastBeatAt()).isEqualTo(START_SECONDS);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void close_afterClaim_deletesOurRow(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfclose")) {
            RegistryTables.create(db, TABLE);
            SnowflakeGenerator generator = generator(db, new MutableClock(START));
            generator.nextId();
            assertThat(RegistryTables.competitiveWorkers(db)).hasSize(1);

            generator.close();

            assertThat(RegistryTables.competitiveWorkers(db)).isEmpty();
            assertThatThrownBy(generator::nextId).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claims_fromConcurrentRegistries_neverShareAWorkerId(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfconcurrent")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            int registries = 8;
            List<SnowflakeGenerator> generators = new ArrayList<>();
            for (int i = 0; i < registries; i++) {
                generators.add(SnowflakeGenerator.create(v1(10), db.dataSource(), clock));
            }
            ExecutorService pool = Executors.newFixedThreadPool(registries);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> claims = new ArrayList<>();
                for (SnowflakeGenerator generator : generators) {
                    claims.add(pool.submit(() -> {
                        go.await();
                        return generator.workerId();
                    }));
                }
                go.countDown();
                List<Integer> workerIds = new ArrayList<>();
                for (Future<Integer> claim : claims) {
                    workerIds.add(claim.get());
                }

                assertThat(workerIds).doesNotHaveDuplicates();
                assertThat(RegistryTables.competitiveWorkers(db)).extracting(Worker::workerId)
                        .containsExactlyInAnyOrderElementsOf(workerIds);
            } finally {
                pool.shutdownNow();
                generators.forEach(SnowflakeGenerator::close);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_afterAFreezeWhileAnotherRegistryTookOver_reclaimsBeforeIssuingIds(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("sftakeover")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator frozen = generator(db, clock);
                 SnowflakeGenerator other = generator(db, clock)) {
                int original = frozen.workerId();
                int spare = (original + 1) % 1024;

                clock.advance(FREEZE);
                // Every other id is alive, so the other registry can only take over the frozen one's row.
                RegistryTables.insertOthers(db, now(clock), original);
                assertThat(other.workerId()).isEqualTo(original);
                String othersLease = RegistryTables.competitiveWorker(db, 0, original).processId();
                RegistryTables.execute(db, "DELETE FROM " + TABLE + " WHERE data_center_id = 0 AND worker_id = ?",
                        spare);

                long id = frozen.nextId();

                assertThat(SnowflakeGenerator.workerIdOf(id)).isEqualTo(spare);
                assertThat(frozen.workerId()).isEqualTo(spare);
                assertThat(SnowflakeGenerator.workerIdOf(other.nextId())).isEqualTo(original);
                assertThat(RegistryTables.competitiveWorker(db, 0, original).processId()).isEqualTo(othersLease);
                assertThat(RegistryTables.competitiveWorker(db, 0, spare).processId()).isNotEqualTo(othersLease);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void close_afterAnotherRegistryTookOver_leavesItsRowAlone(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfcloseother")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            SnowflakeGenerator frozen = generator(db, clock);
            int original = frozen.workerId();
            clock.advance(FREEZE);
            RegistryTables.insertOthers(db, now(clock), original);
            try (SnowflakeGenerator other = generator(db, clock)) {
                assertThat(other.workerId()).isEqualTo(original);

                frozen.close();

                assertThat(RegistryTables.competitiveWorker(db, 0, original)).isNotNull();
                assertThat(RegistryTables.competitiveWorker(db, 0, original).lastBeatAt()).isEqualTo(now(clock));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_afterAFreezeWithTheRowStillOurs_revalidatesAndKeepsTheWorkerId(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("sfrevalidate")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator generator = generator(db, clock)) {
                int workerId = generator.workerId();
                Worker before = RegistryTables.competitiveWorker(db, 0, workerId);

                clock.advance(Duration.ofSeconds(30));
                generator.nextId();
                assertThat(RegistryTables.competitiveWorker(db, 0, workerId)).as("fresh lease: no database call")
                        .isEqualTo(before);

                clock.advance(FREEZE);
                long id = generator.nextId();

                assertThat(SnowflakeGenerator.workerIdOf(id)).isEqualTo(workerId);
                Worker after = RegistryTables.competitiveWorker(db, 0, workerId);
                assertThat(after.lastBeatAt()).isEqualTo(now(clock));
                assertThat(after.registeredAt()).isEqualTo(before.registeredAt());
                assertThat(after.processId()).as("token rotated on renewal").isNotEqualTo(before.processId());
                assertThat(RegistryTables.competitiveWorkers(db)).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void suspendThenResume_claimsAFreshLease(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfsuspend")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator generator = generator(db, clock)) {
                generator.nextId();
                Worker before = RegistryTables.competitiveWorkers(db).get(0);

                generator.suspend();
                assertThat(RegistryTables.competitiveWorkers(db)).as("released on suspend").isEmpty();
                generator.resume();

                List<Worker> rows = RegistryTables.competitiveWorkers(db);
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).processId()).isNotEqualTo(before.processId());
                assertThat(SnowflakeGenerator.workerIdOf(generator.nextId())).isEqualTo(rows.get(0).workerId());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void resume_withoutSuspend_replacesTheLease(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfresume")) {
            RegistryTables.create(db, TABLE);
            try (SnowflakeGenerator generator = generator(db, new MutableClock(START))) {
                generator.nextId();
                Worker before = RegistryTables.competitiveWorkers(db).get(0);

                generator.resume();

                List<Worker> rows = RegistryTables.competitiveWorkers(db);
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).processId()).isNotEqualTo(before.processId());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_whenAll1024WorkerIdsAreAlive_failsWithWorkerIdUnavailable(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sffull")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            RegistryTables.insertOthers(db, now(clock));
            try (SnowflakeGenerator generator = generator(db, clock)) {
                assertThatThrownBy(generator::nextId)
                        .isInstanceOf(WatchmenException.class)
                        .hasMessageContaining("1024")
                        .extracting(e -> ((WatchmenException) e).code())
                        .isEqualTo(ErrorCode.WORKER_ID_UNAVAILABLE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_whenOnlyARowAbandonedDaysAgoIsLeft_takesItOver(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfabandoned")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            RegistryTables.insertOthers(db, now(clock), 42);
            // Older than a day plus 10 s: the reference's seconds-of-day test would judge it alive.
            LocalDateTime longAgo = now(clock).minusDays(3).minusSeconds(10);
            RegistryTables.execute(db, "INSERT INTO " + TABLE + " (ip, process_id, data_center_id, worker_id,"
                    + " registered_at, last_beat_at) VALUES ('10.1.1.1', '4242', 0, 42, ?, ?)", longAgo, longAgo);
            try (SnowflakeGenerator generator = generator(db, clock)) {
                assertThat(SnowflakeGenerator.workerIdOf(generator.nextId())).isEqualTo(42);

                Worker row = RegistryTables.competitiveWorker(db, 0, 42);
                assertThat(row.processId()).matches("\\d+:[0-9a-f]{32}");
                assertThat(row.registeredAt()).isEqualTo(now(clock));
                assertThat(row.lastBeatAt()).isEqualTo(now(clock));
            }
        }
    }

    @Test
    void heartbeat_afterClaim_runsOnANamedDaemonThread() throws Exception {
        try (TestDb db = TestDatabase.H2.create("sfdaemon")) {
            RegistryTables.create(db, TABLE);
            Settings.Snowflake settings = new Settings.Snowflake(2, 0, true, false, Duration.ofSeconds(60), 3, false);
            try (SnowflakeGenerator generator = SnowflakeGenerator.create(settings, db.dataSource(),
                    new MutableClock(START))) {
                generator.nextId();

                assertThat(Thread.getAllStackTraces().keySet())
                        .filteredOn(t -> t.getName().equals("watchmen-snowflake-heartbeat-dc2"))
                        .isNotEmpty()
                        .allMatch(Thread::isDaemon);
            }
        }
    }

    @Test
    void nextId_whenEveryClaimAttemptFails_failsNamingTheRetrySetting() throws Exception {
        try (TestDb db = TestDatabase.H2.create("sfnotable");
             SnowflakeGenerator generator = SnowflakeGenerator.create(v1(2), db.dataSource(),
                     new MutableClock(START))) {
            assertThatThrownBy(generator::nextId)
                    .isInstanceOf(WatchmenException.class)
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining("SNOWFLAKE_COMPETITIVE_WORKER_CREATION_RETRY_TIMES=2")
                    .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.WORKER_ID_UNAVAILABLE);
        }
    }

    @Test
    void nextId_afterAFreezeWhenTheLeaseCannotBeChecked_issuesNoId() throws Exception {
        try (TestDb db = TestDatabase.H2.create("sfunchecked")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator generator = generator(db, clock)) {
                generator.nextId();
                RegistryTables.execute(db, "DROP TABLE " + TABLE);

                clock.advance(FREEZE);

                assertThatThrownBy(generator::nextId)
                        .isInstanceOf(WatchmenException.class)
                        .hasMessageContaining("Cannot re-validate")
                        .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.WORKER_ID_UNAVAILABLE);
            }
        }
    }
}
