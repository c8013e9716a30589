package io.watchmen.core.kernel;

import io.watchmen.core.model.monitor.MonitorLogStatus;

/** One pipeline run caused by an item (including cascaded runs), in run order. */
public record PipelineRun(String pipelineId, String topicId, MonitorLogStatus status, String error) {
}
