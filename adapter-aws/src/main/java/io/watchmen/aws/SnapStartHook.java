package io.watchmen.aws;

import io.watchmen.core.trigger.function.FunctionRuntime;
import java.util.Objects;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart runtime hooks. Before the snapshot the read path is warmed up (one read against a canned response), and
 * the runtime is built and primed (classes loaded, a connection opened and closed), then suspended: pools closed and
 * the snowflake worker id released, because every restored copy of the snapshot must claim its own id and open its
 * own connections. After a restore it resumes.
 */
public final class SnapStartHook implements Resource {

    private final FunctionRuntime runtime;
    private final Runnable readWarmUp;

    public SnapStartHook(FunctionRuntime runtime) {
        this(runtime, () -> { });
    }

    public SnapStartHook(FunctionRuntime runtime, Runnable readWarmUp) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.readWarmUp = Objects.requireNonNull(readWarmUp, "readWarmUp");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            readWarmUp.run();
        } catch (RuntimeException e) {
            // Only start-up speed depends on it: a restored instance then loads the read path on its first object.
            System.err.println("watchmen: the read warm-up before the snapshot failed: " + e);
        }
        runtime.prime();
        runtime.suspend();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        runtime.resume();
    }
}
