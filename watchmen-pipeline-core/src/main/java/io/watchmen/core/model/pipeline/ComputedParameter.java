package io.watchmen.core.model.pipeline;

import java.util.List;

/** {@code kind: computed}: arithmetic, date parts or case-then over nested parameters. */
public record ComputedParameter(ParameterComputeType type, List<Parameter> parameters, Boolean conditional,
                                ParameterJoint on) implements Parameter {
    public ComputedParameter {
        type = type == null ? ParameterComputeType.NONE : type;
        // nulls are kept: the compiler reports a null parameter as a definition error
        parameters = parameters == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }
}
