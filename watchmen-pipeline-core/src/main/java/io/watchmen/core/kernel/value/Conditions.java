package io.watchmen.core.kernel.value;

import io.watchmen.core.model.pipeline.ParameterCondition;
import io.watchmen.core.model.pipeline.ParameterExpression;
import io.watchmen.core.model.pipeline.ParameterExpressionOperator;
import io.watchmen.core.model.pipeline.ParameterJoint;
import io.watchmen.core.model.pipeline.ParameterJointType;
import java.util.Collection;

/** In-memory condition evaluation: prerequisites and case-then routes (spec 1.6, 3.8). */
public final class Conditions {

    private final ParameterEvaluator evaluator;

    Conditions(ParameterEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** True when the test is skipped (not conditional, no joint, no filters), else the joint's value. */
    public boolean prerequisite(Boolean conditional, ParameterJoint on, EvalContext context) {
        if (!Boolean.TRUE.equals(conditional) || on == null || on.filters().isEmpty()) {
            return true;
        }
        return joint(on, context);
    }

    public boolean joint(ParameterJoint joint, EvalContext context) {
        boolean and = joint.jointType() != ParameterJointType.OR;
        for (ParameterCondition filter : joint.filters()) {
            boolean value = filter instanceof ParameterJoint nested ? joint(nested, context)
                    : expression((ParameterExpression) filter, context);
            if (and && !value) {
                return false;
            }
            if (!and && value) {
                return true;
            }
        }
        return and;
    }

    public boolean expression(ParameterExpression expression, EvalContext context) {
        if (expression == null) {
            throw Values.invalid("Condition cannot be none.");
        }
        Object left = evaluator.evaluate(expression.left(), context);
        ParameterExpressionOperator operator = expression.operator();
        if (operator == ParameterExpressionOperator.EMPTY) {
            return Values.isEmpty(left);
        }
        if (operator == ParameterExpressionOperator.NOT_EMPTY) {
            return !Values.isEmpty(left);
        }
        Object right = evaluator.evaluate(expression.right(), context);
        Comparisons comparisons = new Comparisons(context.runtime().parser());
        switch (operator) {
            case EQUALS:
                return comparisons.equal(left, right);
            case NOT_EQUALS:
                return !comparisons.equal(left, right);
            case LESS:
                return comparisons.compare(left, right, true, false);
            case LESS_EQUALS:
                return comparisons.compare(left, right, true, true);
            case MORE:
                return comparisons.compare(left, right, false, false);
            case MORE_EQUALS:
                return comparisons.compare(left, right, false, true);
            case IN:
                return in(comparisons, left, right);
            case NOT_IN:
                return !in(comparisons, left, right);
            default:
                throw Values.invalid("Unsupported operator[" + operator.json() + "].");
        }
    }

    private static boolean in(Comparisons comparisons, Object left, Object right) {
        if (right == null) {
            return false;
        }
        if (right instanceof Collection<?> list) {
            for (Object element : list) {
                if (comparisons.equal(left, element)) {
                    return true;
                }
            }
            return false;
        }
        if (right instanceof String text) {
            if (text.isBlank()) {
                return false;
            }
            for (String part : text.split(",", -1)) {
                if (comparisons.equal(left, part)) {
                    return true;
                }
            }
            return false;
        }
        throw Values.invalid("Comparison of [in] is not supported on [" + Values.text(right) + "], type="
                + Values.typeName(right) + ".");
    }
}
