package io.watchmen.core.kernel.action;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.kernel.ExternalWriteRequest;
import io.watchmen.core.kernel.monitor.LogBuilders.ActionLog;
import io.watchmen.core.kernel.value.EvalContext;
import io.watchmen.core.kernel.value.Template;
import io.watchmen.core.model.pipeline.AccumulateMode;
import io.watchmen.core.model.pipeline.Action;
import io.watchmen.core.model.pipeline.AlarmAction;
import io.watchmen.core.model.pipeline.ConstantParameter;
import io.watchmen.core.model.pipeline.CopyToMemoryAction;
import io.watchmen.core.model.pipeline.DeleteRowAction;
import io.watchmen.core.model.pipeline.DeleteRowsAction;
import io.watchmen.core.model.pipeline.ExistsAction;
import io.watchmen.core.model.pipeline.InsertOrMergeRowAction;
import io.watchmen.core.model.pipeline.InsertRowAction;
import io.watchmen.core.model.pipeline.MappingFactor;
import io.watchmen.core.model.pipeline.MergeRowAction;
import io.watchmen.core.model.pipeline.ReadFactorAction;
import io.watchmen.core.model.pipeline.ReadFactorsAction;
import io.watchmen.core.model.pipeline.ReadRowAction;
import io.watchmen.core.model.pipeline.ReadRowsAction;
import io.watchmen.core.model.pipeline.WriteFactorAction;
import io.watchmen.core.model.pipeline.WriteToExternalAction;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.Criteria;
import java.util.List;
import java.util.Map;

/** Runs one action body (spec 2.11-2.15); the caller owns the action log's status and timing. */
public final class ActionRunner {

    private final ActionServices services;
    private final ReadActions reads;
    private final WriteActions writes;
    private final DeleteActions deletes;

    public ActionRunner(ActionServices services) {
        this.services = services;
        this.reads = new ReadActions(services);
        this.writes = new WriteActions(services);
        this.deletes = new DeleteActions(services);
    }

    /** Optimistic-lock retries of write actions in this process so far (a diagnostic counter). */
    public static long optimisticRetries() {
        return WriteActions.RETRIES.sum();
    }

    public void run(Action action, RunContext.At at, ActionLog log) {
        if (action instanceof AlarmAction alarm) {
            alarm(alarm, at, log);
        } else if (action instanceof CopyToMemoryAction copy) {
            copyToMemory(copy, at, log);
        } else if (action instanceof WriteToExternalAction external) {
            writeToExternal(external, at);
        } else if (action instanceof InsertRowAction insert) {
            Topic topic = at.run().compiled().topic(insert.topicId());
            writes.insertRow(new WriteActions.Write(topic, insert.mapping(), AccumulateMode.STANDARD, null), at, log);
        } else if (action instanceof InsertOrMergeRowAction upsert) {
            Topic topic = at.run().compiled().topic(upsert.topicId());
            AccumulateMode mode = upsert.accumulateMode() == AccumulateMode.REVERSE ? AccumulateMode.STANDARD
                    : upsert.accumulateMode();
            writes.mergeOrInsert(new WriteActions.Write(topic, upsert.mapping(), mode, upsert.by()), at, log, true,
                    translator(at));
        } else if (action instanceof MergeRowAction merge) {
            Topic topic = at.run().compiled().topic(merge.topicId());
            writes.mergeOrInsert(new WriteActions.Write(topic, merge.mapping(), merge.accumulateMode(), merge.by()),
                    at, log, false, translator(at));
        } else if (action instanceof WriteFactorAction factor) {
            Topic topic = at.run().compiled().topic(factor.topicId());
            List<MappingFactor> mapping = List.of(new MappingFactor(factor.factorId(), factor.source(),
                    factor.arithmetic()));
            writes.mergeOrInsert(new WriteActions.Write(topic, mapping, factor.accumulateMode(), factor.by()), at,
                    log, false, translator(at));
        } else {
            Action.FindByAction findBy = (Action.FindByAction) action;
            Topic topic = at.run().compiled().topic(findBy.topicId());
            Criteria by = translator(at).translate(findBy.by(), topic, at.eval());
            log.findBy = by;
            if (action instanceof ReadRowAction read) {
                reads.readRow(read, at, topic, by, log);
            } else if (action instanceof ReadRowsAction read) {
                reads.readRows(read, at, topic, by, log);
            } else if (action instanceof ReadFactorAction read) {
                reads.readFactor(read, at, topic, by, log);
            } else if (action instanceof ReadFactorsAction read) {
                reads.readFactors(read, at, topic, by, log);
            } else if (action instanceof ExistsAction exists) {
                reads.exists(exists, at, topic, by);
            } else if (action instanceof DeleteRowAction) {
                deletes.deleteRow(at, topic, by, log);
            } else if (action instanceof DeleteRowsAction) {
                deletes.deleteRows(at, topic, by, log);
            }
        }
    }

    private static FindByTranslator translator(RunContext.At at) {
        return new FindByTranslator(at.run().compiled().evaluator());
    }

    private void alarm(AlarmAction alarm, RunContext.At at, ActionLog log) {
        log.prerequisiteDefinedAs = definedAs(alarm.conditional(), alarm.on());
        boolean holds = at.run().compiled().evaluator().conditions()
                .prerequisite(alarm.conditional(), alarm.on(), at.eval());
        log.prerequisite = holds;
        if (holds) {
            Object message = at.run().compiled().evaluator()
                    .evaluate(new ConstantParameter(alarm.message(), null, null), at.eval());
            log.touched = ReadActions.singleton(message);
        }
    }

    /** Deviation: a constant source whose value is null stores null instead of failing ([RB] 2.11). */
    private void copyToMemory(CopyToMemoryAction copy, RunContext.At at, ActionLog log) {
        EvalContext eval = at.eval();
        Object value = at.run().compiled().evaluator().evaluate(copy.source(), eval);
        String origin = copy.source() instanceof ConstantParameter constant ? origin(constant.value(), eval) : null;
        eval.setVariable(copy.variableName(), value);
        eval.setOrigin(copy.variableName(), origin);
        log.touched = ReadActions.singleton(value);
    }

    /** Where a copied constant came from, so later paths through the variable can detect array factors. */
    private static String origin(String value, EvalContext eval) {
        if (value == null) {
            return null;
        }
        Template template = Template.of(value);
        if (template.literal() || template.segments().size() != 1 || template.segments().get(0).hasPrefix()) {
            return null;
        }
        String path = template.segments().get(0).placeholder();
        String[] parts = path.split("\\.", 2);
        String rest = parts.length > 1 ? parts[1] : null;
        if (parts[0].startsWith("&old")) {
            return rest;
        }
        if (eval.hasVariable(parts[0])) {
            String origin = eval.origin(parts[0]);
            return origin == null ? null : rest == null ? origin : origin + "." + rest;
        }
        return path;
    }

    private void writeToExternal(WriteToExternalAction external, RunContext.At at) {
        ExternalWriter row = at.run().compiled().writer(external.externalWriterId());
        io.watchmen.core.storage.UnitOfWork work = at.run().work();
        if (work != null && work.defersWrites()) {
            // a chunk of items may roll back and run again one by one: a call outside the database cannot be taken
            // back, so it is made only there, once per item
            work.requireOwnUnits();
            throw new WatchmenException(ErrorCode.EXTERNAL_WRITE_FAILED, "External writer[" + row.writerCode()
                    + "] is not called inside a chunk of items; the item runs in a unit of work of its own.");
        }
        io.watchmen.core.kernel.ExternalWriter writer = services.writers().find(row).orElseThrow(() ->
                new WatchmenException(ErrorCode.EXTERNAL_WRITE_FAILED,
                        "External writer[" + row.writerCode() + "] is not configured."));
        EvalContext eval = at.eval();
        if (work != null) {
            // a held ledger claim goes now: a delivery of an item done meanwhile fails here, not after the call
            work.beforeExternalWrite();
        }
        writer.write(new ExternalWriteRequest(row.pat(), row.url(), external.eventCode(),
                Rows.copyRow(eval.current()), Rows.copyRow(eval.previous()), Rows.copyRow(eval.variables())));
    }

    public static Map<String, Object> definedAs(Boolean conditional, io.watchmen.core.model.pipeline.ParameterJoint on) {
        return io.watchmen.core.kernel.compile.CompiledPipeline.prerequisite(conditional, on);
    }
}
