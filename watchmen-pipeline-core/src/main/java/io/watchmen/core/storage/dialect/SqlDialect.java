package io.watchmen.core.storage.dialect;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.storage.DuplicateKeyException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that differs between MySQL/MariaDB, PostgreSQL and H2: identifier quoting, column types, paging,
 * locking, JSON columns, error classification. All SQL text of topic storage is built through this type.
 *
 * <p>Identifiers passed in have been validated (see {@code storage.Identifiers}); values never appear in SQL
 * text: methods that need one render a {@code ?} and the caller binds it.
 */
public interface SqlDialect {

    /** A short name: {@code mysql}, {@code postgresql} or {@code h2}. */
    String name();

    /** Quotes an identifier that has already been validated (see {@code storage.Identifiers}). */
    String quote(String identifier);

    /** The dialect for a JDBC URL ({@code jdbc:mysql:}, {@code jdbc:mariadb:}, {@code jdbc:postgresql:}, {@code jdbc:h2:}). */
    static SqlDialect forJdbcUrl(String jdbcUrl) {
        return Dialects.forJdbcUrl(jdbcUrl);
    }

    // ---- names

    /** {@code "schema"."table"} when a schema is given, else {@code "table"}. */
    default String qualified(String schema, String table) {
        return schema == null || schema.isBlank() ? quote(table) : quote(schema) + "." + quote(table);
    }

    // ---- column types (spec storage 2.4 in MySQL terms; each dialect maps them)

    /** The column type of a factor type, with a non-blank precision replacing the default size. */
    default String columnType(FactorType type, String precision) {
        return ColumnTypes.of(this, type, precision);
    }

    /** {@code data_}, {@code aggregate_assist_}, object and array factors. */
    String jsonType();

    /** datetime and full-datetime factors, {@code insert_time_}, {@code update_time_}. */
    String dateTimeType();

    /** Small enumerations (month, hour ...). */
    String tinyIntType();

    /** Boolean factors: stored as 1/0 integers, as the reference does. */
    default String booleanType() {
        return tinyIntType();
    }

    /** biz-scale and {@code version_}. */
    default String intType() {
        return "INT";
    }

    /** address factors. */
    String longTextType();

    // ---- DDL

    /** {@code CREATE TABLE IF NOT EXISTS} plus its indexes, as one or more statements. */
    default List<String> createTable(String schema, String table, List<String> columnDefinitions,
                                     List<TableIndex> indexes) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE IF NOT EXISTS " + qualified(schema, table) + " ("
                + String.join(", ", columnDefinitions) + ", PRIMARY KEY (" + quote("id_") + "))");
        for (TableIndex index : indexes) {
            statements.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS "
                    + quote(index.name()) + " ON " + qualified(schema, table) + " (" + columnList(index.columns())
                    + ")");
        }
        return statements;
    }

    /** Quoted, comma-separated columns. */
    default String columnList(List<String> columns) {
        List<String> quoted = new ArrayList<>(columns.size());
        for (String column : columns) {
            quoted.add(quote(column));
        }
        return String.join(", ", quoted);
    }

    // ---- DML pieces

    default String forUpdate() {
        return " FOR UPDATE";
    }

    default String limitOne() {
        return " LIMIT 1";
    }

    // ---- expressions for computed criteria operands

    /** Plain (non-column) arithmetic operands are cast, as the reference does ({@code DECIMAL(24,8)}). */
    default String castDecimal(String expression) {
        return "CAST(" + expression + " AS DECIMAL(24,8))";
    }

    default String castText(String expression) {
        return "CAST(" + expression + " AS VARCHAR(1024))";
    }

    default String mod(String dividend, String divisor) {
        return "MOD(" + dividend + ", " + divisor + ")";
    }

    default String concat(List<String> parts) {
        return "CONCAT(" + String.join(", ", parts) + ")";
    }

    /** Date part: YEAR, QUARTER, MONTH, DAY (of month) or DOY (day of year, 1-based) as an integer. */
    default String datePart(String part, String expression) {
        return "EXTRACT(" + part + " FROM " + expression + ")";
    }

    /** ISO day of week: 1 = Monday ... 7 = Sunday. */
    String isoDayOfWeek(String expression);

    /** Calendar days from start to end, times ignored. */
    String dayDiff(String end, String start);

    /**
     * {@code expression} moved by {@code amount} (an integer SQL expression) units, unit one of YEAR MONTH DAY
     * HOUR MINUTE SECOND.
     */
    String addInterval(String expression, String unit, String amount);

    /** A date-time value: {@code CAST(expression AS <date-time type>)}. */
    default String castDateTime(String expression) {
        return "CAST(" + expression + " AS " + dateTimeType() + ")";
    }

    /** A date formatted by a format (SQL expression, normally a bound parameter in this dialect's letters). */
    String formatDate(String expression, String format);

    /** Translates Watchmen's format letters (Y y M D h H m s W w B b p) into this dialect's format string. */
    String translateDateFormat(String watchmenFormat);

    // ---- errors

    /**
     * Classifies a driver failure: an integrity violation (SQLState 23xxx, e.g. a unique index) becomes a
     * {@link DuplicateKeyException}; a data exception (22xxx: a value that does not fit its column, a bad date)
     * is DATA_INVALID, which no retry can fix; anything else STORAGE_FAILED. The message is the caller's, which
     * names the topic; driver text (which may carry values) stays in the cause.
     */
    default WatchmenException translate(SQLException failure, String message) {
        String state = failure.getSQLState();
        if (state != null && state.startsWith("23")) {
            return new DuplicateKeyException(message + " (SQLState " + state + ")", failure);
        }
        if (state != null && state.startsWith("22")) {
            return new WatchmenException(ErrorCode.DATA_INVALID, message + ": a value does not fit its column"
                    + " (SQLState " + state + ")", failure);
        }
        return new WatchmenException(ErrorCode.STORAGE_FAILED,
                message + (state == null ? "" : " (SQLState " + state + ")"), failure);
    }
}
