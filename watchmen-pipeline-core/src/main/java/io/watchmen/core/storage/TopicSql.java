package io.watchmen.core.storage;

import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.dialect.SqlDialect;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SQL text of the fixed-shape statements of a topic table (insert, select, update, delete by id), cached per
 * target, topic layout and shape in a bounded map; statements over simple criteria are cached by the criteria's
 * shape ({@link CriteriaShapes}) with the kinds their values bind in, others are built per call.
 */
final class TopicSql {

    private static final int MAX_LAYOUTS = 256;
    private static final int MAX_STATEMENTS = 1024;

    private final Map<Topic, TopicColumns> layouts = lru(MAX_LAYOUTS);
    private final Map<List<Object>, String> statements = lru(MAX_STATEMENTS);
    private final Map<List<Object>, Shaped> shaped = lru(MAX_STATEMENTS);

    /** A statement over criteria of one shape: its text and the kind of each bind parameter, in order. */
    record Shaped(String sql, List<ValueKind> kinds) {
        Shaped {
            kinds = List.copyOf(kinds);
        }
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * The layouts by topic instance, in front of {@link #layouts}: a topic is a record whose hash and equality
     * walk every factor, and every statement of a trigger asks for its layout (~1 % of a cascade trigger's CPU).
     * The metadata cache hands out the same instance until it re-reads the topic; emptied when it grows past
     * {@link #MAX_LAYOUTS} instances.
     */
    private final Map<Topic, TopicColumns> byInstance = new IdentityHashMap<>();

    /** The column layout of a topic, validated once per topic version. */
    TopicColumns layout(Topic topic) {
        synchronized (layouts) {
            TopicColumns layout = byInstance.get(topic);
            if (layout != null) {
                return layout;
            }
            layout = layouts.get(topic);
            if (layout == null) {
                layout = TopicColumns.of(topic);
                layouts.put(topic, layout);
            }
            if (byInstance.size() >= MAX_LAYOUTS) {
                byInstance.clear();
            }
            byInstance.put(topic, layout);
            return layout;
        }
    }

    private String cached(StorageTarget target, TopicColumns layout, Object shape, Supplier<String> build) {
        // TopicColumns has identity equality: one cached layout per topic version
        List<Object> key = List.of(target.key(), target.dialect().name(), String.valueOf(target.schema()), layout,
                shape);
        synchronized (statements) {
            String sql = statements.get(key);
            if (sql == null) {
                sql = build.get();
                statements.put(key, sql);
            }
            return sql;
        }
    }

    /**
     * The cached statement {@code form} (find, exists, ...) over criteria of {@code shape}, or null. TopicColumns
     * has identity equality: a changed topic version has a new layout and renders its statements anew.
     */
    Shaped shaped(StorageTarget target, TopicColumns layout, String form, String shape) {
        List<Object> key = shapedKey(target, layout, form, shape);
        synchronized (shaped) {
            return shaped.get(key);
        }
    }

    void putShaped(StorageTarget target, TopicColumns layout, String form, String shape, Shaped statement) {
        List<Object> key = shapedKey(target, layout, form, shape);
        synchronized (shaped) {
            shaped.put(key, statement);
        }
    }

    private static List<Object> shapedKey(StorageTarget target, TopicColumns layout, String form, String shape) {
        return List.of(target.key(), target.dialect().name(), String.valueOf(target.schema()), layout, form, shape);
    }

    static String table(StorageTarget target, TopicColumns layout) {
        return target.dialect().qualified(TopicTables.schema(target), layout.table());
    }

    String insert(StorageTarget target, TopicColumns layout) {
        return cached(target, layout, "insert", () -> {
            List<String> names = names(layout.columns());
            return "INSERT INTO " + table(target, layout) + " (" + target.dialect().columnList(names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        });
    }

    /** {@code SELECT <all columns> FROM <table>}; callers append the WHERE clause. */
    String select(StorageTarget target, TopicColumns layout) {
        return cached(target, layout, "select", () -> "SELECT " + target.dialect().columnList(names(layout.columns()))
                + " FROM " + table(target, layout));
    }

    /** Select one row by id_ (and tenant), optionally locking it. */
    String selectById(StorageTarget target, TopicColumns layout, boolean forUpdate) {
        return cached(target, layout, "selectById:" + forUpdate, () -> select(target, layout) + " WHERE "
                + byId(target.dialect(), false) + (forUpdate ? target.dialect().forUpdate() : ""));
    }

    /** UPDATE of the given columns by id_ [and version_] and tenant. */
    String update(StorageTarget target, TopicColumns layout, List<String> columns, boolean versioned) {
        return cached(target, layout, new UpdateShape(columns, versioned), () -> {
            SqlDialect dialect = target.dialect();
            List<String> sets = new ArrayList<>();
            for (String column : columns) {
                sets.add(dialect.quote(column) + " = ?");
            }
            return "UPDATE " + table(target, layout) + " SET " + String.join(", ", sets) + " WHERE "
                    + byId(dialect, versioned);
        });
    }

    /** The key of an update's text: a record, so that no text is built per call. */
    private record UpdateShape(List<String> columns, boolean versioned) {
    }

    String delete(StorageTarget target, TopicColumns layout, boolean versioned) {
        return cached(target, layout, "delete:" + versioned, () -> "DELETE FROM " + table(target, layout) + " WHERE "
                + byId(target.dialect(), versioned));
    }

    /** {@code id_ = ? [AND version_ = ?] AND tenant_id_ = ?}: the parameters follow in that order. */
    private static String byId(SqlDialect dialect, boolean versioned) {
        return dialect.quote(TopicColumns.ID) + " = ?"
                + (versioned ? " AND " + dialect.quote(TopicColumns.VERSION) + " = ?" : "")
                + " AND " + dialect.quote(TopicColumns.TENANT) + " = ?";
    }

    static List<String> names(List<TopicColumns.Column> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (TopicColumns.Column column : columns) {
            names.add(column.name());
        }
        return names;
    }
}
