package io.watchmen.core.model.monitor;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * The log of one action. {@code findBy} is set for read, write and delete actions; {@code prerequisite} and
 * {@code prerequisiteDefinedAs} for alarms only.
 */
public record ActionMonitorLog(String uid, String actionId, String type, MonitorLogStatus status,
                               LocalDateTime startTime, long spentInMills, String error, int insertCount,
                               int updateCount, int deleteCount, Object definedAs, Object touched, Object findBy,
                               Boolean prerequisite, Map<String, Object> prerequisiteDefinedAs) {
}
