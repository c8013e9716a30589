package io.watchmen.core.model.pipeline;

import java.util.List;

/** {@code insert-or-merge-row}: updates the row found by {@code by}, or inserts one. */
public record InsertOrMergeRowAction(String actionId, String topicId, List<MappingFactor> mapping, ParameterJoint by, AccumulateMode accumulateMode) implements Action.FindByAction, Action.WriteAction {
    public InsertOrMergeRowAction {
        accumulateMode = accumulateMode == null ? AccumulateMode.STANDARD : accumulateMode;
        mapping = mapping == null ? null : List.copyOf(mapping);
    }

    @Override
    public String type() {
        return "insert-or-merge-row";
    }
}
