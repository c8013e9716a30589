package io.watchmen.core.storage;

import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.CriteriaOperator;
import io.watchmen.core.storage.criteria.Operand;
import io.watchmen.core.storage.criteria.ValueOperand;
import java.util.List;

/**
 * The shape of a simple find-by: joints of columns compared with values (everything but in / not-in and computed
 * operands). Two criteria of one shape render the same SQL text on one topic layout, with their values bound in
 * the order {@link #values} gives; the text is rendered once per shape and statement (see
 * {@code TopicSql#shaped}). The shape
 * names each column, the operator, and whether each value is null (equals null renders IS NULL); it never holds a
 * value.
 */
final class CriteriaShapes {

    private CriteriaShapes() {
    }

    /** The shape key, or null when the criteria are not simple (they are rendered per call). */
    static String of(Criteria criteria) {
        StringBuilder key = new StringBuilder(32);
        return append(key, criteria) ? key.toString() : null;
    }

    private static boolean append(StringBuilder key, Criteria criteria) {
        if (criteria == null) {
            key.append('-');
            return true;
        }
        if (criteria instanceof CriteriaJoint joint) {
            key.append(joint.conjunction() == null ? "J" : "J" + joint.conjunction().ordinal()).append('(');
            for (Criteria child : joint.children()) {
                if (!append(key, child)) {
                    return false;
                }
            }
            key.append(')');
            return true;
        }
        CriteriaExpression expression = (CriteriaExpression) criteria;
        CriteriaOperator operator = expression.operator();
        if (operator == null || operator == CriteriaOperator.IN || operator == CriteriaOperator.NOT_IN) {
            return false;
        }
        key.append('E').append(operator.ordinal()).append('(');
        if (!operand(key, expression.left()) || !operand(key, expression.right())) {
            return false;
        }
        key.append(')');
        return true;
    }

    private static boolean operand(StringBuilder key, Operand operand) {
        if (operand == null) {
            key.append('0');
        } else if (operand instanceof ValueOperand value) {
            key.append(value.value() == null ? 'n' : 'v');
        } else if (operand instanceof ColumnOperand column) {
            // length-prefixed: any name, no ambiguity
            String name = column.factor() != null ? column.factor().name() : column.columnName();
            key.append(column.factor() != null ? 'f' : 'c');
            key.append(name == null ? -1 : name.length()).append(':').append(name);
        } else {
            return false;
        }
        return true;
    }

    /** The values of criteria of a simple shape, in the order {@link CriteriaSql} binds them. */
    static void values(Criteria criteria, List<Object> out) {
        if (criteria == null) {
            return;
        }
        if (criteria instanceof CriteriaJoint joint) {
            for (Criteria child : joint.children()) {
                values(child, out);
            }
            return;
        }
        CriteriaExpression expression = (CriteriaExpression) criteria;
        Operand left = expression.left();
        Operand right = expression.right();
        switch (expression.operator()) {
            case IS_EMPTY, IS_NOT_EMPTY -> {
                // the left operand appears twice in the condition
                value(left, out);
                value(left, out);
            }
            case EQUALS, NOT_EQUALS -> {
                if (isNull(right)) {
                    value(left, out);
                } else if (isNull(left)) {
                    value(right, out);
                } else {
                    value(left, out);
                    value(right, out);
                }
            }
            default -> {
                value(left, out);
                value(right, out);
            }
        }
    }

    private static void value(Operand operand, List<Object> out) {
        if (operand == null) {
            out.add(null);
        } else if (operand instanceof ValueOperand value) {
            out.add(value.value());
        }
    }

    private static boolean isNull(Operand operand) {
        return operand == null || operand instanceof ValueOperand value && value.value() == null;
    }
}
