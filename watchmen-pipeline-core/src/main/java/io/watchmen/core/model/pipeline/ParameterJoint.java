package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/** {@code {"jointType": "and"|"or", "filters": [...]}}. */
@JsonDeserialize(using = com.fasterxml.jackson.databind.JsonDeserializer.None.class)
public record ParameterJoint(ParameterJointType jointType, List<ParameterCondition> filters)
        implements ParameterCondition {
    public ParameterJoint {
        jointType = jointType == null ? ParameterJointType.AND : jointType;
        filters = filters == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(filters));
    }
}
