package io.watchmen.core.trigger;

import io.watchmen.core.model.pipeline.PipelineTriggerType;
import java.util.Map;

/**
 * One item of a storage object: {@code {"code": topic name, "data": {...}, "pat": token, "tenantId"?,
 * "triggerType"?}}. {@link #toString()} never prints the PAT.
 */
public record PipelineTriggerDataWithPAT(String pat, String code, Map<String, Object> data, String tenantId,
                                         PipelineTriggerType triggerType) {
    public PipelineTriggerDataWithPAT {
        triggerType = triggerType == null ? PipelineTriggerType.INSERT : triggerType;
    }

    @Override
    public String toString() {
        return "PipelineTriggerDataWithPAT[code=" + code + ", tenantId=" + tenantId + ", triggerType="
                + triggerType.json() + ", pat=<masked>]";
    }
}
