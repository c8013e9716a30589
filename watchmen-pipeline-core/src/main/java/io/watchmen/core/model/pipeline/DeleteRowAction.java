package io.watchmen.core.model.pipeline;

/** {@code delete-row}: deletes the one row found by {@code by}. */
public record DeleteRowAction(String actionId, String topicId, ParameterJoint by) implements Action.FindByAction {

    @Override
    public String type() {
        return "delete-row";
    }
}
