package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A value source, told apart by {@code kind}. {@code conditional} and {@code on} are used only when the
 * parameter is a route of a {@code case-then} computation.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TopicFactorParameter.class, name = "topic"),
        @JsonSubTypes.Type(value = ConstantParameter.class, name = "constant"),
        @JsonSubTypes.Type(value = ComputedParameter.class, name = "computed"),
        @JsonSubTypes.Type(value = VariableParameter.class, name = "variable")})
public sealed interface Parameter
        permits TopicFactorParameter, ConstantParameter, ComputedParameter, VariableParameter {

    Boolean conditional();

    ParameterJoint on();
}
