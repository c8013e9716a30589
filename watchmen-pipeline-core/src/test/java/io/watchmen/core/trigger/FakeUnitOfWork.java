package io.watchmen.core.trigger;

import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** A unit of work without a database: writes are actions applied on commit, dropped on rollback. */
final class FakeUnitOfWork implements UnitOfWork {

    private final List<Runnable> pending = new ArrayList<>();
    boolean committed;
    boolean rolledBack;
    boolean closed;

    void onCommit(Runnable action) {
        pending.add(action);
    }

    @Override
    public Connection connection(StorageTarget target) {
        throw new UnsupportedOperationException("no database in this test");
    }

    @Override
    public void commit() {
        pending.forEach(Runnable::run);
        pending.clear();
        committed = true;
    }

    @Override
    public void rollback() {
        pending.clear();
        rolledBack = true;
    }

    @Override
    public void close() {
        pending.clear();
        closed = true;
    }
}
