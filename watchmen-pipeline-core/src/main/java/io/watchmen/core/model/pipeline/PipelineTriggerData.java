package io.watchmen.core.model.pipeline;

import java.util.Map;

/** Trigger data as the kernel takes it: topic name, data (mutable: it is prepared in place), type, tenant. */
public record PipelineTriggerData(String code, Map<String, Object> data, PipelineTriggerType triggerType,
                                  String tenantId) {
    public PipelineTriggerData {
        triggerType = triggerType == null ? PipelineTriggerType.INSERT : triggerType;
    }
}
