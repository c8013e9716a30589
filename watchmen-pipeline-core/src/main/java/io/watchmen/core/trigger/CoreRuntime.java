package io.watchmen.core.trigger;

import io.watchmen.core.config.Settings;

/**
 * The core, wired once per function instance: pools, metadata caches, the PAT authenticator, the snowflake
 * generator (with its worker-id lease) and the pipeline kernel. Adapters build it lazily and reuse it across warm
 * invocations.
 */
public final class CoreRuntime implements StorageObjectHandler, AutoCloseable {

    private CoreRuntime() {
    }

    /** Builds the runtime; opens nothing until first use. */
    public static CoreRuntime create(Settings settings) {
        throw new UnsupportedOperationException("implemented by the trigger package");
    }

    /** Parse → per item: PAT → trace id → tryToInvokePipelines in one unit of work → outcome. */
    @Override
    public ObjectOutcome handle(StorageObject object) {
        throw new UnsupportedOperationException("implemented by the trigger package");
    }

    /** Warms up before a snapshot (AWS SnapStart beforeCheckpoint): loads classes, opens and closes a connection. */
    public void prime() {
        throw new UnsupportedOperationException("implemented by the trigger package");
    }

    /** Before a checkpoint or freeze: closes connections and releases the snowflake worker id. */
    public void suspend() {
        throw new UnsupportedOperationException("implemented by the trigger package");
    }

    /** After a restore: re-claims a worker id (restored instances must never share one); pools reopen lazily. */
    public void resume() {
        throw new UnsupportedOperationException("implemented by the trigger package");
    }

    /** Releases the worker id and closes every pool (preStop / shutdown). */
    @Override
    public void close() {
        throw new UnsupportedOperationException("implemented by the trigger package");
    }
}
