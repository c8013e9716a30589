package io.watchmen.core.storage;

import static io.watchmen.core.storage.SqlFragment.arg;
import static io.watchmen.core.storage.SqlFragment.compose;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.storage.criteria.ArithmeticOperand;
import io.watchmen.core.storage.criteria.CaseThenOperand;
import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.ConcatOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.CriteriaOperator;
import io.watchmen.core.storage.criteria.DateFunctionOperand;
import io.watchmen.core.storage.criteria.DatePartOperand;
import io.watchmen.core.storage.criteria.Operand;
import io.watchmen.core.storage.criteria.ValueOperand;
import io.watchmen.core.storage.dialect.SqlDialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Renders a criteria tree (spec pipeline 2.16, 3.9) as a parameterised WHERE condition: columns are validated
 * and quoted, values are always bound, and a value compared with a column is bound in that column's kind.
 * equals/not-equals null give IS [NOT] NULL; empty gives {@code col IS NULL OR CAST(col AS text) = ''};
 * in/not-in take lists or comma-separated text; an empty joint matches every row.
 */
final class CriteriaSql {

    private final SqlDialect dialect;
    private final TopicColumns layout;
    private final DateSql dates;

    CriteriaSql(SqlDialect dialect, TopicColumns layout) {
        this.dialect = dialect;
        this.layout = layout;
        this.dates = new DateSql(dialect);
    }

    SqlFragment render(Criteria criteria) {
        if (criteria == null) {
            return SqlFragment.text("1 = 1");
        }
        if (criteria instanceof CriteriaJoint joint) {
            return joint(joint);
        }
        return expression((CriteriaExpression) criteria);
    }

    private SqlFragment joint(CriteriaJoint joint) {
        if (joint.children().isEmpty()) {
            return SqlFragment.text("1 = 1");
        }
        List<SqlFragment> parts = new ArrayList<>();
        for (Criteria child : joint.children()) {
            parts.add(compose("(" + arg(0) + ")", render(child)));
        }
        String separator = joint.conjunction() == ParameterJointType.OR ? " OR " : " AND ";
        return compose("(" + arg(0) + ")", SqlFragment.join(separator, parts));
    }

    private SqlFragment expression(CriteriaExpression expression) {
        Operand left = expression.left();
        Operand right = expression.right();
        CriteriaOperator operator = expression.operator();
        ValueKind leftKind = columnKind(left);
        ValueKind rightKind = columnKind(right);
        switch (operator) {
            case IS_EMPTY -> {
                return compose("(" + arg(0) + " IS NULL OR " + dialect.castText(arg(0)) + " = '')",
                        operand(left, rightKind));
            }
            case IS_NOT_EMPTY -> {
                return compose("(" + arg(0) + " IS NOT NULL AND " + dialect.castText(arg(0)) + " <> '')",
                        operand(left, rightKind));
            }
            case EQUALS, NOT_EQUALS -> {
                String nullTest = operator == CriteriaOperator.EQUALS ? " IS NULL" : " IS NOT NULL";
                if (isNull(right)) {
                    return compose(arg(0) + nullTest, operand(left, null));
                }
                if (isNull(left)) {
                    return compose(arg(0) + nullTest, operand(right, null));
                }
                String sign = operator == CriteriaOperator.EQUALS ? " = " : " <> ";
                return compose(arg(0) + sign + arg(1), operand(left, rightKind), operand(right, leftKind));
            }
            case LESS_THAN, LESS_THAN_OR_EQUALS, GREATER_THAN, GREATER_THAN_OR_EQUALS -> {
                String sign = switch (operator) {
                    case LESS_THAN -> " < ";
                    case LESS_THAN_OR_EQUALS -> " <= ";
                    case GREATER_THAN -> " > ";
                    default -> " >= ";
                };
                return compose(arg(0) + sign + arg(1), operand(left, rightKind), operand(right, leftKind));
            }
            default -> {
                return in(left, operator == CriteriaOperator.NOT_IN, right, leftKind);
            }
        }
    }

    private SqlFragment in(Operand left, boolean not, Operand right, ValueKind leftKind) {
        if (right instanceof ColumnOperand) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID,
                    "A column on the right side of in / not-in is not supported.");
        }
        List<SqlFragment> items = new ArrayList<>();
        if (right instanceof ValueOperand value) {
            for (Object item : inItems(value.value())) {
                items.add(SqlFragment.param(item, leftKind == null ? ValueKind.NATURAL : leftKind));
            }
        } else {
            items.add(operand(right, leftKind));
        }
        if (items.isEmpty()) {
            return SqlFragment.text(not ? "1 = 1" : "1 = 0");
        }
        return compose(arg(0) + (not ? " NOT IN (" : " IN (") + arg(1) + ")", operand(left, null),
                SqlFragment.join(", ", items));
    }

    /** Text: trimmed, split on commas, blank items dropped (items themselves are not trimmed, as the reference). */
    static List<Object> inItems(Object value) {
        List<Object> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value instanceof Collection<?> collection) {
            items.addAll(collection);
        } else if (value instanceof String text) {
            for (String item : text.trim().split(",")) {
                if (!item.isBlank()) {
                    items.add(item);
                }
            }
        } else {
            items.add(value);
        }
        return items;
    }

    private static boolean isNull(Operand operand) {
        return operand == null || operand instanceof ValueOperand value && value.value() == null;
    }

    private ValueKind columnKind(Operand operand) {
        return operand instanceof ColumnOperand column ? ValueKind.of(column(column)) : null;
    }

    /** Renders an operand; a value is bound in {@code context} (the kind of the column it meets) when known. */
    SqlFragment operand(Operand operand, ValueKind context) {
        if (operand == null) {
            return SqlFragment.param(null, ValueKind.NATURAL);
        }
        if (operand instanceof ColumnOperand column) {
            return SqlFragment.text(dialect.quote(column(column).name()));
        }
        if (operand instanceof ValueOperand value) {
            return SqlFragment.param(value.value(), context == null ? ValueKind.NATURAL : context);
        }
        if (operand instanceof ArithmeticOperand arithmetic) {
            return arithmetic(arithmetic);
        }
        if (operand instanceof DatePartOperand part) {
            return dates.part(part.type(), dateOperand(part.operand()));
        }
        if (operand instanceof CaseThenOperand caseThen) {
            return caseThen(caseThen, context);
        }
        if (operand instanceof ConcatOperand concat) {
            List<SqlFragment> parts = new ArrayList<>();
            List<String> markers = new ArrayList<>();
            for (Operand part : concat.parts()) {
                markers.add(dialect.castText(arg(parts.size())));
                parts.add(operand(part, ValueKind.TEXT));
            }
            return compose(dialect.concat(markers), parts.toArray(SqlFragment[]::new));
        }
        return dateFunction((DateFunctionOperand) operand);
    }

    private SqlFragment arithmetic(ArithmeticOperand arithmetic) {
        if (arithmetic.operands().isEmpty()) {
            return SqlFragment.param(null, ValueKind.DECIMAL);
        }
        SqlFragment result = null;
        for (Operand item : arithmetic.operands()) {
            SqlFragment next = item instanceof ValueOperand value
                    ? compose(dialect.castDecimal(arg(0)),
                    SqlFragment.param(ColumnValues.toNumber(value.value()), ValueKind.DECIMAL))
                    : operand(item, null);
            if (result == null) {
                result = next;
                continue;
            }
            String template = switch (arithmetic.type()) {
                case ADD -> "(" + arg(0) + " + " + arg(1) + ")";
                case SUBTRACT -> "(" + arg(0) + " - " + arg(1) + ")";
                case MULTIPLY -> "(" + arg(0) + " * " + arg(1) + ")";
                case DIVIDE -> "(" + arg(0) + " / " + arg(1) + ")";
                case MODULUS -> dialect.mod(arg(0), arg(1));
                default -> throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Compute type["
                        + arithmetic.type().json() + "] is not arithmetic.");
            };
            result = compose(template, result, next);
        }
        return arithmetic.operands().size() == 1 ? compose("(" + arg(0) + ")", result) : result;
    }

    private SqlFragment caseThen(CaseThenOperand caseThen, ValueKind context) {
        if (caseThen.routes().isEmpty()) {
            return caseThen.otherwise() == null ? SqlFragment.param(null, ValueKind.NATURAL)
                    : operand(caseThen.otherwise(), context);
        }
        List<SqlFragment> parts = new ArrayList<>();
        for (CaseThenOperand.Route route : caseThen.routes()) {
            parts.add(compose(" WHEN " + arg(0) + " THEN " + arg(1), render(route.when()),
                    operand(route.then(), context)));
        }
        SqlFragment otherwise = caseThen.otherwise() == null ? SqlFragment.text("")
                : compose(" ELSE " + arg(0), operand(caseThen.otherwise(), context));
        return compose("(CASE" + arg(0) + arg(1) + " END)", SqlFragment.join("", parts), otherwise);
    }

    private SqlFragment dateFunction(DateFunctionOperand function) {
        String name = function.function() == null ? "" : function.function().toLowerCase(Locale.ROOT);
        List<Operand> arguments = function.arguments();
        switch (name) {
            case "yeardiff", "monthdiff", "daydiff" -> {
                requireArguments(function, 2);
                SqlFragment end = dateOperand(arguments.get(0));
                SqlFragment start = dateOperand(arguments.get(1));
                return switch (name) {
                    case "yeardiff" -> dates.yearDiff(end, start);
                    case "monthdiff" -> dates.monthDiff(end, start);
                    default -> dates.dayDiff(end, start);
                };
            }
            case "movedate" -> {
                requireArguments(function, 2);
                return dates.moveDate(dateOperand(arguments.get(0)), textArgument(function, arguments.get(1)));
            }
            case "fmtdate" -> {
                requireArguments(function, 2);
                return dates.formatDate(dateOperand(arguments.get(0)), textArgument(function, arguments.get(1)));
            }
            default -> throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Date function["
                    + function.function() + "] is not supported by the storage.");
        }
    }

    /** A date argument: a column or expression as is; a value cast to a date-time so every database types it. */
    private SqlFragment dateOperand(Operand operand) {
        if (operand instanceof ValueOperand value) {
            return compose(dialect.castDateTime(arg(0)), SqlFragment.param(value.value(), ValueKind.DATETIME));
        }
        return operand(operand, null);
    }

    private static String textArgument(DateFunctionOperand function, Operand operand) {
        if (operand instanceof ValueOperand value && (value.value() == null || value.value() instanceof String)) {
            return (String) value.value();
        }
        throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Date function[" + function.function()
                + "] needs a text pattern as its second argument.");
    }

    private static void requireArguments(DateFunctionOperand function, int count) {
        if (function.arguments().size() != count) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Date function[" + function.function()
                    + "] needs " + count + " arguments, got " + function.arguments().size() + ".");
        }
    }

    private TopicColumns.Column column(ColumnOperand operand) {
        if (operand.factor() != null) {
            TopicColumns.Column column = layout.factorColumn(operand.factor().name());
            if (column == null) {
                throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Factor[" + operand.factor().name()
                        + "] of topic[id=" + layout.topic().topicId() + ", name=" + layout.topic().name()
                        + "] has no column to filter by (raw topics: flatten it).");
            }
            return column;
        }
        String name = Identifiers.checked(operand.columnName(), "Column");
        for (TopicColumns.Column column : layout.columns()) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Column[" + name + "] is not a column of topic[id="
                + layout.topic().topicId() + ", name=" + layout.topic().name() + "].");
    }
}
