package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Secret;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rows a unit of one item holds for its commit ({@link UnitOfWork#deferToCommit}). */
class HeldRowsTest {

    private static final String INSERT = "INSERT INTO held_row (k, v) VALUES (?, ?)";
    private static final String OTHER = "INSERT INTO held_other (k) VALUES (?)";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void heldRows_areCommitted_withTheirValuesBound(TestDatabase database) throws Exception {
        try (TestDb db = database.create("held"); DataSourceRegistry registry = registry(db)) {
            tables(registry);
            StorageTarget meta = registry.meta();
            try (UnitOfWork work = registry.newUnitOfWork()) {
                assertThat(work.holdsUntilCommit(meta)).isEqualTo(database != TestDatabase.H2);
                hold(work, meta, INSERT, "a", "it's; DROP TABLE held_row; --");
                hold(work, meta, OTHER, "b", null);
                hold(work, meta, INSERT, "c", "?");
                work.commit();
            }
            assertThat(rows(db, "SELECT k, v FROM held_row ORDER BY k"))
                    .containsExactly("a=it's; DROP TABLE held_row; --", "c=?");
            assertThat(rows(db, "SELECT k FROM held_other")).containsExactly("b");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"MARIADB", "POSTGRES"})
    void aHeldRowThatFails_failsTheCommit_andNothingOfTheUnitIsCommitted(TestDatabase database) throws Exception {
        try (TestDb db = database.create("held"); DataSourceRegistry registry = registry(db)) {
            tables(registry);
            StorageTarget meta = registry.meta();
            try (UnitOfWork work = registry.newUnitOfWork()) {
                hold(work, meta, INSERT, "a", "1");
                work.commit();
            }
            try (UnitOfWork work = registry.newUnitOfWork()) {
                try (Statement s = work.connection(meta).createStatement()) {
                    work.recordWrite(meta);
                    s.executeUpdate("INSERT INTO held_other (k) VALUES ('written at once')");
                }
                hold(work, meta, OTHER, "before", null);
                hold(work, meta, INSERT, "a", "duplicate");
                hold(work, meta, OTHER, "after", null);
                assertThatThrownBy(work::commit).isInstanceOf(WatchmenException.class)
                        .isNotInstanceOf(DuplicateKeyException.class).hasMessageContaining("SQLState 23");
                // refused again: a caller that swallowed the failure cannot commit a unit that lost rows
                assertThatThrownBy(work::commit).isInstanceOf(WatchmenException.class);
                work.rollback();
            }
            assertThat(rows(db, "SELECT k, v FROM held_row")).containsExactly("a=1");
            assertThat(rows(db, "SELECT k FROM held_other")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"MARIADB", "POSTGRES"})
    void heldRows_goBeforeAnExternalWrite_withoutCommitting(TestDatabase database) throws Exception {
        try (TestDb db = database.create("held"); DataSourceRegistry registry = registry(db)) {
            tables(registry);
            StorageTarget meta = registry.meta();
            try (UnitOfWork work = registry.newUnitOfWork()) {
                hold(work, meta, INSERT, "a", "1");
                work.beforeExternalWrite();
                try (Statement s = work.connection(meta).createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM held_row")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1); // sent, in the unit's transaction
                }
                assertThat(rows(db, "SELECT k, v FROM held_row")).isEmpty(); // not committed
                work.rollback();
            }
            assertThat(rows(db, "SELECT k, v FROM held_row")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void manyHeldRows_goAsBatches(TestDatabase database) throws Exception {
        try (TestDb db = database.create("held"); DataSourceRegistry registry = registry(db)) {
            tables(registry);
            StorageTarget meta = registry.meta();
            int count = CombinedStatement.MAX_ROWS * 2 + 1;
            try (UnitOfWork work = registry.newUnitOfWork()) {
                for (int i = 0; i < count; i++) {
                    hold(work, meta, INSERT, "k" + i, Integer.toString(i));
                }
                work.commit();
            }
            assertThat(rows(db, "SELECT k, v FROM held_row")).hasSize(count);
        }
    }

    private static void hold(UnitOfWork work, StorageTarget target, String sql, String key, String value) {
        work.deferToCommit(target, sql, sql.contains("held_row") ? "held_row" : "held_other", (statement, first) -> {
            statement.setString(first, key);
            if (sql.contains("held_row")) {
                statement.setString(first + 1, value);
                return first + 2;
            }
            return first + 1;
        });
    }

    private static DataSourceRegistry registry(TestDb db) {
        return new DataSourceRegistry(db.jdbcUrl(), db.user(), Secret.of(db.password()), StorageFixture.POOL,
                (id, tenant) -> Optional.empty());
    }

    private static void tables(DataSourceRegistry registry) throws Exception {
        try (Connection c = registry.meta().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE held_row (k VARCHAR(40) PRIMARY KEY, v VARCHAR(100))");
            s.execute("CREATE TABLE held_other (k VARCHAR(40))");
            c.commit();
        }
    }

    private static List<String> rows(TestDb db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getMetaData().getColumnCount() == 1 ? rs.getString(1)
                        : rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return rows;
    }
}
