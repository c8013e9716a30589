package io.watchmen.core.model.pipeline;

import java.util.List;

/** {@code insert-row}: inserts one mapped row (accumulate mode is ignored: always standard). */
public record InsertRowAction(String actionId, String topicId, List<MappingFactor> mapping, AccumulateMode accumulateMode) implements Action.WriteAction {
    public InsertRowAction {
        accumulateMode = accumulateMode == null ? AccumulateMode.STANDARD : accumulateMode;
        mapping = mapping == null ? null : List.copyOf(mapping);
    }

    @Override
    public String type() {
        return "insert-row";
    }
}
