package io.watchmen.core.storage.criteria;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.watchmen.core.model.pipeline.ParameterJointType;
import java.util.List;

/** {@code {"conjunction": "and"|"or", "children": [...]}}; an empty joint matches every row. */
public record CriteriaJoint(@JsonProperty("conjunction") ParameterJointType conjunction, List<Criteria> children)
        implements Criteria {
    public CriteriaJoint {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
