package io.watchmen.core.storage;

import java.sql.Connection;

/**
 * One transaction per data source for everything one trigger item writes, handed down explicitly (as Jdbi
 * hands out its Handle). Connections are opened on first use with auto-commit off; {@link #commit()} commits
 * them all, {@link #rollback()} rolls them all back, {@link #close()} returns them to their pools (rolling back
 * anything not committed).
 */
public interface UnitOfWork extends AutoCloseable {

    /** The connection of this unit on the given storage, opened (and its transaction begun) on first use. */
    Connection connection(StorageTarget target);

    void commit();

    void rollback();

    @Override
    void close();
}
