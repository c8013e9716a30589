package io.watchmen.core.model.pipeline;

/** {@code delete-rows}: deletes every row found by {@code by}, one by one. */
public record DeleteRowsAction(String actionId, String topicId, ParameterJoint by) implements Action.FindByAction {

    @Override
    public String type() {
        return "delete-rows";
    }
}
