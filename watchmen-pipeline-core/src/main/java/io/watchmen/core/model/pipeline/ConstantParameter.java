package io.watchmen.core.model.pipeline;

/** {@code kind: constant}: literal text, possibly with {@code {...}} placeholders. */
public record ConstantParameter(String value, Boolean conditional, ParameterJoint on) implements Parameter {
}
