package io.watchmen.core.storage;

import io.watchmen.core.storage.criteria.Criteria;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Statements over find-by criteria and the tenant filter (finds, exists, aggregates). Simple criteria
 * ({@link CriteriaShapes}) are rendered once per shape, statement and topic layout and then only bound: rendering
 * the tree and building the text per call took about a quarter of a find's CPU on H2.
 */
final class CriteriaStatements {

    private final TopicSql sql;

    CriteriaStatements(TopicSql sql) {
        this.sql = sql;
    }

    /**
     * A statement over {@code by} and the tenant filter, its text made by {@code text} from the WHERE condition.
     * Simple criteria take the text of their shape from the cache (rendered by the first call of that shape on this
     * topic layout, checked to bind the same values in the same order) and bind their own values.
     */
    SqlFragment of(StorageTarget target, TopicColumns layout, Criteria by, String tenantId, String form,
                   UnaryOperator<String> text) {
        String shape = CriteriaShapes.of(by);
        if (shape != null) {
            TopicSql.Shaped cached = sql.shaped(target, layout, form, shape);
            if (cached != null) {
                List<Object> values = shapeValues(layout, by, tenantId);
                List<SqlFragment.Param> params = new ArrayList<>(values.size());
                for (int i = 0; i < values.size(); i++) {
                    params.add(new SqlFragment.Param(values.get(i), cached.kinds().get(i)));
                }
                return new SqlFragment(cached.sql(), params);
            }
        }
        SqlFragment where = where(target, layout, by, tenantId);
        SqlFragment statement = new SqlFragment(text.apply(where.sql()), where.params());
        if (shape != null && bindsInOrder(where.params(), shapeValues(layout, by, tenantId))) {
            List<ValueKind> kinds = new ArrayList<>(where.params().size());
            for (SqlFragment.Param param : where.params()) {
                kinds.add(param.kind());
            }
            sql.putShaped(target, layout, form, shape, new TopicSql.Shaped(statement.sql(), kinds));
        }
        return statement;
    }

    /** The criteria plus the tenant filter (non-synonym topics). */
    private static SqlFragment where(StorageTarget target, TopicColumns layout, Criteria by, String tenantId) {
        SqlFragment condition = new CriteriaSql(target.dialect(), layout).render(by);
        if (layout.topic().isSynonym()) {
            return condition;
        }
        return SqlFragment.compose("(" + SqlFragment.arg(0) + ") AND " + target.dialect().quote(TopicColumns.TENANT)
                + " = " + SqlFragment.arg(1), condition, SqlFragment.param(tenantId, ValueKind.TEXT));
    }

    private static List<Object> shapeValues(TopicColumns layout, Criteria by, String tenantId) {
        List<Object> values = new ArrayList<>(4);
        CriteriaShapes.values(by, values);
        if (!layout.topic().isSynonym()) {
            values.add(tenantId);
        }
        return values;
    }

    /** Whether the rendered parameters are exactly these values, in this order (else the shape is not cached). */
    private static boolean bindsInOrder(List<SqlFragment.Param> params, List<Object> values) {
        if (params.size() != values.size()) {
            return false;
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).value() != values.get(i)) {
                return false;
            }
        }
        return true;
    }
}
