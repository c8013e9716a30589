package io.watchmen.core.model.pipeline;

import java.util.List;

/** {@code merge-row}: updates the one row found by {@code by}. */
public record MergeRowAction(String actionId, String topicId, List<MappingFactor> mapping, ParameterJoint by, AccumulateMode accumulateMode) implements Action.FindByAction, Action.WriteAction {
    public MergeRowAction {
        accumulateMode = accumulateMode == null ? AccumulateMode.STANDARD : accumulateMode;
        mapping = mapping == null ? null : List.copyOf(mapping);
    }

    @Override
    public String type() {
        return "merge-row";
    }
}
