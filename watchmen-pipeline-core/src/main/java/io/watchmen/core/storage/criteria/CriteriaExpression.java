package io.watchmen.core.storage.criteria;

/** {@code {"left": operand, "operator": storage operator, "right": operand}}; right is null for (not-)empty. */
public record CriteriaExpression(Operand left, CriteriaOperator operator, Operand right) implements Criteria {
}
