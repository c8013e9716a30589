package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.dialect.SqlDialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a topic's table, in Watchmen's DDL order (spec storage 2.3): which factor each column holds and
 * which technical role the others play. Shared by the DDL and the row mapping so both always agree.
 */
final class TopicColumns {

    /** What a column holds. */
    enum Role { ID, FACTOR, DATA, AGGREGATE_ASSIST, VERSION, TENANT, INSERT_TIME, UPDATE_TIME }

    /** One column; factor is null for technical columns. */
    record Column(String name, Role role, Factor factor) {
    }

    static final String ID = "id_";
    static final String DATA = "data_";
    static final String AGGREGATE_ASSIST = "aggregate_assist_";
    static final String VERSION = "version_";
    static final String TENANT = "tenant_id_";
    static final String INSERT_TIME = "insert_time_";
    static final String UPDATE_TIME = "update_time_";

    private final Topic topic;
    private final String table;
    private final List<Column> columns;
    private final Map<String, Column> byFactorName;

    private TopicColumns(Topic topic) {
        this.topic = topic;
        this.table = Identifiers.tableName(topic);
        List<Column> list = new ArrayList<>();
        Map<String, Column> factors = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        if (!topic.isSynonym()) {
            list.add(new Column(ID, Role.ID, null));
        }
        for (Factor factor : topic.factors()) {
            if (!hasColumn(topic, factor)) {
                continue;
            }
            String column = Identifiers.factorColumn(topic, factor.name());
            String other = seen.putIfAbsent(column, factor.name());
            if (other != null) {
                throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Factors[" + other + ", " + factor.name()
                        + "] of topic[id=" + topic.topicId() + ", name=" + topic.name()
                        + "] map to the same column[" + column + "].");
            }
            Column c = new Column(column, Role.FACTOR, factor);
            list.add(c);
            factors.put(factor.name(), c);
        }
        if (!topic.isSynonym()) {
            if (topic.isRaw()) {
                list.add(new Column(DATA, Role.DATA, null));
            } else if (topic.isAggregation()) {
                list.add(new Column(AGGREGATE_ASSIST, Role.AGGREGATE_ASSIST, null));
                list.add(new Column(VERSION, Role.VERSION, null));
            }
            list.add(new Column(TENANT, Role.TENANT, null));
            list.add(new Column(INSERT_TIME, Role.INSERT_TIME, null));
            list.add(new Column(UPDATE_TIME, Role.UPDATE_TIME, null));
        }
        this.columns = List.copyOf(list);
        this.byFactorName = Map.copyOf(factors);
    }

    static TopicColumns of(Topic topic) {
        return new TopicColumns(topic);
    }

    /** Raw (non-synonym): flattened factors; otherwise factors whose name has no dot. */
    static boolean hasColumn(Topic topic, Factor factor) {
        if (factor.name() == null) {
            return false;
        }
        if (topic.isRaw() && !topic.isSynonym()) {
            return factor.isFlatten();
        }
        return !factor.name().contains(".");
    }

    Topic topic() {
        return topic;
    }

    String table() {
        return table;
    }

    List<Column> columns() {
        return columns;
    }

    /** The column of a factor, when the table has one. */
    Column factorColumn(String factorName) {
        return byFactorName.get(factorName);
    }

    /** The SQL column type of a column in a dialect. */
    static String sqlType(SqlDialect dialect, Column column) {
        return switch (column.role()) {
            case ID -> "BIGINT";
            case FACTOR -> dialect.columnType(column.factor().type(), column.factor().precision());
            case DATA, AGGREGATE_ASSIST -> dialect.jsonType();
            case VERSION -> dialect.intType();
            case TENANT -> "VARCHAR(50)";
            case INSERT_TIME, UPDATE_TIME -> dialect.dateTimeType();
        };
    }
}
