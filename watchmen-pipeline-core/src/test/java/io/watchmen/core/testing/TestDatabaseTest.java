package io.watchmen.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestDatabaseTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void create_givesAFreshWritableDatabase(TestDatabase database) throws Exception {
        try (TestDb db = database.create("selfcheck");
             Connection c = db.connection();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id INT PRIMARY KEY, label VARCHAR(20))");
            s.execute("INSERT INTO probe (id, label) VALUES (1, 'one')");
            try (ResultSet rs = s.executeQuery("SELECT label FROM probe WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("one");
            }
        }
    }
}
