package io.watchmen.core.model.pipeline;

/** {@code write-factor}: a merge-row with the single mapping {@code {factorId, source, arithmetic}}. */
public record WriteFactorAction(String actionId, String topicId, String factorId, Parameter source, AggregateArithmetic arithmetic, ParameterJoint by, AccumulateMode accumulateMode) implements Action.FindByAction {
    public WriteFactorAction {
        arithmetic = arithmetic == null ? AggregateArithmetic.NONE : arithmetic;
        accumulateMode = accumulateMode == null ? AccumulateMode.STANDARD : accumulateMode;
    }

    @Override
    public String type() {
        return "write-factor";
    }
}
