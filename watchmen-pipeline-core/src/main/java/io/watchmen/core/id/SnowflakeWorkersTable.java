package io.watchmen.core.id;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements on {@code snowflake_workers} (spec storage 1.2, 5.5). Every claim is one conditional statement, so no
 * {@code FOR UPDATE SKIP LOCKED} is needed and the same text runs on MySQL/MariaDB, PostgreSQL and H2.
 * {@code locked} is a non-reserved word in all three and stays unquoted; its values are written as the untyped
 * literals {@code '1'}/{@code '0'}, which every one of them converts to the column's type, so TINYINT, SMALLINT and
 * BOOLEAN columns all work.
 */
final class SnowflakeWorkersTable {

    static final String TABLE = "snowflake_workers";

    /** Far-future beat of a serverless holder (it never heart-beats, so its claim must never time out). */
    static final LocalDateTime HELD_FOREVER = LocalDateTime.of(9999, 12, 31, 23, 59, 59);
    /** Beat written on release, as the reference does. */
    static final LocalDateTime RELEASED = LocalDateTime.of(1970, 1, 1, 0, 0, 0);

    private static final String SELECT_ALL = "SELECT worker_id, locked, last_beat_at FROM " + TABLE
            + " WHERE data_center_id = ?";
    private static final String CLAIM_FREE = "UPDATE " + TABLE
            + " SET locked = '1', registered_at = ?, last_beat_at = ?"
            + " WHERE data_center_id = ? AND worker_id = ? AND locked = '0'";
    private static final String CLAIM_TIMED_OUT = "UPDATE " + TABLE
            + " SET locked = '1', registered_at = ?, last_beat_at = ?"
            + " WHERE data_center_id = ? AND worker_id = ? AND locked = '1' AND last_beat_at < ?";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (data_center_id, worker_id, registered_at, last_beat_at, locked) VALUES (?, ?, ?, ?, '1')";
    private static final String RENEW = "UPDATE " + TABLE + " SET last_beat_at = ?"
            + " WHERE data_center_id = ? AND worker_id = ? AND locked = '1' AND registered_at = ? AND last_beat_at = ?";
    private static final String RELEASE = "UPDATE " + TABLE + " SET locked = '0', last_beat_at = ?"
            + " WHERE data_center_id = ? AND worker_id = ? AND locked = '1' AND registered_at = ? AND last_beat_at = ?";

    /** What this holder last wrote into its row: the proof of ownership (the table has no holder column). */
    record Holder(LocalDateTime registeredAt, LocalDateTime lastBeatAt) {
    }

    /** One row's state. */
    record Row(int workerId, boolean locked, LocalDateTime lastBeatAt) {
    }

    private SnowflakeWorkersTable() {
    }

    static List<Row> rows(Connection c, int dataCenterId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ALL)) {
            s.setInt(1, dataCenterId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getInt(1), isSet(rs.getObject(2)), rs.getObject(3, LocalDateTime.class)));
                }
            }
            return rows;
        }
    }

    private static boolean isSet(Object locked) {
        if (locked instanceof Boolean b) {
            return b;
        }
        return locked instanceof Number n && n.intValue() != 0;
    }

    static int claimFree(Connection c, int dataCenterId, int workerId, LocalDateTime registeredAt,
                         LocalDateTime beat) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLAIM_FREE)) {
            s.setObject(1, registeredAt);
            s.setObject(2, beat);
            s.setInt(3, dataCenterId);
            s.setInt(4, workerId);
            return s.executeUpdate();
        }
    }

    static int claimTimedOut(Connection c, int dataCenterId, int workerId, LocalDateTime registeredAt,
                             LocalDateTime beat, LocalDateTime threshold) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLAIM_TIMED_OUT)) {
            s.setObject(1, registeredAt);
            s.setObject(2, beat);
            s.setInt(3, dataCenterId);
            s.setInt(4, workerId);
            s.setObject(5, threshold);
            return s.executeUpdate();
        }
    }

    /** Claims a worker id whose seed row is missing; fails (duplicate key) when a competitor inserted it first. */
    static void insertHeld(Connection c, int dataCenterId, int workerId, LocalDateTime registeredAt,
                           LocalDateTime beat) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setInt(1, dataCenterId);
            s.setInt(2, workerId);
            s.setObject(3, registeredAt);
            s.setObject(4, beat);
            s.executeUpdate();
        }
    }

    /**
     * Heartbeat guarded by what we last wrote (claim time and last beat): a takeover, ours or a Python process's,
     * always writes a later beat. Returns 0 when the row was released or taken over.
     */
    static int renew(Connection c, int dataCenterId, int workerId, Holder ours, LocalDateTime beat)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RENEW)) {
            s.setObject(1, beat);
            s.setInt(2, dataCenterId);
            s.setInt(3, workerId);
            s.setObject(4, ours.registeredAt());
            s.setObject(5, ours.lastBeatAt());
            return s.executeUpdate();
        }
    }

    static int release(Connection c, int dataCenterId, int workerId, Holder ours) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(RELEASE)) {
            s.setObject(1, RELEASED);
            s.setInt(2, dataCenterId);
            s.setInt(3, workerId);
            s.setObject(4, ours.registeredAt());
            s.setObject(5, ours.lastBeatAt());
            return s.executeUpdate();
        }
    }
}
