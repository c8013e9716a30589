package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * An element of a joint's filters: a nested {@link ParameterJoint} when the JSON object has a non-null
 * {@code jointType}, otherwise a {@link ParameterExpression}.
 */
@JsonDeserialize(using = ParameterConditionDeserializer.class)
public sealed interface ParameterCondition permits ParameterJoint, ParameterExpression {
}
