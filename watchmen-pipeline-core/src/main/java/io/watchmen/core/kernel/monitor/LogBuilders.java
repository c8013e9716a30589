package io.watchmen.core.kernel.monitor;

import io.watchmen.core.model.monitor.ActionMonitorLog;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.monitor.PipelineMonitorLog;
import io.watchmen.core.model.monitor.StageMonitorLog;
import io.watchmen.core.model.monitor.UnitMonitorLog;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Mutable logs filled while a pipeline runs, turned into the immutable {@code model.monitor} records at the end. */
public final class LogBuilders {

    private LogBuilders() {
    }

    /** Fields every level shares (spec 4.1). */
    abstract static class Step {
        public MonitorLogStatus status = MonitorLogStatus.DONE;
        public final LocalDateTime startTime;
        private final long startNanos = System.nanoTime();
        public long spentInMills;
        public String error;
        public Boolean prerequisite = Boolean.TRUE;
        public Map<String, Object> prerequisiteDefinedAs;

        Step(LocalDateTime startTime) {
            this.startTime = startTime;
        }

        public void finish() {
            spentInMills = (System.nanoTime() - startNanos) / 1_000_000L;
        }

        public void fail(String error) {
            status = MonitorLogStatus.ERROR;
            this.error = error;
        }
    }

    public static final class PipelineLog extends Step {
        public final String uid;
        public final String traceId;
        public final String pipelineId;
        public final String topicId;
        public final Long dataId;
        public final Map<String, Object> oldValue;
        public final Map<String, Object> newValue;
        public final List<StageLog> stages = new ArrayList<>();

        public PipelineLog(String uid, String traceId, String pipelineId, String topicId, Long dataId,
                           LocalDateTime startTime, Map<String, Object> oldValue, Map<String, Object> newValue) {
            super(startTime);
            this.uid = uid;
            this.traceId = traceId;
            this.pipelineId = pipelineId;
            this.topicId = topicId;
            this.dataId = dataId;
            this.oldValue = oldValue;
            this.newValue = newValue;
        }

        public PipelineMonitorLog build() {
            return new PipelineMonitorLog(uid, traceId, pipelineId, topicId, dataId, status, startTime, spentInMills,
                    error, oldValue, newValue, prerequisite, prerequisiteDefinedAs,
                    stages.stream().map(StageLog::build).toList());
        }
    }

    public static final class StageLog extends Step {
        public final String stageId;
        public final String name;
        public final List<UnitLog> units = new ArrayList<>();

        public StageLog(String stageId, String name, LocalDateTime startTime) {
            super(startTime);
            this.stageId = stageId;
            this.name = name;
        }

        StageMonitorLog build() {
            return new StageMonitorLog(stageId, name, status, startTime, spentInMills, error, prerequisite,
                    prerequisiteDefinedAs, units.stream().map(UnitLog::build).toList());
        }
    }

    public static final class UnitLog extends Step {
        public final String unitId;
        public final String name;
        public final String loopVariableName;
        public final Object loopVariableValue;
        public final List<ActionLog> actions = new ArrayList<>();

        public UnitLog(String unitId, String name, String loopVariableName, Object loopVariableValue,
                       LocalDateTime startTime) {
            super(startTime);
            this.unitId = unitId;
            this.name = name;
            this.loopVariableName = loopVariableName;
            this.loopVariableValue = loopVariableValue;
        }

        UnitMonitorLog build() {
            return new UnitMonitorLog(unitId, name, status, startTime, spentInMills, error, prerequisite,
                    prerequisiteDefinedAs, loopVariableName, loopVariableValue,
                    actions.stream().map(ActionLog::build).toList());
        }
    }

    public static final class ActionLog extends Step {
        public final String uid;
        public final String actionId;
        public final String type;
        public final Object definedAs;
        public int insertCount;
        public int updateCount;
        public int deleteCount;
        public Object touched;
        public Object findBy;

        public ActionLog(String uid, String actionId, String type, Object definedAs, LocalDateTime startTime,
                         boolean alarm) {
            super(startTime);
            this.uid = uid;
            this.actionId = actionId;
            this.type = type;
            this.definedAs = definedAs;
            if (!alarm) {
                prerequisite = null;
            }
        }

        ActionMonitorLog build() {
            return new ActionMonitorLog(uid, actionId, type, status, startTime, spentInMills, error, insertCount,
                    updateCount, deleteCount, definedAs, touched, findBy, prerequisite, prerequisiteDefinedAs);
        }
    }
}
