package io.watchmen.core.model.monitor;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The log of one run of a unit; a loop produces one per element. */
public record UnitMonitorLog(String unitId, String name, MonitorLogStatus status, LocalDateTime startTime,
                             long spentInMills, String error, Boolean prerequisite,
                             Map<String, Object> prerequisiteDefinedAs, String loopVariableName,
                             Object loopVariableValue, List<ActionMonitorLog> actions) {
    public UnitMonitorLog {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
