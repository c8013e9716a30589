package io.watchmen.core.id;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Statements on {@code snowflake_competitive_workers} (spec storage 1.2, 5.4). Plain standard SQL with bound values,
 * so one text serves MySQL/MariaDB, PostgreSQL and H2. Times are naive local times chosen by the caller.
 */
final class CompetitiveWorkerTable {

    static final String TABLE = "snowflake_competitive_workers";

    private static final String SELECT_ALIVE = "SELECT worker_id FROM " + TABLE
            + " WHERE data_center_id = ? AND last_beat_at > ?";
    private static final String SELECT_ROW = "SELECT ip, process_id, last_beat_at FROM " + TABLE
            + " WHERE data_center_id = ? AND worker_id = ?";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (ip, process_id, data_center_id, worker_id, registered_at, last_beat_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String TAKE_OVER = "UPDATE " + TABLE
            + " SET ip = ?, process_id = ?, registered_at = ?, last_beat_at = ?"
            + " WHERE data_center_id = ? AND worker_id = ? AND last_beat_at <= ? AND ";
    private static final String RENEW = "UPDATE " + TABLE + " SET process_id = ?, last_beat_at = ?"
            + " WHERE data_center_id = ? AND worker_id = ? AND process_id = ?";
    private static final String DELETE = "DELETE FROM " + TABLE
            + " WHERE data_center_id = ? AND worker_id = ? AND process_id = ?";

    /** One registry row as far as claiming needs it. */
    record Row(String ip, String processId, LocalDateTime lastBeatAt) {
    }

    private CompetitiveWorkerTable() {
    }

    /** Worker ids of the data center whose last beat is after {@code threshold}. */
    static Set<Integer> aliveWorkerIds(Connection c, int dataCenterId, LocalDateTime threshold) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ALIVE)) {
            s.setInt(1, dataCenterId);
            s.setObject(2, threshold);
            Set<Integer> alive = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    alive.add(rs.getInt(1));
                }
            }
            return alive;
        }
    }

    static List<Row> rows(Connection c, int dataCenterId, int workerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ROW)) {
            s.setInt(1, dataCenterId);
            s.setInt(2, workerId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)));
                }
            }
            return rows;
        }
    }

    /** Fails (duplicate key) when a competitor inserted the same worker id first. */
    static void insert(Connection c, int dataCenterId, int workerId, String ip, String processId, LocalDateTime now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, ip);
            s.setString(2, processId);
            s.setInt(3, dataCenterId);
            s.setInt(4, workerId);
            s.setObject(5, now);
            s.setObject(6, now);
            s.executeUpdate();
        }
    }

    /**
     * Takes over an abandoned row, guarded by its previous holder and by its age, so that a holder that beat in the
     * meantime (or a competitor that took it first) wins. Returns the number of rows changed (0 or 1).
     */
    static int takeOver(Connection c, int dataCenterId, int workerId, Row old, LocalDateTime threshold, String ip,
                        String processId, LocalDateTime now) throws SQLException {
        String sql = TAKE_OVER + (old.processId() == null ? "process_id IS NULL" : "process_id = ?");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, ip);
            s.setString(2, processId);
            s.setObject(3, now);
            s.setObject(4, now);
            s.setInt(5, dataCenterId);
            s.setInt(6, workerId);
            s.setObject(7, threshold);
            if (old.processId() != null) {
                s.setString(8, old.processId());
            }
            return s.executeUpdate();
        }
    }

    /**
     * Heartbeat that proves ownership: only the row still carrying our process id is touched, and it gets a new one
     * so that a clone holding the same old value fails its next beat. Returns 0 when the row is no longer ours.
     */
    static int renew(Connection c, int dataCenterId, int workerId, String processId, String newProcessId,
                     LocalDateTime now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RENEW)) {
            s.setString(1, newProcessId);
            s.setObject(2, now);
            s.setInt(3, dataCenterId);
            s.setInt(4, workerId);
            s.setString(5, processId);
            return s.executeUpdate();
        }
    }

    /** Deletes our row only; a row another process took over is left alone. */
    static int delete(Connection c, int dataCenterId, int workerId, String processId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setInt(1, dataCenterId);
            s.setInt(2, workerId);
            s.setString(3, processId);
            return s.executeUpdate();
        }
    }
}
