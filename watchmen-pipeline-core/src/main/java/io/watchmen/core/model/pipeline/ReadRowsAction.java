package io.watchmen.core.model.pipeline;

/** {@code read-rows}: all matching rows into a variable. */
public record ReadRowsAction(String actionId, String topicId, String variableName, ParameterJoint by) implements Action.ReadAction {

    @Override
    public String type() {
        return "read-rows";
    }
}
