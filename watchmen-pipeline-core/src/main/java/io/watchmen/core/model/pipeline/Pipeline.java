package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDateTime;
import java.util.List;

/** A pipeline: runs when data of its trigger topic changes in a way matching its {@code type}. */
public record Pipeline(
        String pipelineId,
        String topicId,
        String name,
        PipelineTriggerType type,
        List<Stage> stages,
        Boolean enabled,
        Boolean validated,
        Boolean conditional,
        ParameterJoint on,
        String tenantId,
        LocalDateTime createdAt,
        String createdBy,
        LocalDateTime lastModifiedAt,
        String lastModifiedBy,
        Long version) {

    public Pipeline {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** Only {@code enabled: true} runs; false and null both mean "do not run". */
    @JsonIgnore
    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
