package io.watchmen.core.storage.dialect;

import java.util.Map;

/**
 * PostgreSQL: MySQL's types mapped to their equivalents (TINYINT → SMALLINT, DATETIME → TIMESTAMP, booleans as
 * SMALLINT as Watchmen's PostgreSQL DDL does). JSON columns are {@code JSON}; the URL carries
 * {@code stringtype=unspecified} so strings bind into them.
 */
public final class PostgresDialect implements SqlDialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private static final Map<Character, String> FORMAT_LETTERS = Map.ofEntries(
            Map.entry('Y', "YYYY"), Map.entry('y', "YY"), Map.entry('M', "MM"), Map.entry('D', "DD"),
            Map.entry('h', "HH24"), Map.entry('H', "HH12"), Map.entry('m', "MI"), Map.entry('s', "SS"),
            Map.entry('W', "FMDay"), Map.entry('w', "Dy"), Map.entry('B', "FMMonth"), Map.entry('b', "Mon"),
            Map.entry('p', "AM"));

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    @Override
    public String jsonType() {
        return "JSON";
    }

    @Override
    public String dateTimeType() {
        return "TIMESTAMP";
    }

    @Override
    public String tinyIntType() {
        return "SMALLINT";
    }

    @Override
    public String intType() {
        return "INTEGER";
    }

    @Override
    public String longTextType() {
        return "TEXT";
    }

    @Override
    public String castText(String expression) {
        return "CAST(" + expression + " AS TEXT)";
    }

    @Override
    public String isoDayOfWeek(String expression) {
        return "EXTRACT(ISODOW FROM " + expression + ")";
    }

    @Override
    public String dayDiff(String end, String start) {
        return "(CAST(" + end + " AS DATE) - CAST(" + start + " AS DATE))";
    }

    @Override
    public String addInterval(String expression, String unit, String amount) {
        return "(" + expression + " + (" + amount + ") * INTERVAL '1 " + unit + "')";
    }

    @Override
    public String formatDate(String expression, String format) {
        return "TO_CHAR(" + expression + ", " + format + ")";
    }

    @Override
    public String translateDateFormat(String watchmenFormat) {
        // text in TO_CHAR patterns is literal only inside double quotes
        return DateFormats.translate(watchmenFormat, FORMAT_LETTERS,
                text -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }
}
