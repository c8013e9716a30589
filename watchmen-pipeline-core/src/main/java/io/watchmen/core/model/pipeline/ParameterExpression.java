package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** {@code {"left": Parameter, "operator": op, "right": Parameter}}; right is ignored for empty/not-empty. */
@JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)
public record ParameterExpression(Parameter left, ParameterExpressionOperator operator, Parameter right)
        implements ParameterCondition {
    public ParameterExpression {
        operator = operator == null ? ParameterExpressionOperator.EQUALS : operator;
    }
}
