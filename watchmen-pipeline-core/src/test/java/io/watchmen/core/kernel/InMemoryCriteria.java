package io.watchmen.core.kernel;

import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.storage.criteria.ArithmeticOperand;
import io.watchmen.core.storage.criteria.CaseThenOperand;
import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.ConcatOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.DateFunctionOperand;
import io.watchmen.core.storage.criteria.DatePartOperand;
import io.watchmen.core.storage.criteria.Operand;
import io.watchmen.core.storage.criteria.ValueOperand;
import io.watchmen.core.value.DateFunctions;
import io.watchmen.core.value.Decimals;
import io.watchmen.core.value.PythonText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Evaluates criteria trees against an in-memory row the way SQL would (null never compares). */
final class InMemoryCriteria {

    private InMemoryCriteria() {
    }

    static boolean matches(Criteria criteria, Map<String, Object> row) {
        if (criteria instanceof CriteriaJoint joint) {
            boolean and = joint.conjunction() != ParameterJointType.OR;
            if (joint.children().isEmpty()) {
                return true;
            }
            for (Criteria child : joint.children()) {
                boolean value = matches(child, row);
                if (and != value) {
                    return value;
                }
            }
            return and;
        }
        CriteriaExpression expression = (CriteriaExpression) criteria;
        Object left = value(expression.left(), row);
        Object right = expression.right() == null ? null : value(expression.right(), row);
        switch (expression.operator()) {
            case IS_EMPTY:
                return left == null || "".equals(PythonText.str(left));
            case IS_NOT_EMPTY:
                return !(left == null || "".equals(PythonText.str(left)));
            case EQUALS:
                return right == null ? left == null : equal(left, right);
            case NOT_EQUALS:
                return right == null ? left != null : left != null && !equal(left, right);
            case IN:
                return left != null && ((Collection<?>) right).stream().anyMatch(v -> equal(left, v));
            case NOT_IN:
                return left != null && ((Collection<?>) right).stream().noneMatch(v -> equal(left, v));
            default:
                if (left == null || right == null) {
                    return false;
                }
                int compared = compare(left, right);
                return switch (expression.operator()) {
                    case LESS_THAN -> compared < 0;
                    case LESS_THAN_OR_EQUALS -> compared <= 0;
                    case GREATER_THAN -> compared > 0;
                    default -> compared >= 0;
                };
        }
    }

    private static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        Optional<BigDecimal> da = number(a);
        Optional<BigDecimal> db = number(b);
        if (da.isPresent() && db.isPresent()) {
            return da.get().compareTo(db.get()) == 0;
        }
        if (a instanceof Temporal || b instanceof Temporal) {
            return compare(a, b) == 0;
        }
        return PythonText.str(a).equals(PythonText.str(b));
    }

    private static Optional<BigDecimal> number(Object value) {
        return value instanceof Number || value instanceof String ? Decimals.parse(value) : Optional.empty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        Optional<BigDecimal> da = number(a);
        Optional<BigDecimal> db = number(b);
        if (da.isPresent() && db.isPresent()) {
            return da.get().compareTo(db.get());
        }
        if (a instanceof LocalDate date && b instanceof LocalDateTime) {
            return date.atStartOfDay().compareTo((LocalDateTime) b);
        }
        if (a instanceof LocalDateTime && b instanceof LocalDate date) {
            return ((LocalDateTime) a).compareTo(date.atStartOfDay());
        }
        return ((Comparable) a).compareTo(b);
    }

    private static Object value(Operand operand, Map<String, Object> row) {
        if (operand instanceof ColumnOperand column) {
            return row.get(column.factor().name());
        }
        if (operand instanceof ValueOperand value) {
            return value.value();
        }
        if (operand instanceof ConcatOperand concat) {
            StringBuilder text = new StringBuilder();
            concat.parts().forEach(part -> text.append(PythonText.str(value(part, row))));
            return text.toString();
        }
        if (operand instanceof ArithmeticOperand arithmetic) {
            BigDecimal result = null;
            for (Operand part : arithmetic.operands()) {
                BigDecimal number = number(value(part, row)).orElse(BigDecimal.ZERO);
                result = result == null ? number : switch (arithmetic.type()) {
                    case ADD -> result.add(number);
                    case SUBTRACT -> result.subtract(number);
                    case MULTIPLY -> result.multiply(number);
                    case DIVIDE -> result.divide(number, Decimals.CONTEXT);
                    default -> result.remainder(number);
                };
            }
            return result;
        }
        if (operand instanceof DatePartOperand part) {
            Object date = value(part.operand(), row);
            return date == null ? null : DateFunctions.datePart(part.type(), (Temporal) date);
        }
        if (operand instanceof CaseThenOperand caseThen) {
            for (CaseThenOperand.Route route : caseThen.routes()) {
                if (matches(route.when(), row)) {
                    return value(route.then(), row);
                }
            }
            return caseThen.otherwise() == null ? null : value(caseThen.otherwise(), row);
        }
        DateFunctionOperand function = (DateFunctionOperand) operand;
        Object first = value(function.arguments().get(0), row);
        Object second = value(function.arguments().get(1), row);
        return switch (function.function()) {
            case "yearDiff" -> DateFunctions.yearDiff(date(first), date(second));
            case "monthDiff" -> DateFunctions.monthDiff(date(first), date(second));
            case "dayDiff" -> DateFunctions.dayDiff(date(first), date(second));
            case "moveDate" -> DateFunctions.moveDate((Temporal) first, (String) second);
            default -> DateFunctions.fmtDate((Temporal) first, (String) second);
        };
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDateTime dateTime ? dateTime.toLocalDate() : (LocalDate) value;
    }
}
