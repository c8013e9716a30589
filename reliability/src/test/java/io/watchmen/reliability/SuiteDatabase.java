package io.watchmen.reliability;

import io.watchmen.core.config.Settings;
import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.core.trigger.CoreRuntime;

/** A fresh test database with the fixture installed, a registry for checks and a runtime (worker id 0). */
final class SuiteDatabase implements AutoCloseable {

    /** Object size limit of the test runtimes: above the parser's string limit, far below the 50 MB. */
    static final long MAX_OBJECT_BYTES = 6L * 1024 * 1024;

    final TestDb db;
    final Database database;
    final DataSourceRegistry registry;
    final CoreRuntime runtime;

    private SuiteDatabase(TestDb db, Database database, int chunkSize) {
        this(db, database, chunkSize, true);
    }

    private SuiteDatabase(TestDb db, Database database, int chunkSize, boolean withFixture) {
        this.db = db;
        this.database = database;
        this.registry = database.registry();
        if (withFixture) {
            Fixture.load().install(registry.meta());
            this.runtime = CoreRuntime.create(database.settings(0, 100, MAX_OBJECT_BYTES, chunkSize));
            runtime.prime(); // creates the ledger tables the checks read
        } else {
            this.runtime = null;
        }
    }

    /** An empty database another JVM can reach, without fixture or runtime: a second (data) database. */
    static SuiteDatabase sharedEmpty(TestDatabase kind, String hint, java.nio.file.Path directory) {
        if (kind == TestDatabase.H2) {
            return new SuiteDatabase(null, new Database("jdbc:h2:file:" + directory.resolve(hint).toAbsolutePath()
                    + ";AUTO_SERVER=TRUE", "sa", ""), 1, false);
        }
        TestDb db = kind.create(hint);
        return new SuiteDatabase(db, new Database(db.jdbcUrl(), db.user(), db.password()), 1, false);
    }

    static SuiteDatabase create(TestDatabase kind, String hint) {
        return create(kind, hint, Settings.DEFAULT_CHUNK_SIZE);
    }

    /** With a runtime that runs {@code chunkSize} items of an object per unit of work. */
    static SuiteDatabase create(TestDatabase kind, String hint, int chunkSize) {
        TestDb db = kind.create(hint);
        return new SuiteDatabase(db, new Database(db.jdbcUrl(), db.user(), db.password()), chunkSize);
    }

    /** On a database another JVM can reach (for the crash suite): an H2 file database instead of memory. */
    static SuiteDatabase shared(TestDatabase kind, String hint, java.nio.file.Path directory) {
        return shared(kind, hint, directory, Settings.DEFAULT_CHUNK_SIZE);
    }

    static SuiteDatabase shared(TestDatabase kind, String hint, java.nio.file.Path directory, int chunkSize) {
        if (kind == TestDatabase.H2) {
            return new SuiteDatabase(null, new Database("jdbc:h2:file:" + directory.resolve(hint).toAbsolutePath()
                    + ";AUTO_SERVER=TRUE", "sa", ""), chunkSize);
        }
        return create(kind, hint, chunkSize);
    }

    StorageTarget target() {
        return registry.meta();
    }

    @Override
    public void close() throws Exception {
        try {
            if (runtime != null) {
                runtime.close();
            }
            registry.close();
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }
}
