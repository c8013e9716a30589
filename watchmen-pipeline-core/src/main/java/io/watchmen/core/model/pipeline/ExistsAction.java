package io.watchmen.core.model.pipeline;

/** {@code exists}: whether any row matches. */
public record ExistsAction(String actionId, String topicId, String variableName, ParameterJoint by) implements Action.ReadAction {

    @Override
    public String type() {
        return "exists";
    }
}
