package io.watchmen.core.model.monitor;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The log of one pipeline run, stored as an insert into the tenant's {@code raw_pipeline_monitor_log} topic. */
public record PipelineMonitorLog(String uid, String traceId, String pipelineId, String topicId, Long dataId,
                                 MonitorLogStatus status, LocalDateTime startTime, long spentInMills, String error,
                                 Map<String, Object> oldValue, Map<String, Object> newValue, Boolean prerequisite,
                                 Map<String, Object> prerequisiteDefinedAs, List<StageMonitorLog> stages) {
    public PipelineMonitorLog {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
