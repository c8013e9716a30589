package io.watchmen.core.id;

/**
 * Where a generator's worker id comes from: fixed, or leased from a registry table in the meta database.
 * Implementations are thread-safe.
 */
interface WorkerIdSource {

    /**
     * A worker id this process may use for ids stamped at {@code nowMillis}. A leased source re-validates or
     * re-claims its lease first when it may have been taken over (after a pause, a lost heartbeat or a resume).
     */
    int workerIdAt(long nowMillis);

    /** Releases whatever is leased; the next {@link #workerIdAt} claims again. */
    void suspend();

    /** Drops any lease carried over (possibly from a snapshot) and claims a fresh one. */
    void resume();

    /** Releases the lease and stops background work; the source cannot be used afterwards. */
    void close();

    /** A worker id set by configuration (SNOWFLAKE_COMPETITIVE_WORKERS=false); nothing to lease or release. */
    record Fixed(int workerId) implements WorkerIdSource {
        @Override
        public int workerIdAt(long nowMillis) {
            return workerId;
        }

        @Override
        public void suspend() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void close() {
        }
    }
}
