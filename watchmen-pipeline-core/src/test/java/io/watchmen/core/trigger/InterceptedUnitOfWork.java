package io.watchmen.core.trigger;

import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import java.sql.Connection;

/**
 * A real unit of work whose commit runs a hook first (which may throw, as a crash or a failed commit would) and
 * another after it succeeded.
 */
final class InterceptedUnitOfWork implements UnitOfWork {

    private final UnitOfWork delegate;
    private final Runnable beforeCommit;
    private final Runnable afterCommit;

    InterceptedUnitOfWork(UnitOfWork delegate, Runnable beforeCommit) {
        this(delegate, beforeCommit, () -> { });
    }

    InterceptedUnitOfWork(UnitOfWork delegate, Runnable beforeCommit, Runnable afterCommit) {
        this.delegate = delegate;
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
    public Connection connection(StorageTarget target) {
        return delegate.connection(target);
    }

    @Override
    public boolean defersWrites() {
        return delegate.defersWrites();
    }

    @Override
    public void defer(StorageTarget target, String sql, String table, RowBinder binder) {
        delegate.defer(target, sql, table, binder);
    }

    @Override
    public void recordWrite(StorageTarget target) {
        delegate.recordWrite(target);
    }

    @Override
    public java.util.List<StorageTarget> writtenTargets() {
        return delegate.writtenTargets();
    }

    @Override
    public void requireOwnUnits() {
        delegate.requireOwnUnits();
    }

    @Override
    public boolean ownUnitsRequired() {
        return delegate.ownUnitsRequired();
    }

    @Override
    public void commit() {
        beforeCommit.run();
        delegate.commit();
        afterCommit.run();
    }

    @Override
    public void rollback() {
        delegate.rollback();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
