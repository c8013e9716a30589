package io.watchmen.core.trigger;

import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real unit of work whose commit dies half-way, as a process killed between the commits of two databases: it
 * commits the first {@code dataSourceCommits} data sources other than the meta database, in the unit's own order
 * (reverse of first use, everything deferred sent first), then throws {@link InterceptedUnitOfWork.SimulatedCrash}
 * before the meta database commits. Closing it rolls back what did not commit.
 */
final class CrashBetweenCommits implements UnitOfWork {

    private final UnitOfWork delegate;
    private final String metaKey;
    private final int dataSourceCommits;
    private final Map<String, StorageTarget> used = new LinkedHashMap<>();

    CrashBetweenCommits(UnitOfWork delegate, String metaKey, int dataSourceCommits) {
        this.delegate = delegate;
        this.metaKey = metaKey;
        this.dataSourceCommits = dataSourceCommits;
    }

    @Override
    public Connection connection(StorageTarget target) {
        used.putIfAbsent(target.key(), target);
        return delegate.connection(target);
    }

    @Override
    public boolean defersWrites() {
        return delegate.defersWrites();
    }

    @Override
    public void defer(StorageTarget target, String sql, String table, RowBinder binder) {
        used.putIfAbsent(target.key(), target);
        delegate.defer(target, sql, table, binder);
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
    public void requireOwnUnits() {
        delegate.requireOwnUnits();
    }

    @Override
    public boolean ownUnitsRequired() {
        return delegate.ownUnitsRequired();
    }

    @Override
    public void commit() {
        List<StorageTarget> order = new ArrayList<>(used.values());
        Collections.reverse(order);
        int committed = 0;
        for (StorageTarget target : order) {
            if (target.key().equals(metaKey) || committed == dataSourceCommits) {
                continue;
            }
            try {
                delegate.connection(target).commit(); // sends what was deferred there first
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            committed++;
        }
        throw new InterceptedUnitOfWork.SimulatedCrash();
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
