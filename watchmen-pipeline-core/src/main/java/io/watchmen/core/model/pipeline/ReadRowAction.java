package io.watchmen.core.model.pipeline;

/** {@code read-row}: exactly one matching row into a variable. */
public record ReadRowAction(String actionId, String topicId, String variableName, ParameterJoint by) implements Action.ReadAction {

    @Override
    public String type() {
        return "read-row";
    }
}
