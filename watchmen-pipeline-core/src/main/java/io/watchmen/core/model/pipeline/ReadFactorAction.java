package io.watchmen.core.model.pipeline;

/** {@code read-factor}: one factor value, or an aggregate over matching rows. */
public record ReadFactorAction(String actionId, String topicId, String factorId, String variableName, ParameterJoint by, AggregateArithmetic arithmetic) implements Action.ReadAction {
    public ReadFactorAction {
        arithmetic = arithmetic == null ? AggregateArithmetic.NONE : arithmetic;
    }

    @Override
    public String type() {
        return "read-factor";
    }
}
