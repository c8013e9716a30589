package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.Topic;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Table and column names built from topic and factor names (spec storage 2.1, 2.2 rule 1). Every name is checked
 * against a strict pattern before it reaches SQL, so a quote, semicolon, space, non-ASCII letter or an over-long
 * name is rejected, never executed. Valid names are always quoted by the dialect, so reserved words are safe.
 */
public final class Identifiers {

    /** Lower-case ASCII, digits and underscores, starting with a letter; 63 characters fit every dialect. */
    private static final Pattern STRICT = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");

    /** The technical columns of topic tables; factors may not use these names (spec storage 2.2). */
    public static final Set<String> TECHNICAL_COLUMNS = Set.of(
            "id_", "data_", "aggregate_assist_", "version_", "tenant_id_", "insert_time_", "update_time_");

    private Identifiers() {
    }

    /** {@code topic_} + trimmed, lower-cased name; synonyms use the name without prefix. */
    public static String tableName(Topic topic) {
        String name = topic.name() == null ? "" : topic.name().trim().toLowerCase(Locale.ROOT);
        String table = topic.isSynonym() ? name : "topic_" + name;
        if (name.isEmpty() || !STRICT.matcher(table).matches()) {
            throw new WatchmenException(ErrorCode.IDENTIFIER_INVALID, "Topic name[" + cap(topic.name())
                    + "] of topic[id=" + topic.topicId() + "] does not give a valid table name: use ASCII letters,"
                    + " digits and underscores, starting with a letter, at most 63 characters in all.");
        }
        return table;
    }

    /**
     * Valid column names by factor name: find-by criteria name their columns on every trigger, and the rule's
     * lower-casing, replacing and matching was ~1 % of a cascade trigger's CPU. Factor names come from metadata;
     * past {@link #MAX_CACHED_COLUMNS} names no more are kept (an invalid name is never kept: it fails each time).
     */
    private static final Map<String, String> COLUMNS = new ConcurrentHashMap<>();
    static final int MAX_CACHED_COLUMNS = 4096;

    /** Rule 1: trim, lower-case, replace {@code .}, {@code -} and space by {@code _}. */
    public static String columnName(String factorName) {
        String cached = factorName == null ? null : COLUMNS.get(factorName);
        if (cached != null) {
            return cached;
        }
        String column = ruleOne(factorName);
        if (factorName != null && COLUMNS.size() < MAX_CACHED_COLUMNS) {
            COLUMNS.put(factorName, column);
        }
        return column;
    }

    private static String ruleOne(String factorName) {
        String column = factorName == null ? ""
                : factorName.trim().toLowerCase(Locale.ROOT).replace('.', '_').replace('-', '_').replace(' ', '_');
        if (!STRICT.matcher(column).matches()) {
            throw new WatchmenException(ErrorCode.IDENTIFIER_INVALID, "Factor name[" + cap(factorName)
                    + "] does not give a valid column name: use ASCII letters, digits, '_' and '.', starting with"
                    + " a letter, at most 63 characters.");
        }
        return column;
    }

    /** The column of a factor of the topic; technical names are rejected, naming the topic. */
    public static String factorColumn(Topic topic, String factorName) {
        String column;
        try {
            column = columnName(factorName);
        } catch (WatchmenException e) {
            throw new WatchmenException(ErrorCode.IDENTIFIER_INVALID, e.getMessage().replace("] does not",
                    "] of topic[id=" + topic.topicId() + ", name=" + cap(topic.name()) + "] does not"), e);
        }
        if (TECHNICAL_COLUMNS.contains(column)) {
            throw new WatchmenException(ErrorCode.IDENTIFIER_INVALID, "Factor name[" + cap(factorName)
                    + "] of topic[id=" + topic.topicId() + ", name=" + cap(topic.name())
                    + "] is reserved for a technical column.");
        }
        return column;
    }

    /** Checks a name given directly (a schema, a column of a criteria tree). */
    public static String checked(String identifier, String what) {
        if (identifier == null || !STRICT.matcher(identifier).matches()) {
            throw new WatchmenException(ErrorCode.IDENTIFIER_INVALID, what + "[" + cap(identifier)
                    + "] is not a valid identifier.");
        }
        return identifier;
    }

    /** Whether the name passes the strict pattern. */
    public static boolean isValid(String identifier) {
        return identifier != null && STRICT.matcher(identifier).matches();
    }

    private static String cap(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
