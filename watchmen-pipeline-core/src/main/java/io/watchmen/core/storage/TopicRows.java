package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows in memory ↔ column values (spec storage 2.3, 2.6, 3.3): factor name ↔ column by rule 1; raw topics keep
 * the document in {@code data_} (without root-level dotted flatten keys) and copy flattened factors into columns.
 */
final class TopicRows {

    /** Keys the data service sets itself; removed from caller data before a trigger write. */
    static final Set<String> RESERVED = Set.of(TopicColumns.ID, TopicColumns.AGGREGATE_ASSIST, TopicColumns.VERSION,
            TopicColumns.TENANT, TopicColumns.INSERT_TIME, TopicColumns.UPDATE_TIME);

    private TopicRows() {
    }

    /** The stored shape of a row: technical columns by name, factor columns by factor name, data_ parsed. */
    static Map<String, Object> read(ResultSet rs, TopicColumns layout) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        List<TopicColumns.Column> columns = layout.columns();
        for (int i = 0; i < columns.size(); i++) {
            TopicColumns.Column column = columns.get(i);
            Object value = ColumnValues.read(rs, i + 1, ValueKind.of(column));
            row.put(column.factor() == null ? column.name() : column.factor().name(), value);
        }
        return row;
    }

    /** A raw row as trigger {@code previous}: id_, tenant_id_, insert_time_, update_time_ plus data_'s keys. */
    static Map<String, Object> rawPrevious(Map<String, Object> stored) {
        Map<String, Object> previous = new LinkedHashMap<>();
        previous.put(TopicColumns.ID, stored.get(TopicColumns.ID));
        previous.put(TopicColumns.TENANT, stored.get(TopicColumns.TENANT));
        previous.put(TopicColumns.INSERT_TIME, stored.get(TopicColumns.INSERT_TIME));
        previous.put(TopicColumns.UPDATE_TIME, stored.get(TopicColumns.UPDATE_TIME));
        if (stored.get(TopicColumns.DATA) instanceof Map<?, ?> data) {
            data.forEach((k, v) -> previous.put(String.valueOf(k), v));
        }
        return previous;
    }

    /** The raw document to store: the data without technical keys and without root-level dotted keys. */
    static Map<String, Object> rawDocument(Map<String, Object> data) {
        Object nested = data.get(TopicColumns.DATA);
        Map<?, ?> source = nested instanceof Map<?, ?> map ? map : data;
        Map<String, Object> document = new LinkedHashMap<>(JdbcTopicDataService.capacity(source.size()));
        source.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!key.contains(".") && !Identifiers.TECHNICAL_COLUMNS.contains(key)) {
                document.put(key, v);
            }
        });
        return document;
    }

    /**
     * Whether {@code data} holds no technical key and no root-level dotted key: then it is its own
     * {@link #rawDocument} (same entries, same order) and has no reserved key to remove.
     */
    static boolean hasNoTechnicalOrDottedKey(Map<String, Object> data) {
        for (Object key : data.keySet()) {
            if (!(key instanceof String text) || text.indexOf('.') >= 0
                    || Identifiers.TECHNICAL_COLUMNS.contains(text)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of each column for a write: factor columns from {@code row} by factor name (raw topics: the
     * root-level key named by the full factor name, else the document's key); technical ones from {@code row}.
     */
    static Object valueOf(TopicColumns.Column column, Map<String, Object> row, Map<String, Object> document) {
        return switch (column.role()) {
            case FACTOR -> {
                String name = column.factor().name();
                if (row.containsKey(name) || document == null) {
                    yield row.get(name);
                }
                yield document.get(name);
            }
            case DATA -> document;
            default -> row.get(column.name());
        };
    }

    static long idOf(Object value, String context) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new WatchmenException(ErrorCode.DATA_INVALID, "Id not found from data " + context);
    }
}
