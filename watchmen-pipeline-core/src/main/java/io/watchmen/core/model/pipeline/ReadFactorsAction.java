package io.watchmen.core.model.pipeline;

/** {@code read-factors}: the factor's values of all matching rows. */
public record ReadFactorsAction(String actionId, String topicId, String factorId, String variableName, ParameterJoint by) implements Action.ReadAction {

    @Override
    public String type() {
        return "read-factors";
    }
}
