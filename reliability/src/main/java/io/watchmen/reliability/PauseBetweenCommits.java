package io.watchmen.reliability;

import io.watchmen.core.storage.ForwardingUnitOfWork;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unit of work of the crash worker that opens the window between the commits of two databases so that a
 * SIGKILL lands in it: at commit it commits the data sources other than the meta database first (in the unit's own
 * order, reverse of first use), and at the {@code pauseAt}-th such commit of the process says "window" and waits
 * to be killed before the meta database commits. Otherwise it then commits the rest as the unit would.
 */
final class PauseBetweenCommits extends ForwardingUnitOfWork {

    private final String metaKey;
    private final AtomicInteger dataSourceCommits;
    private final int pauseAt;
    private final PrintStream out;
    private final Map<String, StorageTarget> used = new LinkedHashMap<>();

    PauseBetweenCommits(UnitOfWork delegate, String metaKey, AtomicInteger dataSourceCommits, int pauseAt,
                        PrintStream out) {
        super(delegate);
        this.metaKey = metaKey;
        this.dataSourceCommits = dataSourceCommits;
        this.pauseAt = pauseAt;
        this.out = out;
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
        boolean committedDataSource = false;
        for (StorageTarget target : order) {
            if (target.key().equals(metaKey)) {
                continue;
            }
            try {
                delegate().connection(target).commit(); // sends what was deferred there first
            } catch (SQLException e) {
                throw new IllegalStateException("commit on data source " + target.key() + " failed", e);
            }
            committedDataSource = true;
        }
        if (committedDataSource && dataSourceCommits.incrementAndGet() == pauseAt) {
            out.println("window");
            out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE); // the harness kills the process here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted in the window", e);
            }
        }
        super.commit();
    }
}
