package io.watchmen.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import io.watchmen.core.id.RegistryTables.Slot;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnowflakeWorkersRegistryTest {

    private static final String TABLE = "snowflake_workers";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00.250Z");
    private static final Duration FREEZE = Duration.ofMinutes(5);
    private static final LocalDateTime FOREVER = LocalDateTime.of(9999, 12, 31, 23, 59, 59);
    private static final LocalDateTime RELEASED = LocalDateTime.of(1970, 1, 1, 0, 0, 0);

    private static SnowflakeGenerator generator(TestDb db, MutableClock clock, boolean serverless) {
        Settings.Snowflake settings = new Settings.Snowflake(0, 0, true, true, Duration.ofSeconds(60), 3, serverless);
        return SnowflakeGenerator.create(settings, db.dataSource(), clock);
    }

    private static LocalDateTime now(MutableClock clock) {
        return LocalDateTime.ofInstant(clock.instant(), clock.getZone()).withNano(0);
    }

    /** Marks every row but {@code except} as held by live instances. */
    private static void holdOthers(TestDb db, LocalDateTime beat, int except) throws Exception {
        RegistryTables.execute(db, "UPDATE " + TABLE + " SET locked = '1', last_beat_at = ?"
                + " WHERE data_center_id = 0 AND worker_id <> ?", beat, except);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_onTheSeededTable_locksOneRowAndCloseReleasesIt(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfv2claim")) {
            RegistryTables.create(db, TABLE);
            RegistryTables.seedSlots(db);
            MutableClock clock = new MutableClock(START);
            SnowflakeGenerator generator = generator(db, clock, false);

            int workerId = SnowflakeGenerator.workerIdOf(generator.nextId());

            assertThat(RegistryTables.slots(db)).filteredOn(Slot::locked).extracting(Slot::workerId)
                    .containsExactly(workerId);
            Slot held = RegistryTables.slot(db, workerId);
            assertThat(held.registeredAt()).isEqualTo(now(clock));
            assertThat(held.lastBeatAt()).isEqualTo(now(clock));

            generator.close();

            Slot released = RegistryTables.slot(db, workerId);
            assertThat(released.locked()).isFalse();
            assertThat(released.lastBeatAt()).isEqualTo(RELEASED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_inServerlessPlatform_holdsTheRowUntilReleasedEvenAfterAFreeze(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("sfv2serverless")) {
            RegistryTables.create(db, TABLE);
            RegistryTables.seedSlots(db);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator frozen = generator(db, clock, true);
                 SnowflakeGenerator other = generator(db, clock, true)) {
                int workerId = frozen.workerId();
                assertThat(RegistryTables.slot(db, workerId).lastBeatAt()).isEqualTo(FOREVER);

                clock.advance(FREEZE);
                holdOthers(db, now(clock), workerId);

                assertThatThrownBy(other::nextId).isInstanceOf(WatchmenException.class)
                        .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.WORKER_ID_UNAVAILABLE);
                assertThat(SnowflakeGenerator.workerIdOf(frozen.nextId())).isEqualTo(workerId);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_afterAFreezeWhileAnotherRegistryTookOver_reclaimsBeforeIssuingIds(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("sfv2takeover")) {
            RegistryTables.create(db, TABLE);
            RegistryTables.seedSlots(db);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator frozen = generator(db, clock, false);
                 SnowflakeGenerator other = generator(db, clock, false)) {
                int original = frozen.workerId();
                int spare = (original + 1) % 1024;

                clock.advance(FREEZE);
                holdOthers(db, now(clock), original);
                assertThat(other.workerId()).isEqualTo(original);
                RegistryTables.execute(db, "UPDATE " + TABLE + " SET locked = '0' WHERE data_center_id = 0"
                        + " AND worker_id = ?", spare);

                long id = frozen.nextId();

                assertThat(SnowflakeGenerator.workerIdOf(id)).isEqualTo(spare);
                assertThat(SnowflakeGenerator.workerIdOf(other.nextId())).isEqualTo(original);
                assertThat(RegistryTables.slot(db, original).locked()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nextId_onAnUnseededTable_insertsTheClaimedRow(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfv2empty")) {
            RegistryTables.create(db, TABLE);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator generator = generator(db, clock, false)) {
                int workerId = SnowflakeGenerator.workerIdOf(generator.nextId());

                assertThat(RegistryTables.slots(db)).extracting(Slot::workerId, Slot::locked)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(workerId, true));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claims_fromConcurrentRegistries_neverShareAWorkerId(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfv2concurrent")) {
            RegistryTables.create(db, TABLE);
            RegistryTables.seedSlots(db);
            MutableClock clock = new MutableClock(START);
            List<SnowflakeGenerator> generators = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                generators.add(generator(db, clock, false));
            }
            ExecutorService pool = Executors.newFixedThreadPool(generators.size());
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
                assertThat(RegistryTables.slots(db)).filteredOn(Slot::locked).extracting(Slot::workerId)
                        .containsExactlyInAnyOrderElementsOf(workerIds);
            } finally {
                pool.shutdownNow();
                generators.forEach(SnowflakeGenerator::close);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void suspendThenResume_releasesAndClaimsAFreshLease(TestDatabase database) throws Exception {
        try (TestDb db = database.create("sfv2suspend")) {
            RegistryTables.create(db, TABLE);
            RegistryTables.seedSlots(db);
            MutableClock clock = new MutableClock(START);
            try (SnowflakeGenerator generator = generator(db, clock, true)) {
                generator.nextId();

                generator.suspend();
                assertThat(RegistryTables.slots(db)).noneMatch(Slot::locked);
                clock.advance(Duration.ofSeconds(1));
                generator.resume();

                List<Slot> held = RegistryTables.slots(db).stream().filter(Slot::locked).toList();
                assertThat(held).hasSize(1);
                assertThat(held.get(0).registeredAt()).isEqualTo(now(clock));
                assertThat(SnowflakeGenerator.workerIdOf(generator.nextId())).isEqualTo(held.get(0).workerId());
            }
        }
    }
}
