package io.watchmen.core.trigger;

import io.watchmen.core.storage.ForwardingUnitOfWork;
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
final class CrashBetweenCommits extends ForwardingUnitOfWork {

    private final String metaKey;
    private final int dataSourceCommits;
    private final Map<String, StorageTarget> used = new LinkedHashMap<>();

    CrashBetweenCommits(UnitOfWork delegate, String metaKey, int dataSourceCommits) {
        super(delegate);
        this.metaKey = metaKey;
        this.dataSourceCommits = dataSourceCommits;
    }

    @Override
    public Connection connection(StorageTarget target) {
        used.putIfAbsent(target.key(), target);
        return super.connection(target);
    }

    @Override
    public void defer(StorageTarget target, String sql, String table, RowBinder binder) {
        used.putIfAbsent(target.key(), target);
        super.defer(target, sql, table, binder);
    }

    @Override
    public void deferToCommit(StorageTarget target, String sql, String table, RowBinder binder) {
        used.putIfAbsent(target.key(), target);
        super.deferToCommit(target, sql, table, binder);
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
                delegate().connection(target).commit(); // sends what was deferred there first
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            committed++;
        }
        throw new InterceptedUnitOfWork.SimulatedCrash();
    }
}
