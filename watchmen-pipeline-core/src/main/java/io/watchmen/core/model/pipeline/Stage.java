package io.watchmen.core.model.pipeline;

import java.util.List;

/** A stage of a pipeline: units run in order. */
public record Stage(String stageId, String name, Boolean conditional, ParameterJoint on, List<Unit> units) {
    public Stage {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
