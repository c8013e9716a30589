package io.watchmen.core.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Reads meta columns the same way whatever the driver returns (Boolean or number, Timestamp or LocalDateTime).
 * Shared by the metadata service and the PAT authenticator, which read the same tables.
 */
public final class Columns {

    private Columns() {
    }

    /** TINYINT(1), SMALLINT or BOOLEAN; SQL NULL stays null. */
    public static Boolean bool(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.intValue() != 0;
        }
        String text = value.toString().trim();
        return text.equals("1") || text.equalsIgnoreCase("true");
    }

    static Long longValue(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        return Long.valueOf(value.toString().trim());
    }

    /** DATETIME / TIMESTAMP, or a DATE (PostgreSQL's pats.expired) as midnight. */
    public static LocalDateTime dateTime(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDateTime();
        }
        return LocalDateTime.parse(value.toString().trim().replace(' ', 'T'));
    }

    /** JSON text of a JSON, CLOB or VARCHAR column; SQL NULL and blank alike give null. */
    static String jsonText(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        String text = value instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : rs.getString(column);
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Parses a JSON column; SQL NULL and the JSON literal {@code null} both give null. A malformed value is a
     * definition error naming the row, never quoting the value.
     */
    static <T> T json(ResultSet rs, String column, JavaType type, String where) throws SQLException {
        String text = jsonText(rs, column);
        if (text == null) {
            return null;
        }
        try {
            return WatchmenJson.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, where + ": column " + column
                    + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
