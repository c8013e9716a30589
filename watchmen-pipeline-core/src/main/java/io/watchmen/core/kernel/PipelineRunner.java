package io.watchmen.core.kernel;

import io.watchmen.core.kernel.action.ActionRunner;
import io.watchmen.core.kernel.action.RunContext;
import io.watchmen.core.kernel.compile.CompiledPipeline;
import io.watchmen.core.kernel.monitor.LogBuilders.ActionLog;
import io.watchmen.core.kernel.monitor.LogBuilders.PipelineLog;
import io.watchmen.core.kernel.monitor.LogBuilders.StageLog;
import io.watchmen.core.kernel.monitor.LogBuilders.UnitLog;
import io.watchmen.core.kernel.value.Conditions;
import io.watchmen.core.kernel.value.EvalContext;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.pipeline.Action;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.pipeline.Stage;
import io.watchmen.core.model.pipeline.Unit;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Runs one compiled pipeline (spec 2.7-2.10) and fills its monitor log. Deviations from the reference: a failing
 * unit marks its stage ERROR; unit logs carry prerequisiteDefinedAs; unitId, unit name and actionId may be null.
 */
final class PipelineRunner {

    private final ActionRunner actions;
    private final Clock clock;
    private final LongSupplier ids;

    PipelineRunner(ActionRunner actions, Clock clock, LongSupplier ids) {
        this.actions = actions;
        this.clock = clock;
        this.ids = ids;
    }

    PipelineLog run(CompiledPipeline compiled, PipelineContext context, RunContext run, EvalContext eval,
                    String traceId) {
        Pipeline pipeline = compiled.pipeline();
        PipelineLog log = new PipelineLog(String.valueOf(ids.getAsLong()), traceId, pipeline.pipelineId(),
                pipeline.topicId(), context.trigger().internalDataId(), LocalDateTime.now(clock),
                shallow(context.trigger().previous()), shallow(context.trigger().current()));
        log.prerequisiteDefinedAs = compiled.definedAs(pipeline);
        Conditions conditions = compiled.evaluator().conditions();
        try {
            if (!conditions.prerequisite(pipeline.conditional(), pipeline.on(), eval)) {
                log.prerequisite = false;
                log.finish();
                return log;
            }
        } catch (RuntimeException failure) {
            log.fail(Errors.text(failure));
            log.finish();
            return log;
        }
        for (Stage stage : pipeline.stages()) {
            if (!stage(compiled, stage, log, run, eval, conditions)) {
                log.status = MonitorLogStatus.ERROR;
                break;
            }
        }
        log.finish();
        return log;
    }

    private boolean stage(CompiledPipeline compiled, Stage stage, PipelineLog pipelineLog, RunContext run,
                          EvalContext eval, Conditions conditions) {
        StageLog log = new StageLog(stage.stageId(), stage.name(), LocalDateTime.now(clock));
        pipelineLog.stages.add(log);
        log.prerequisiteDefinedAs = compiled.definedAs(stage);
        try {
            if (!conditions.prerequisite(stage.conditional(), stage.on(), eval)) {
                log.prerequisite = false;
                log.finish();
                return true;
            }
        } catch (RuntimeException failure) {
            log.fail(Errors.text(failure));
            log.finish();
            return false;
        }
        boolean ok = true;
        for (Unit unit : stage.units()) {
            if (!unit(unit, log, run, eval, conditions)) {
                log.fail(null);
                ok = false;
                break;
            }
        }
        log.finish();
        return ok;
    }

    private boolean unit(Unit unit, StageLog stageLog, RunContext run, EvalContext eval, Conditions conditions) {
        String loop = unit.loopVariableName();
        if (loop == null || loop.isBlank()) {
            return single(unit, stageLog, run, eval, conditions, null);
        }
        Object value = eval.variable(loop);
        if (value == null) {
            UnitLog log = newUnitLog(unit, stageLog, null);
            log.prerequisite = null;
            log.finish();
            return true;
        }
        if (!(value instanceof List<?> elements)) {
            UnitLog log = newUnitLog(unit, stageLog, null);
            log.fail("Value of loop variable[" + loop + "] must be a list, current is [" + textOf(value) + "].");
            log.finish();
            return false;
        }
        // a copy: actions may change the list; null elements are allowed
        for (Object element : new java.util.ArrayList<Object>(elements)) {
            EvalContext iteration = eval.cloneForLoop();
            iteration.setVariable(loop, element);
            if (!single(unit, stageLog, run, iteration, conditions, element)) {
                return false;
            }
        }
        return true;
    }

    private boolean single(Unit unit, StageLog stageLog, RunContext run, EvalContext eval, Conditions conditions,
                           Object element) {
        UnitLog log = newUnitLog(unit, stageLog, element);
        log.prerequisiteDefinedAs = run.compiled().definedAs(unit);
        try {
            if (!conditions.prerequisite(unit.conditional(), unit.on(), eval)) {
                log.prerequisite = false;
                log.finish();
                return true;
            }
        } catch (RuntimeException failure) {
            log.fail(Errors.text(failure));
            log.finish();
            return false;
        }
        RunContext.At at = new RunContext.At(run, eval);
        for (Action action : unit.actions()) {
            if (!action(action, log, at)) {
                log.status = MonitorLogStatus.ERROR;
                log.finish();
                return false;
            }
        }
        log.finish();
        return true;
    }

    private UnitLog newUnitLog(Unit unit, StageLog stageLog, Object element) {
        UnitLog log = new UnitLog(unit.unitId(), unit.name(), unit.loopVariableName(), element,
                LocalDateTime.now(clock));
        stageLog.units.add(log);
        return log;
    }

    private boolean action(Action action, UnitLog unitLog, RunContext.At at) {
        ActionLog log = new ActionLog(String.valueOf(ids.getAsLong()), action.actionId(), action.type(),
                at.run().compiled().definedAs(action), LocalDateTime.now(clock),
                action instanceof io.watchmen.core.model.pipeline.AlarmAction);
        unitLog.actions.add(log);
        try {
            actions.run(action, at, log);
            log.finish();
            return true;
        } catch (RuntimeException failure) {
            log.fail(Errors.text(failure));
            log.finish();
            return false;
        }
    }

    private static Map<String, Object> shallow(Map<String, Object> data) {
        return data == null ? null : new HashMap<>(data);
    }

    private static String textOf(Object value) {
        try {
            return io.watchmen.core.value.PythonText.str(value);
        } catch (RuntimeException unavailable) {
            return String.valueOf(value);
        }
    }
}
