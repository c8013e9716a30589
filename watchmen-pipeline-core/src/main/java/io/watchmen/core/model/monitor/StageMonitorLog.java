package io.watchmen.core.model.monitor;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The log of one stage of a pipeline run. */
public record StageMonitorLog(String stageId, String name, MonitorLogStatus status, LocalDateTime startTime,
                              long spentInMills, String error, Boolean prerequisite,
                              Map<String, Object> prerequisiteDefinedAs, List<UnitMonitorLog> units) {
    public StageMonitorLog {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
