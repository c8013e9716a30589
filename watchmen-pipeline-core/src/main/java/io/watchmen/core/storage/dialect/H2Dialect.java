package io.watchmen.core.storage.dialect;

import java.util.Map;

/**
 * H2 (embedded default, tests): MySQL's types mapped to H2's; JSON columns are {@code CHARACTER VARYING} holding
 * the JSON text (H2's own JSON type treats bound strings as JSON string literals, so it is never used).
 */
public final class H2Dialect implements SqlDialect {

    public static final H2Dialect INSTANCE = new H2Dialect();

    private static final Map<Character, String> FORMAT_LETTERS = Map.ofEntries(
            Map.entry('Y', "yyyy"), Map.entry('y', "yy"), Map.entry('M', "MM"), Map.entry('D', "dd"),
            Map.entry('h', "HH"), Map.entry('H', "hh"), Map.entry('m', "mm"), Map.entry('s', "ss"),
            Map.entry('W', "EEEE"), Map.entry('w', "EEE"), Map.entry('B', "MMMM"), Map.entry('b', "MMM"),
            Map.entry('p', "a"));

    private H2Dialect() {
    }

    @Override
    public String name() {
        return "h2";
    }

    /**
     * Upper-cased and quoted: H2 folds unquoted names to upper case, so tables made by hand (synonyms, meta tables)
     * and ours meet, while quoting keeps reserved words safe. Validated names are lower-case ASCII, so nothing is
     * lost.
     */
    @Override
    public String quote(String identifier) {
        return "\"" + identifier.toUpperCase(java.util.Locale.ROOT) + "\"";
    }

    @Override
    public String jsonType() {
        return "CHARACTER VARYING";
    }

    @Override
    public String dateTimeType() {
        return "TIMESTAMP";
    }

    @Override
    public String tinyIntType() {
        return "TINYINT";
    }

    @Override
    public String longTextType() {
        return "CHARACTER VARYING";
    }

    @Override
    public String castText(String expression) {
        return "CAST(" + expression + " AS CHARACTER VARYING)";
    }

    @Override
    public String isoDayOfWeek(String expression) {
        return "ISO_DAY_OF_WEEK(" + expression + ")";
    }

    @Override
    public String dayDiff(String end, String start) {
        return "DATEDIFF(DAY, CAST(" + start + " AS DATE), CAST(" + end + " AS DATE))";
    }

    @Override
    public String addInterval(String expression, String unit, String amount) {
        return "DATEADD(" + unit + ", " + amount + ", " + expression + ")";
    }

    @Override
    public String formatDate(String expression, String format) {
        return "FORMATDATETIME(" + expression + ", " + format + ")";
    }

    @Override
    public String translateDateFormat(String watchmenFormat) {
        // SimpleDateFormat-style patterns: letters outside quotes are fields, '' is a quote
        return DateFormats.translate(watchmenFormat, FORMAT_LETTERS,
                text -> "'" + text.replace("'", "''") + "'");
    }
}
