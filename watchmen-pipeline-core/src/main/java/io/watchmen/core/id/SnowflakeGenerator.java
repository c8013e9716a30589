package io.watchmen.core.id;

/**
 * Snowflake ids with Watchmen's layout (spec storage 5.1): 41 bits of milliseconds since 2014-12-31T16:00:00Z,
 * 2 bits data center, 10 bits worker, 10 bits sequence. Thread-safe.
 */
public final class SnowflakeGenerator {

    /** 2015-01-01T00:00:00+08:00 in epoch milliseconds. */
    public static final long EPOCH = 1_420_041_600_000L;

    private SnowflakeGenerator() {
        throw new UnsupportedOperationException("implemented by the id package");
    }

    /** A generator with a fixed worker id and the system clock. */
    public static SnowflakeGenerator fixed(int dataCenterId, int workerId) {
        throw new UnsupportedOperationException("implemented by the id package");
    }

    public long nextId() {
        throw new UnsupportedOperationException("implemented by the id package");
    }
}
