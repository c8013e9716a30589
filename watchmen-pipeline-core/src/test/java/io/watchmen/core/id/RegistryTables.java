package io.watchmen.core.id;

import io.watchmen.core.testing.TestDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creates the registry tables in a test database from the per-dialect DDL beside the tests, and reads them back. */
final class RegistryTables {

    private RegistryTables() {
    }

    static void create(TestDb db, String table) throws Exception {
        String resource = "ddl/" + table + "." + db.kind().name().toLowerCase(Locale.ROOT) + ".sql";
        String ddl;
        try (InputStream in = RegistryTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing test resource " + resource);
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(ddl);
        }
    }

    /** A v1 row as stored. */
    record Worker(String ip, String processId, int dataCenterId, int workerId, LocalDateTime registeredAt,
                  LocalDateTime lastBeatAt) {
    }

    static List<Worker> competitiveWorkers(TestDb db) throws SQLException {
        try (Connection c = db.connection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ip, process_id, data_center_id, worker_id, registered_at,"
                     + " last_beat_at FROM snowflake_competitive_workers ORDER BY data_center_id, worker_id")) {
            List<Worker> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Worker(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class)));
            }
            return rows;
        }
    }

    static Worker competitiveWorker(TestDb db, int dataCenterId, int workerId) throws SQLException {
        return competitiveWorkers(db).stream()
                .filter(w -> w.dataCenterId() == dataCenterId && w.workerId() == workerId)
                .findFirst().orElse(null);
    }

    /** Rows of other (Python or Java) processes for every worker id of data center 0 except {@code except}. */
    static void insertOthers(TestDb db, LocalDateTime lastBeatAt, int... except) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("INSERT INTO snowflake_competitive_workers"
                     + " (ip, process_id, data_center_id, worker_id, registered_at, last_beat_at)"
                     + " VALUES ('10.0.0.9', ?, 0, ?, ?, ?)")) {
            for (int id = 0; id <= SnowflakeGenerator.MAX_WORKER_ID; id++) {
                if (contains(except, id)) {
                    continue;
                }
                s.setString(1, String.valueOf(5000 + id));
                s.setInt(2, id);
                s.setObject(3, lastBeatAt);
                s.setObject(4, lastBeatAt);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static void execute(TestDb db, String sql, Object... values) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** A v2 row as stored. */
    record Slot(int workerId, LocalDateTime registeredAt, LocalDateTime lastBeatAt, boolean locked) {
    }

    static List<Slot> slots(TestDb db) throws SQLException {
        try (Connection c = db.connection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT worker_id, registered_at, last_beat_at, locked"
                     + " FROM snowflake_workers WHERE data_center_id = 0 ORDER BY worker_id")) {
            List<Slot> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Slot(rs.getInt(1), rs.getObject(2, LocalDateTime.class),
                        rs.getObject(3, LocalDateTime.class), rs.getString(4).matches("1|t|true")));
            }
            return rows;
        }
    }

    static Slot slot(TestDb db, int workerId) throws SQLException {
        return slots(db).stream().filter(s -> s.workerId() == workerId).findFirst().orElse(null);
    }

    /** The 18.0.1 seed: 1 024 free rows of data center 0. */
    static void seedSlots(TestDb db) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("INSERT INTO snowflake_workers"
                     + " (data_center_id, worker_id, registered_at, last_beat_at, locked) VALUES (0, ?, ?, ?, '0')")) {
            LocalDateTime epoch = LocalDateTime.of(1970, 1, 1, 0, 0, 0);
            for (int id = 0; id <= SnowflakeGenerator.MAX_WORKER_ID; id++) {
                s.setInt(1, id);
                s.setObject(2, epoch);
                s.setObject(3, epoch);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
