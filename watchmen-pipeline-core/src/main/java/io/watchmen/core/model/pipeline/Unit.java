package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A unit of a stage; loops over the list variable {@code loopVariableName} when it is not blank. */
public record Unit(String unitId, String name, Boolean conditional, ParameterJoint on, String loopVariableName,
                   @JsonProperty("do") List<Action> actions) {
    public Unit {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
