package io.watchmen.core.storage;

import java.sql.Connection;
import java.util.List;

/**
 * A unit of work that hands every call to another one; subclasses override what they intercept (fault injection
 * around commits, counting). Every method of {@link UnitOfWork} is forwarded here, defaults included, so a wrapper
 * never silently drops a call the interface gains later.
 */
public abstract class ForwardingUnitOfWork implements UnitOfWork {

    private final UnitOfWork delegate;

    protected ForwardingUnitOfWork(UnitOfWork delegate) {
        this.delegate = delegate;
    }

    protected final UnitOfWork delegate() {
        return delegate;
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
    public boolean holdsUntilCommit(StorageTarget target) {
        return delegate.holdsUntilCommit(target);
    }

    @Override
    public void deferToCommit(StorageTarget target, String sql, String table, RowBinder binder) {
        delegate.deferToCommit(target, sql, table, binder);
    }

    @Override
    public void beforeExternalWrite() {
        delegate.beforeExternalWrite();
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
    public void recordWrite(StorageTarget target) {
        delegate.recordWrite(target);
    }

    @Override
    public List<StorageTarget> writtenTargets() {
        return delegate.writtenTargets();
    }

    @Override
    public void commit() {
        delegate.commit();
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
