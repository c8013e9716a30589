package io.watchmen.aws;

import io.watchmen.core.trigger.function.FunctionRuntime;
import java.util.Objects;
import org.crac.Context;
import org.crac.Resource;

/**
 * SnapStart runtime hooks. Before the snapshot the runtime is built and primed (classes loaded, a connection
 * opened and closed), then suspended: pools closed and the snowflake worker id released, because every restored
 * copy of the snapshot must claim its own id and open its own connections. After a restore it resumes.
 */
public final class SnapStartHook implements Resource {

    private final FunctionRuntime runtime;

    public SnapStartHook(FunctionRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        runtime.prime();
        runtime.suspend();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        runtime.resume();
    }
}
