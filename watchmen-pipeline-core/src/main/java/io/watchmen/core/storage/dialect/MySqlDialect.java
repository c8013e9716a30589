package io.watchmen.core.storage.dialect;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** MySQL and MariaDB: the reference's own database; types are spec storage 2.4 verbatim. */
public final class MySqlDialect implements SqlDialect {

    public static final MySqlDialect INSTANCE = new MySqlDialect();

    private static final Map<Character, String> FORMAT_LETTERS = Map.ofEntries(
            Map.entry('Y', "%Y"), Map.entry('y', "%y"), Map.entry('M', "%m"), Map.entry('D', "%d"),
            Map.entry('h', "%H"), Map.entry('H', "%h"), Map.entry('m', "%i"), Map.entry('s', "%s"),
            Map.entry('W', "%W"), Map.entry('w', "%a"), Map.entry('B', "%M"), Map.entry('b', "%b"),
            Map.entry('p', "%p"));

    private MySqlDialect() {
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String quote(String identifier) {
        return "`" + identifier + "`";
    }

    @Override
    public String jsonType() {
        return "JSON";
    }

    @Override
    public String dateTimeType() {
        return "DATETIME";
    }

    @Override
    public String tinyIntType() {
        return "TINYINT";
    }

    @Override
    public String longTextType() {
        return "TEXT";
    }

    /** MySQL has no {@code CREATE INDEX IF NOT EXISTS}: indexes go inside the CREATE TABLE. */
    @Override
    public List<String> createTable(String schema, String table, List<String> columnDefinitions,
                                    List<TableIndex> indexes) {
        List<String> parts = new ArrayList<>(columnDefinitions);
        parts.add("PRIMARY KEY (" + quote("id_") + ")");
        for (TableIndex index : indexes) {
            parts.add((index.unique() ? "UNIQUE INDEX " : "INDEX ") + quote(index.name()) + " ("
                    + columnList(index.columns()) + ")");
        }
        return List.of("CREATE TABLE IF NOT EXISTS " + qualified(schema, table) + " (" + String.join(", ", parts)
                + ")");
    }

    @Override
    public String castText(String expression) {
        return "CAST(" + expression + " AS CHAR)";
    }

    @Override
    public String datePart(String part, String expression) {
        return "DOY".equals(part) ? "DAYOFYEAR(" + expression + ")" : SqlDialect.super.datePart(part, expression);
    }

    @Override
    public String isoDayOfWeek(String expression) {
        return "(WEEKDAY(" + expression + ") + 1)";
    }

    @Override
    public String dayDiff(String end, String start) {
        return "DATEDIFF(" + end + ", " + start + ")";
    }

    @Override
    public String addInterval(String expression, String unit, String amount) {
        return "DATE_ADD(" + expression + ", INTERVAL (" + amount + ") " + unit + ")";
    }

    @Override
    public String formatDate(String expression, String format) {
        return "DATE_FORMAT(" + expression + ", " + format + ")";
    }

    @Override
    public String translateDateFormat(String watchmenFormat) {
        return DateFormats.translate(watchmenFormat, FORMAT_LETTERS, text -> text.replace("%", "%%"));
    }

    /** Value errors MySQL and MariaDB report with SQLState HY000 instead of class 22 (strict mode). */
    private static final java.util.Set<Integer> DATA_ERRORS = java.util.Set.of(
            1264, // out of range value
            1265, // data truncated
            1292, // incorrect date/time value
            1366, // incorrect integer/decimal/string value
            1406, // data too long
            3140); // invalid JSON text

    @Override
    public WatchmenException translate(SQLException failure, String message) {
        if (DATA_ERRORS.contains(failure.getErrorCode())) {
            return new WatchmenException(ErrorCode.DATA_INVALID, message + ": a value does not fit its column"
                    + " (error " + failure.getErrorCode() + ")", failure);
        }
        return SqlDialect.super.translate(failure, message);
    }
}
