package io.watchmen.core.trigger;

import io.watchmen.core.storage.ForwardingUnitOfWork;
import io.watchmen.core.storage.UnitOfWork;

/**
 * A real unit of work whose commit runs a hook first (which may throw, as a crash or a failed commit would) and
 * another after it succeeded.
 */
final class InterceptedUnitOfWork extends ForwardingUnitOfWork {

    private final Runnable beforeCommit;
    private final Runnable afterCommit;

    InterceptedUnitOfWork(UnitOfWork delegate, Runnable beforeCommit) {
        this(delegate, beforeCommit, () -> { });
    }

    InterceptedUnitOfWork(UnitOfWork delegate, Runnable beforeCommit, Runnable afterCommit) {
        super(delegate);
        this.beforeCommit = beforeCommit;
        this.afterCommit = afterCommit;
    }

    /** Counts the commits that succeeded. */
    static InterceptedUnitOfWork counting(UnitOfWork delegate, java.util.concurrent.atomic.AtomicInteger commits) {
        return new InterceptedUnitOfWork(delegate, () -> { }, commits::incrementAndGet);
    }

    /** Thrown by a hook: the process died here (an Error, so nothing on the way catches it as a failure). */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash before the commit");
        }
    }

    @Override
    public void commit() {
        beforeCommit.run();
        super.commit();
        afterCommit.run();
    }
}
