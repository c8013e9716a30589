package io.watchmen.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class SnowflakeGeneratorTest {

    private static final Instant NEW_YEAR_2024 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void nextId_eighthIdOfAMillisecond_matchesTheSpecTestVector() {
        SnowflakeGenerator generator = SnowflakeGenerator.fixed(1, 5, Clock.fixed(NEW_YEAR_2024, ZoneOffset.UTC));

        long id = 0;
        for (int i = 0; i <= 7; i++) {
            id = generator.nextId();
        }

        assertThat(id).isEqualTo(1191289710183453703L);
        assertThat(SnowflakeGenerator.compose(NEW_YEAR_2024.toEpochMilli(), 1, 5, 7)).isEqualTo(1191289710183453703L);
        assertThat(SnowflakeGenerator.epochMillisOf(id)).isEqualTo(NEW_YEAR_2024.toEpochMilli());
        assertThat(SnowflakeGenerator.dataCenterIdOf(id)).isEqualTo(1);
        assertThat(SnowflakeGenerator.workerIdOf(id)).isEqualTo(5);
        assertThat(SnowflakeGenerator.sequenceOf(id)).isEqualTo(7);
    }

    @Test
    void nextId_firstIdOfAMillisecond_hasSequenceZero() {
        MutableClock clock = new MutableClock(NEW_YEAR_2024);
        SnowflakeGenerator generator = SnowflakeGenerator.fixed(0, 1, clock);
        generator.nextId();
        generator.nextId();

        clock.advance(Duration.ofMillis(1));

        assertThat(SnowflakeGenerator.sequenceOf(generator.nextId())).isZero();
    }

    @Test
    void nextId_millionIdsFromFourThreads_areUniqueAndIncreasingPerThread() throws Exception {
        SnowflakeGenerator generator = SnowflakeGenerator.fixed(2, 1023);
        LongSupplier ids = generator::nextId;
        int threads = 4;
        int perThread = 250_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<long[]> task = () -> {
                    long[] out = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        out[i] = ids.getAsLong();
                    }
                    return out;
                };
                futures.add(pool.submit(task));
            }
            Set<Long> all = new HashSet<>(threads * perThread * 2);
            int notIncreasing = 0;
            int foreignParts = 0;
            for (Future<long[]> future : futures) {
                long[] out = future.get();
                for (int i = 0; i < out.length; i++) {
                    if (i > 0 && out[i] <= out[i - 1]) {
                        notIncreasing++;
                    }
                    if (SnowflakeGenerator.workerIdOf(out[i]) != 1023
                            || SnowflakeGenerator.dataCenterIdOf(out[i]) != 2) {
                        foreignParts++;
                    }
                    all.add(out[i]);
                }
            }
            assertThat(notIncreasing).isZero();
            assertThat(foreignParts).isZero();
            assertThat(all).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nextId_whenClockGoesBackwards_keepsUsingTheLastMillisecond() {
        MutableClock clock = new MutableClock(NEW_YEAR_2024);
        SnowflakeGenerator generator = SnowflakeGenerator.fixed(0, 3, clock);
        long before = generator.nextId();

        clock.set(NEW_YEAR_2024.minusSeconds(5));
        long after = generator.nextId();

        assertThat(after).isGreaterThan(before);
        assertThat(SnowflakeGenerator.epochMillisOf(after)).isEqualTo(NEW_YEAR_2024.toEpochMilli());
        assertThat(SnowflakeGenerator.sequenceOf(after)).isEqualTo(1);
    }

    @Test
    void nextId_whenSequenceOverflows_waitsForTheNextMillisecond() {
        // Stands at t for the first 1 030 reads, then shows t + 1: the 1 025th id must wait for it.
        CountingClock clock = new CountingClock(NEW_YEAR_2024.toEpochMilli(), 1030);
        SnowflakeGenerator generator = SnowflakeGenerator.fixed(0, 9, clock);
        long last = 0;
        for (int i = 0; i < 1024; i++) {
            last = generator.nextId();
        }
        assertThat(SnowflakeGenerator.sequenceOf(last)).isEqualTo(1023);

        long overflow = generator.nextId();

        assertThat(clock.reads()).isGreaterThan(1030);
        assertThat(overflow).isGreaterThan(last);
        assertThat(SnowflakeGenerator.epochMillisOf(overflow)).isEqualTo(NEW_YEAR_2024.toEpochMilli() + 1);
        assertThat(SnowflakeGenerator.sequenceOf(overflow)).isZero();
    }

    @Test
    void fixed_workerIdOutOfRange_failsWithConfigInvalid() {
        assertThatThrownBy(() -> SnowflakeGenerator.fixed(0, 1024))
                .isInstanceOf(WatchmenException.class)
                .hasMessageContaining("SNOWFLAKE_WORKER_ID")
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThatThrownBy(() -> SnowflakeGenerator.fixed(4, 0))
                .hasMessageContaining("SNOWFLAKE_DATA_CENTER_ID");
    }

    @Test
    void create_competitiveWorkersOff_usesTheConfiguredWorkerId() {
        Settings.Snowflake settings = new Settings.Snowflake(3, 77, false, false, Duration.ofSeconds(60), 3, false);

        SnowflakeGenerator generator = SnowflakeGenerator.create(settings, null, Clock.systemUTC());

        assertThat(generator.dataCenterId()).isEqualTo(3);
        assertThat(generator.workerId()).isEqualTo(77);
        long id = generator.nextId();
        assertThat(SnowflakeGenerator.workerIdOf(id)).isEqualTo(77);
        assertThat(SnowflakeGenerator.dataCenterIdOf(id)).isEqualTo(3);
        generator.suspend();
        generator.resume();
        generator.close();
    }

    @Test
    void create_competitiveWorkersWithoutMetaDatabase_failsWithConfigInvalid() {
        Settings.Snowflake settings = Settings.fromEnvironment(java.util.Map.of()).snowflake();

        assertThatThrownBy(() -> SnowflakeGenerator.create(settings, null, Clock.systemUTC()))
                .isInstanceOf(WatchmenException.class)
                .hasMessageContaining("SNOWFLAKE_COMPETITIVE_WORKERS")
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.CONFIG_INVALID);
    }

    /** Shows {@code start} for the first {@code standFor} reads, then one millisecond later. */
    private static final class CountingClock extends Clock {
        private final long start;
        private final long standFor;
        private final AtomicLong reads = new AtomicLong();

        CountingClock(long start, long standFor) {
            this.start = start;
            this.standFor = standFor;
        }

        long reads() {
            return reads.get();
        }

        @Override
        public long millis() {
            return reads.incrementAndGet() <= standFor ? start : start + 1;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
