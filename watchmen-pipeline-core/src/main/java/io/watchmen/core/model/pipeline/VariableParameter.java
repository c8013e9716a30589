package io.watchmen.core.model.pipeline;

/** {@code kind: variable}: a variable, optionally followed by a dotted path in {@code factorName}. */
public record VariableParameter(String variableName, String factorName, Boolean conditional, ParameterJoint on)
        implements Parameter {
}
