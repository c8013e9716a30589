package io.watchmen.samples.function;

import io.watchmen.core.config.Settings;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;

/**
 * The short way to write a function: hand every new storage object to {@link CoreRuntime}, which parses it,
 * authenticates each item's PAT, takes a snowflake trace id and runs the pipelines in one unit of work per item.
 * The runtime is built once per function instance, lazily, and reused by warm invocations.
 */
public final class StorageObjectFunction implements AutoCloseable {

    private final Settings settings;
    private volatile CoreRuntime runtime;

    /** A function configured from the process environment, as on a cloud platform. */
    public StorageObjectFunction() {
        this(Settings.fromEnvironment());
    }

    public StorageObjectFunction(Settings settings) {
        this.settings = settings;
    }

    /**
     * Called by the platform for each new object. Returns normally when the object is done (or was done before,
     * or is dead-lettered); throws when the platform should deliver it again.
     */
    public ObjectOutcome onObjectCreated(String bucket, String key, String version, byte[] content) {
        StorageObject object = new StorageObject(new ObjectRef("my-cloud", bucket, key, version, content.length),
                content);
        ObjectOutcome outcome = runtime().handle(object);
        if (outcome.disposition() == Disposition.RETRY) {
            throw new IllegalStateException("Object " + object.ref().display() + " failed for now; retry it.");
        }
        return outcome;
    }

    private CoreRuntime runtime() {
        CoreRuntime current = runtime;
        if (current == null) {
            synchronized (this) {
                current = runtime;
                if (current == null) {
                    current = CoreRuntime.create(settings);
                    runtime = current;
                }
            }
        }
        return current;
    }

    /** Releases the snowflake worker id and closes the pools (preStop / shutdown hook). */
    @Override
    public synchronized void close() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
