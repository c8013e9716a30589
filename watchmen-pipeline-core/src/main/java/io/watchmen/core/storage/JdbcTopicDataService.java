package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.AggregateArithmetic;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.Criteria;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Topic rows over JDBC (spec storage 2.3-2.8, 3.3, 3.4; pipeline 2.12-2.16). Every statement is prepared per
 * call with bound values; every lookup, update and delete of a non-synonym topic also filters
 * {@code tenant_id_ = ?} (a deliberate deviation: the reference does not isolate tenants). Timestamps come from
 * the injected clock, truncated to seconds.
 */
public final class JdbcTopicDataService implements TopicDataService {

    private static final int MAX_DATA_IN_MESSAGE = 256;

    private final DataSourceRegistry registry;
    private final LongSupplier ids;
    private final Clock clock;
    private final TopicSql sql = new TopicSql();
    private final CriteriaStatements statements = new CriteriaStatements(sql);

    public JdbcTopicDataService(DataSourceRegistry registry, LongSupplier ids, Clock clock) {
        this.registry = registry;
        this.ids = ids;
        this.clock = clock;
    }

    // ---- the trigger row

    @Override
    public TopicTrigger insert(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId) {
        return insert(work, topic, data, tenantId, false);
    }

    /** {@code atCommit}: a row the unit does not read back, held for its commit where the unit holds rows. */
    private TopicTrigger insert(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId,
                                boolean atCommit) {
        TopicColumns layout = sql.layout(topic);
        Map<String, Object> clean = withoutReserved(data);
        if (topic.isSynonym()) {
            writeInsert(work, topic, layout, clean, null, false);
            return new TopicTrigger(null, clean, PipelineTriggerType.INSERT, -1);
        }
        long id = ids.getAsLong();
        LocalDateTime now = now();
        Map<String, Object> row = new LinkedHashMap<>(clean);
        row.put(TopicColumns.ID, id);
        row.put(TopicColumns.TENANT, tenantId);
        row.put(TopicColumns.INSERT_TIME, now);
        row.put(TopicColumns.UPDATE_TIME, now);
        if (topic.isAggregation()) {
            row.put(TopicColumns.VERSION, 1L);
        }
        if (topic.isRaw()) {
            Map<String, Object> document = TopicRows.rawDocument(clean);
            writeInsert(work, topic, layout, row, document, atCommit);
            return new TopicTrigger(null, document, PipelineTriggerType.INSERT, id);
        }
        writeInsert(work, topic, layout, row, null, atCommit);
        return new TopicTrigger(null, row, PipelineTriggerType.INSERT, id);
    }

    @Override
    public List<Long> insertAll(UnitOfWork work, Topic topic, List<Map<String, Object>> rows, String tenantId) {
        if (topic.isSynonym() || rows.size() < 2 && !work.holdsUntilCommit(registry.forTopic(topic))
                || work.defersWrites()) {
            // a deferring unit batches the rows of many items together: one by one into it
            return TopicDataService.super.insertAll(work, topic, rows, tenantId);
        }
        if (work.holdsUntilCommit(registry.forTopic(topic))) {
            // rows nobody reads back in this unit (the monitor logs of an invocation): held for the commit, they go
            // in one round trip with the ledger's claim and the COMMIT when those share their database
            List<Long> assigned = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                assigned.add(insert(work, topic, row, tenantId, true).internalDataId());
            }
            return assigned;
        }
        TopicColumns layout = sql.layout(topic);
        StorageTarget target = registry.forTopic(topic);
        LocalDateTime now = now();
        List<Long> assigned = new ArrayList<>(rows.size());
        Connection connection = work.connection(target);
        work.recordWrite(target);
        // one statement, one batch: the driver sends it in one round trip where it can
        try (PreparedStatement statement = connection.prepareStatement(sql.insert(target, layout))) {
            for (Map<String, Object> data : rows) {
                // a monitor log (the usual rows here) has neither: read as it is instead of copied twice
                boolean asItIs = data != null && TopicRows.hasNoTechnicalOrDottedKey(data);
                Map<String, Object> clean = asItIs ? data : withoutReserved(data);
                long id = ids.getAsLong();
                Map<String, Object> row = new LinkedHashMap<>(clean);
                row.put(TopicColumns.ID, id);
                row.put(TopicColumns.TENANT, tenantId);
                row.put(TopicColumns.INSERT_TIME, now);
                row.put(TopicColumns.UPDATE_TIME, now);
                if (topic.isAggregation()) {
                    row.put(TopicColumns.VERSION, 1L);
                }
                Map<String, Object> document = !topic.isRaw() ? null : asItIs ? clean : TopicRows.rawDocument(clean);
                int index = 1;
                for (TopicColumns.Column column : layout.columns()) {
                    ColumnValues.bind(statement, index++, TopicRows.valueOf(column, row, document),
                            ValueKind.of(column), true);
                }
                statement.addBatch();
                assigned.add(id);
            }
            statement.executeBatch();
            return assigned;
        } catch (SQLException e) {
            throw target.dialect().translate(e, "Failed to create " + rows.size() + " rows into " + label(topic)
                    + ".");
        }
    }

    @Override
    public TopicTrigger merge(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId) {
        long id = requireId(topic, data, "merge into");
        Map<String, Object> old = lockRow(work, topic, id, tenantId).orElseThrow(() -> notFound(topic, id,
                "merge into"));
        Map<String, Object> row = withoutReserved(data);
        row.put(TopicColumns.ID, id);
        row.put(TopicColumns.TENANT, tenantId);
        row.put(TopicColumns.INSERT_TIME, old.get(TopicColumns.INSERT_TIME));
        row.put(TopicColumns.UPDATE_TIME, now());
        if (topic.isAggregation()) {
            Object version = old.get(TopicColumns.VERSION);
            row.put(TopicColumns.VERSION, version instanceof Number n ? n.longValue() + 1 : 1L);
            // deviation: the reference resets aggregate_assist_ to null here, losing avg counters
            row.put(TopicColumns.AGGREGATE_ASSIST, old.get(TopicColumns.AGGREGATE_ASSIST));
        }
        Map<String, Object> document = topic.isRaw() ? TopicRows.rawDocument(withoutReserved(data)) : null;
        int updated = writeUpdate(work, topic, sql.layout(topic), row, document, null, tenantId);
        if (updated == 0) {
            throw notFound(topic, id, "merge into");
        }
        Map<String, Object> previous = topic.isRaw() ? TopicRows.rawPrevious(old) : old;
        return new TopicTrigger(previous, topic.isRaw() ? document : row, PipelineTriggerType.MERGE, id);
    }

    @Override
    public TopicTrigger delete(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId) {
        long id = requireId(topic, data, "delete from");
        Map<String, Object> old = lockRow(work, topic, id, tenantId).orElseThrow(() -> notFound(topic, id,
                "delete from"));
        if (deleteRow(work, topic, id, null, tenantId) == 0) {
            throw notFound(topic, id, "delete from");
        }
        Map<String, Object> previous = topic.isRaw() ? TopicRows.rawPrevious(old) : old;
        return new TopicTrigger(previous, null, PipelineTriggerType.DELETE, id);
    }

    // ---- pipeline actions

    @Override
    public List<Map<String, Object>> find(UnitOfWork work, Topic topic, Criteria by, String tenantId) {
        StorageTarget target = registry.forTopic(topic);
        TopicColumns layout = sql.layout(topic);
        SqlFragment statement = statements.of(target, layout, by, tenantId, "find",
                where -> sql.select(target, layout) + " WHERE " + where + insertionOrder(target, topic));
        return query(work, topic, target, statement.sql(), statement.params(), rs -> TopicRows.read(rs, layout));
    }

    /**
     * Rows in insertion order ({@code id_} is a snowflake id, so it grows with time). The reference issues no
     * ORDER BY; MySQL's InnoDB happens to return primary-key order, which this makes explicit on every database so
     * that read-rows, read-factors, delete-rows and read-factor's "first row" are deterministic.
     */
    private static String insertionOrder(StorageTarget target, Topic topic) {
        return topic.isSynonym() ? "" : " ORDER BY " + target.dialect().quote(TopicColumns.ID);
    }

    @Override
    public List<Object> findValues(UnitOfWork work, Topic topic, Factor factor, Criteria by, String tenantId) {
        StorageTarget target = registry.forTopic(topic);
        TopicColumns layout = sql.layout(topic);
        TopicColumns.Column column = requireColumn(topic, layout, factor);
        SqlFragment statement = statements.of(target, layout, by, tenantId, "values:" + column.name(),
                where -> "SELECT " + target.dialect().quote(column.name()) + " FROM " + TopicSql.table(target, layout)
                        + " WHERE " + where + insertionOrder(target, topic));
        ValueKind kind = ValueKind.of(column);
        return query(work, topic, target, statement.sql(), statement.params(), rs -> ColumnValues.read(rs, 1, kind));
    }

    @Override
    public Object aggregate(UnitOfWork work, Topic topic, Factor factor, AggregateArithmetic arithmetic,
                            Criteria by, String tenantId) {
        StorageTarget target = registry.forTopic(topic);
        TopicColumns layout = sql.layout(topic);
        String expression = switch (arithmetic) {
            case COUNT -> "COUNT(*)";
            case SUM -> "SUM(" + target.dialect().quote(requireColumn(topic, layout, factor).name()) + ")";
            case AVG -> "AVG(" + target.dialect().quote(requireColumn(topic, layout, factor).name()) + ")";
            default -> throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Aggregate arithmetic["
                    + arithmetic.json() + "] is not sum, avg or count.");
        };
        SqlFragment statement = statements.of(target, layout, by, tenantId, "aggregate:" + expression,
                where -> "SELECT " + expression + " FROM " + TopicSql.table(target, layout) + " WHERE " + where);
        Object value = query(work, topic, target, statement.sql(), statement.params(), rs -> rs.getObject(1)).get(0);
        if (arithmetic == AggregateArithmetic.COUNT) {
            return value == null ? 0L : ((Number) value).longValue();
        }
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    @Override
    public boolean exists(UnitOfWork work, Topic topic, Criteria by, String tenantId) {
        StorageTarget target = registry.forTopic(topic);
        TopicColumns layout = sql.layout(topic);
        SqlFragment statement = statements.of(target, layout, by, tenantId, "exists",
                where -> "SELECT 1 FROM " + TopicSql.table(target, layout) + " WHERE " + where
                        + target.dialect().limitOne());
        return !query(work, topic, target, statement.sql(), statement.params(), rs -> 1).isEmpty();
    }

    @Override
    public Map<String, Object> insertRow(UnitOfWork work, Topic topic, Map<String, Object> row, String tenantId) {
        TopicColumns layout = sql.layout(topic);
        Map<String, Object> written = new LinkedHashMap<>(row);
        long id = ids.getAsLong();
        written.put(TopicColumns.ID, id);
        if (topic.isSynonym()) {
            // synonyms have no technical columns: the id lives in memory only (spec pipeline 2.13)
            writeInsert(work, topic, layout, written, null, false);
            return written;
        }
        LocalDateTime now = now();
        written.put(TopicColumns.TENANT, tenantId);
        written.put(TopicColumns.INSERT_TIME, now);
        written.put(TopicColumns.UPDATE_TIME, now);
        if (topic.isAggregation()) {
            written.put(TopicColumns.VERSION, 1L);
        }
        writeInsert(work, topic, layout, written, topic.isRaw() ? TopicRows.rawDocument(row) : null, false);
        return written;
    }

    @Override
    public int updateRow(UnitOfWork work, Topic topic, Map<String, Object> row, Long expectedVersion,
                         String tenantId) {
        rejectSynonym(topic, "update");
        requireId(topic, row, "update");
        Map<String, Object> values = new LinkedHashMap<>(row);
        values.put(TopicColumns.TENANT, tenantId);
        if (values.get(TopicColumns.UPDATE_TIME) == null) {
            values.put(TopicColumns.UPDATE_TIME, now());
        }
        return writeUpdate(work, topic, sql.layout(topic), values,
                topic.isRaw() ? TopicRows.rawDocument(row) : null, expectedVersion, tenantId);
    }

    @Override
    public Optional<Map<String, Object>> lockRow(UnitOfWork work, Topic topic, long id, String tenantId) {
        rejectSynonym(topic, "lock");
        StorageTarget target = registry.forTopic(topic);
        TopicColumns layout = sql.layout(topic);
        List<SqlFragment.Param> params = List.of(new SqlFragment.Param(id, ValueKind.LONG),
                new SqlFragment.Param(tenantId, ValueKind.TEXT));
        List<Map<String, Object>> rows = query(work, topic, target, sql.selectById(target, layout, true), params,
                rs -> TopicRows.read(rs, layout));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public int deleteRow(UnitOfWork work, Topic topic, long id, Long expectedVersion, String tenantId) {
        rejectSynonym(topic, "delete");
        StorageTarget target = registry.forTopic(topic);
        TopicColumns layout = sql.layout(topic);
        boolean versioned = expectedVersion != null && topic.isAggregation();
        List<SqlFragment.Param> params = new ArrayList<>();
        params.add(new SqlFragment.Param(id, ValueKind.LONG));
        if (versioned) {
            params.add(new SqlFragment.Param(expectedVersion, ValueKind.LONG));
        }
        params.add(new SqlFragment.Param(tenantId, ValueKind.TEXT));
        return execute(work, topic, target, sql.delete(target, layout, versioned), params,
                () -> "Failed to delete data[id=" + id + "] from " + label(topic) + ".");
    }

    // ---- statements

    private void writeInsert(UnitOfWork work, Topic topic, TopicColumns layout, Map<String, Object> row,
                             Map<String, Object> document, boolean atCommit) {
        StorageTarget target = registry.forTopic(topic);
        List<SqlFragment.Param> params = new ArrayList<>();
        for (TopicColumns.Column column : layout.columns()) {
            params.add(new SqlFragment.Param(TopicRows.valueOf(column, row, document), ValueKind.of(column)));
        }
        if (work.defersWrites() || atCommit && work.holdsUntilCommit(target)) {
            // write-behind: sent in a batch with the chunk's other rows of this table before the next read (or with
            // the commit); JSON values become text now, so what the kernel does with its maps and lists later cannot
            // change the row
            for (int i = 0; i < params.size(); i++) {
                SqlFragment.Param param = params.get(i);
                if ((param.value() instanceof Map<?, ?> || param.value() instanceof List<?>)
                        && (param.kind() == ValueKind.JSON || param.kind() == ValueKind.TEXT)) {
                    params.set(i, new SqlFragment.Param(JsonValues.write(param.value()), ValueKind.TEXT));
                }
            }
            String table = "table " + layout.table() + " of " + label(topic);
            if (atCommit) {
                work.deferToCommit(target, sql.insert(target, layout), table,
                        (statement, first) -> bind(statement, first, params, true));
            } else {
                work.defer(target, sql.insert(target, layout), table,
                        (statement, first) -> bind(statement, first, params, true));
            }
            return;
        }
        // the failure text renders the row: built only when the insert fails
        execute(work, topic, target, sql.insert(target, layout), params,
                () -> "Failed to create data" + data(row) + " into " + label(topic) + ".");
    }

    /** Every column but id_ (insert_time_ only when given), WHERE id_ [AND version_] AND tenant_id_. */
    private int writeUpdate(UnitOfWork work, Topic topic, TopicColumns layout, Map<String, Object> row,
                            Map<String, Object> document, Long expectedVersion, String tenantId) {
        StorageTarget target = registry.forTopic(topic);
        Object rowId = row.get(TopicColumns.ID);
        long id = rowId instanceof Number number ? number.longValue()
                : TopicRows.idOf(rowId, "on update of " + label(topic) + ".");
        List<String> columns = new ArrayList<>();
        List<SqlFragment.Param> params = new ArrayList<>();
        for (TopicColumns.Column column : layout.columns()) {
            if (column.role() == TopicColumns.Role.ID
                    || column.role() == TopicColumns.Role.INSERT_TIME && row.get(TopicColumns.INSERT_TIME) == null) {
                continue;
            }
            columns.add(column.name());
            params.add(new SqlFragment.Param(TopicRows.valueOf(column, row, document), ValueKind.of(column)));
        }
        boolean versioned = expectedVersion != null && topic.isAggregation();
        params.add(new SqlFragment.Param(id, ValueKind.LONG));
        if (versioned) {
            params.add(new SqlFragment.Param(expectedVersion, ValueKind.LONG));
        }
        params.add(new SqlFragment.Param(tenantId, ValueKind.TEXT));
        return execute(work, topic, target, sql.update(target, layout, columns, versioned), params,
                () -> "Failed to update data[id=" + id + "] of " + label(topic) + ".");
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(UnitOfWork work, Topic topic, StorageTarget target, String text,
                              List<SqlFragment.Param> params, RowReader<T> reader) {
        Connection connection = work.connection(target);
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            bind(statement, 1, params, false);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw target.dialect().translate(e, "Failed to read data from " + label(topic) + ".");
        }
    }

    private int execute(UnitOfWork work, Topic topic, StorageTarget target, String text,
                        List<SqlFragment.Param> params, Supplier<String> failure) {
        Connection connection = work.connection(target);
        work.recordWrite(target);
        try (PreparedStatement statement = connection.prepareStatement(text)) {
            bind(statement, 1, params, true);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw target.dialect().translate(e, failure.get());
        }
    }

    private static int bind(PreparedStatement statement, int first, List<SqlFragment.Param> params,
                            boolean forWrite) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            SqlFragment.Param param = params.get(i);
            ColumnValues.bind(statement, first + i, param.value(), param.kind(), forWrite);
        }
        return first + params.size();
    }

    // ---- helpers

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Map<String, Object> withoutReserved(Map<String, Object> data) {
        // sized for the technical keys added next: a monitor log has about twenty keys
        Map<String, Object> copy = new LinkedHashMap<>(data == null ? 16 : capacity(data.size() + 6));
        if (data != null) {
            data.forEach((k, v) -> {
                if (!TopicRows.RESERVED.contains(k)) {
                    copy.put(k, v);
                }
            });
        }
        return copy;
    }

    /** A hash map capacity that holds {@code entries} without resizing. */
    static int capacity(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    private static long requireId(Topic topic, Map<String, Object> data, String action) {
        Object id = data == null ? null : data.get(TopicColumns.ID);
        if (id == null) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Id not found from data" + data(data) + " on "
                    + action + " " + label(topic) + ".");
        }
        if (id instanceof Number number) {
            // the usual case: no failure text to render
            return number.longValue();
        }
        return TopicRows.idOf(id, data(data) + " on " + action + " " + label(topic) + ".");
    }

    private static WatchmenException notFound(Topic topic, long id, String action) {
        return new WatchmenException(ErrorCode.DATA_NOT_FOUND, "Data not found by data[id=" + id + "] on " + action
                + " " + label(topic) + ".");
    }

    private static TopicColumns.Column requireColumn(Topic topic, TopicColumns layout, Factor factor) {
        TopicColumns.Column column = factor == null ? null : layout.factorColumn(factor.name());
        if (column == null) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Factor[" + (factor == null ? null
                    : factor.name()) + "] has no column in " + label(topic) + " (raw topics: flatten it).");
        }
        return column;
    }

    private static void rejectSynonym(Topic topic, String action) {
        if (topic.isSynonym()) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Id not found from given data: cannot " + action
                    + " rows of synonym " + label(topic) + ".");
        }
    }

    static String label(Topic topic) {
        return "topic[id=" + topic.topicId() + ", name=" + topic.name() + "]";
    }

    /** The data as the reference's messages show it, capped so a payload cannot flood the logs. */
    private static String data(Map<String, Object> data) {
        String text = String.valueOf(data);
        return "[" + (text.length() > MAX_DATA_IN_MESSAGE ? text.substring(0, MAX_DATA_IN_MESSAGE) + "..." : text)
                + "]";
    }
}
