package io.watchmen.core.kernel;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.auth.Principal;
import io.watchmen.core.config.Settings;
import io.watchmen.core.kernel.action.ActionRunner;
import io.watchmen.core.kernel.action.ActionServices;
import io.watchmen.core.kernel.action.RunContext;
import io.watchmen.core.kernel.compile.CompiledPipeline;
import io.watchmen.core.kernel.compile.PipelineCompiler;
import io.watchmen.core.kernel.monitor.LogBuilders.PipelineLog;
import io.watchmen.core.kernel.monitor.MonitorLogDocument;
import io.watchmen.core.kernel.value.EvalContext;
import io.watchmen.core.meta.MetadataService;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.pipeline.PipelineTriggerData;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.schema.SchemaContext;
import io.watchmen.core.schema.TopicSchema;
import io.watchmen.core.storage.TopicDataService;
import io.watchmen.core.storage.TopicTrigger;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.value.FactorCaster;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watchmen's pipeline kernel: saves trigger data into its topic and runs every pipeline it triggers, cascading
 * breadth-first through the topics those pipelines write (spec pipeline 2). Thread-safe; one instance per runtime.
 *
 * <p>Beyond the reference: a pipeline whose cascade generation exceeds {@code Settings.pipelines().cascadeLimit()}
 * is not run and is logged ERROR "Cascade limit[N] exceeded ..."; a pipeline that fails to compile is logged ERROR
 * with the compile error; in both cases the rest of the queue still runs (the reference aborts the dispatch).
 */
public final class PipelineKernel {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineKernel.class);
    private static final Set<String> TECHNICAL = Set.of("id_", "aggregate_assist_", "version_", "tenant_id_",
            "insert_time_", "update_time_");

    private final MetadataService metadata;
    private final TopicDataService data;
    private final SchemaContext schemaContext;
    private final Settings settings;
    private final Clock clock;
    private final PipelineCompiler compiler;
    private final PipelineRunner runner;
    private final EvalContext.Runtime runtime;
    private final BoundedCache<CompiledKey, CompiledPipeline> compiled;
    private final BoundedCache<SchemaKey, TopicSchema> schemas;
    private final Set<String> tenantsWithoutLogTopic = ConcurrentHashMap.newKeySet();

    public PipelineKernel(MetadataService metadata, TopicDataService data, SchemaContext schemaContext,
                          Settings settings, Clock clock, ExternalWriters writers) {
        this(metadata, data, schemaContext, settings, clock, writers, ActionServices.Sleeper.THREAD);
    }

    /** With a custom pause between optimistic-lock retries (tests). */
    public PipelineKernel(MetadataService metadata, TopicDataService data, SchemaContext schemaContext,
                          Settings settings, Clock clock, ExternalWriters writers, ActionServices.Sleeper sleeper) {
        this.metadata = metadata;
        this.data = data;
        this.schemaContext = schemaContext;
        this.settings = settings;
        this.clock = clock;
        ExternalWriters registry = writers == null ? ExternalWriters.none() : writers;
        this.compiler = new PipelineCompiler(metadata);
        this.compiled = new BoundedCache<>(settings.caches().maxCompiledPipelines());
        this.schemas = new BoundedCache<>(settings.caches().maxTopics());
        this.runtime = new EvalContext.Runtime(clock, schemaContext.ids(), schemaContext.parser());
        ActionServices services = new ActionServices(data, this::schema, new FactorCaster(schemaContext.parser()),
                settings.pipelines(), clock, registry, sleeper);
        this.runner = new PipelineRunner(new ActionRunner(services), clock, schemaContext.ids());
    }

    /**
     * Runs one trigger item inside the caller's unit of work (the caller commits or rolls back). Failures of
     * steps 1-5 of spec 2.1 (tenant, topic, saving) raise; failures inside pipelines are in the runs and the
     * monitor log.
     */
    public InvocationResult tryToInvokePipelines(PipelineTriggerData trigger, String traceId, Principal principal,
                                                 UnitOfWork work) {
        if (trigger == null || trigger.data() == null) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Trigger data is null.");
        }
        Principal acting = tenantOf(trigger, principal);
        String tenantId = acting.tenantId();
        Topic topic = metadata.topicByName(trigger.code(), tenantId).orElseThrow(() -> new WatchmenException(
                ErrorCode.TOPIC_NOT_FOUND, "Topic schema[name=" + trigger.code() + ", tenant=" + tenantId
                + "] not found."));
        Map<String, Object> prepared = schema(topic).prepareTriggerData(trigger.data(), tenantId);
        TopicTrigger saved = save(work, topic, prepared, trigger.triggerType(), tenantId);
        Deque<PipelineContext> queue = new ArrayDeque<>(contexts(topic, saved, tenantId, 0));
        if (queue.isEmpty()) {
            LOG.warn("No pipeline needs to be triggered by topic[id={}, name={}].", topic.topicId(), topic.name());
        }
        List<PipelineRun> runs = new ArrayList<>();
        DeferredLogs logs = new DeferredLogs();
        while (!queue.isEmpty()) {
            dispatch(queue.poll(), queue, runs, traceId, tenantId, work, logs);
        }
        logs.flush(data, work, tenantId);
        return new InvocationResult(traceId, saved.internalDataId(), runs);
    }

    private Principal tenantOf(PipelineTriggerData trigger, Principal principal) {
        String requested = trigger.tenantId();
        if (principal.isSuperAdmin()) {
            if (requested == null || requested.isBlank()) {
                throw new WatchmenException(ErrorCode.TENANT_INVALID, "No tenant appointed.");
            }
            if (metadata.tenant(requested).isEmpty()) {
                throw new WatchmenException(ErrorCode.TENANT_INVALID, "Tenant[" + requested + "] not exists.");
            }
            return principal.asAdminOf(requested);
        }
        if (requested != null && !requested.isBlank() && !requested.equals(principal.tenantId())) {
            throw new WatchmenException(ErrorCode.TENANT_INVALID, "Tenant[" + requested + "] does not match principal.");
        }
        return principal;
    }

    private TopicSchema schema(Topic topic) {
        return schemas.get(SchemaKey.of(topic), key -> TopicSchema.of(topic, schemaContext));
    }

    /** One compiled schema per topic version (a record key: no text rendered per trigger). */
    private record SchemaKey(String topicId, Object version, Object lastModifiedAt) {
        static SchemaKey of(Topic topic) {
            return new SchemaKey(topic.topicId(), topic.version(), topic.lastModifiedAt());
        }
    }

    /** One compiled pipeline per pipeline version. */
    private record CompiledKey(String pipelineId, Object version, Object lastModifiedAt) {
    }

    private TopicTrigger save(UnitOfWork work, Topic topic, Map<String, Object> prepared, PipelineTriggerType type,
                              String tenantId) {
        if (topic.isSynonym()) {
            if (type != PipelineTriggerType.INSERT) {
                throw new WatchmenException(ErrorCode.DATA_INVALID,
                        "Trigger type[" + type.json() + "] is not supported on synonym.");
            }
            return new TopicTrigger(null, prepared, PipelineTriggerType.INSERT, -1L);
        }
        Object id = prepared.get("id_");
        TECHNICAL.forEach(prepared::remove);
        PipelineTriggerType effective = type == PipelineTriggerType.INSERT_OR_MERGE
                ? (id == null ? PipelineTriggerType.INSERT : PipelineTriggerType.MERGE) : type;
        if (effective == PipelineTriggerType.INSERT) {
            return data.insert(work, topic, prepared, tenantId);
        }
        if (id == null) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Id not found from data[" + prepared.keySet()
                    + "] on " + effective.json() + " into topic[id=" + topic.topicId() + ", name=" + topic.name() + "].");
        }
        prepared.put("id_", id);
        return effective == PipelineTriggerType.MERGE ? data.merge(work, topic, prepared, tenantId)
                : data.delete(work, topic, prepared, tenantId);
    }

    private List<PipelineContext> contexts(Topic topic, TopicTrigger trigger, String tenantId, int depth) {
        List<PipelineContext> contexts = new ArrayList<>();
        for (Pipeline pipeline : metadata.pipelinesByTopic(topic.topicId(), tenantId)) {
            if (pipeline.isEnabled() && matches(pipeline.type(), trigger.triggerType())) {
                contexts.add(new PipelineContext(pipeline, topic, trigger, depth));
            }
        }
        return contexts;
    }

    static boolean matches(PipelineTriggerType pipelineType, PipelineTriggerType triggerType) {
        if (pipelineType == null) {
            return false;
        }
        return switch (triggerType) {
            case INSERT -> pipelineType == PipelineTriggerType.INSERT
                    || pipelineType == PipelineTriggerType.INSERT_OR_MERGE;
            case MERGE -> pipelineType == PipelineTriggerType.MERGE
                    || pipelineType == PipelineTriggerType.INSERT_OR_MERGE;
            case INSERT_OR_MERGE -> pipelineType == PipelineTriggerType.INSERT_OR_MERGE;
            case DELETE -> pipelineType == PipelineTriggerType.DELETE;
        };
    }

    private void dispatch(PipelineContext context, Deque<PipelineContext> queue, List<PipelineRun> runs,
                          String traceId, String tenantId, UnitOfWork work, DeferredLogs logs) {
        Pipeline pipeline = context.pipeline();
        int limit = settings.pipelines().cascadeLimit();
        if (context.depth() > limit) {
            String error = "Cascade limit[" + limit + "] exceeded on pipeline[id=" + pipeline.pipelineId()
                    + ", name=" + pipeline.name() + "], triggered by topic[id=" + context.topic().topicId()
                    + ", name=" + context.topic().name() + "]; it is not run (Settings.pipelines().cascadeLimit()).";
            finish(failedLog(context, traceId, error), context, queue, runs, tenantId, work, error, logs);
            return;
        }
        CompiledPipeline compiledPipeline;
        try {
            CompiledKey key = new CompiledKey(pipeline.pipelineId(), pipeline.version(), pipeline.lastModifiedAt());
            compiledPipeline = compiled.get(key, k -> compiler.compile(pipeline, context.topic()));
            if (!compiledPipeline.isCurrent(topicId -> metadata.topicById(topicId, tenantId))) {
                compiledPipeline = compiler.compile(pipeline, context.topic());
                compiled.put(key, compiledPipeline);
            }
        } catch (RuntimeException failure) {
            String error = Errors.text(failure);
            finish(failedLog(context, traceId, error), context, queue, runs, tenantId, work, error, logs);
            return;
        }
        List<PipelineContext> created = new ArrayList<>();
        TopicTrigger trigger = context.trigger();
        RunContext run = new RunContext(compiledPipeline, work, tenantId, trigger.previous() != null,
                (topic, written) -> created.addAll(contexts(topic, written, tenantId, context.depth() + 1)));
        EvalContext eval = new EvalContext(trigger.previous(), trigger.current(), context.topic(), runtime);
        PipelineLog log = runner.run(compiledPipeline, context, run, eval, traceId);
        // cascades first, then the monitor-log topic's own pipelines (the reference stores logs asynchronously)
        queue.addAll(created);
        finish(log, context, queue, runs, tenantId, work, firstError(log), logs);
    }

    private PipelineLog failedLog(PipelineContext context, String traceId, String error) {
        TopicTrigger trigger = context.trigger();
        PipelineLog log = new PipelineLog(String.valueOf(schemaContext.ids().getAsLong()), traceId,
                context.pipeline().pipelineId(), context.pipeline().topicId(), trigger.internalDataId(),
                LocalDateTime.now(clock), trigger.previous(), trigger.current());
        log.prerequisiteDefinedAs = ActionRunner.definedAs(context.pipeline().conditional(), context.pipeline().on());
        log.fail(error);
        log.finish();
        return log;
    }

    private void finish(PipelineLog log, PipelineContext context, Deque<PipelineContext> queue,
                        List<PipelineRun> runs, String tenantId, UnitOfWork work, String error,
                        DeferredLogs logs) {
        runs.add(new PipelineRun(log.pipelineId, log.topicId, log.status, error));
        MonitorLogs.store(this, log, context, queue, tenantId, work, logs);
    }

    private static String firstError(PipelineLog log) {
        if (log.error != null) {
            return log.error;
        }
        for (var stage : log.stages) {
            if (stage.error != null) {
                return stage.error;
            }
            for (var unit : stage.units) {
                if (unit.error != null) {
                    return unit.error;
                }
                for (var action : unit.actions) {
                    if (action.error != null) {
                        return action.error;
                    }
                }
            }
        }
        return null;
    }

    /** Stores monitor logs by an insert into the tenant's raw_pipeline_monitor_log topic (spec 4.3). */
    private static final class MonitorLogs {
        private MonitorLogs() {
        }

        static void store(PipelineKernel kernel, PipelineLog log, PipelineContext context,
                          Deque<PipelineContext> queue, String tenantId, UnitOfWork work, DeferredLogs logs) {
            if (kernel.settings.pipelines().errorHandleMonitorLogOnly() && log.status != MonitorLogStatus.ERROR) {
                return;
            }
            if (context.topic().isSystem()) {
                return;
            }
            Topic logTopic = kernel.metadata.topicByName(Topic.MONITOR_LOG_TOPIC_NAME, tenantId).orElse(null);
            if (logTopic == null) {
                if (kernel.tenantsWithoutLogTopic.add(tenantId)) {
                    LOG.warn("Topic[{}] not found in tenant[{}]; pipeline monitor logs are not stored.",
                            Topic.MONITOR_LOG_TOPIC_NAME, tenantId);
                }
                return;
            }
            if (!kernel.triggersPipelines(logTopic, tenantId)) {
                // nothing reads the log inside this unit of work: write all of them in one batch at its end
                TopicSchema schema = kernel.schema(logTopic);
                Map<String, Object> document = MonitorLogDocument.of(log, !reachesDefinedAs(schema));
                logs.add(logTopic, schema.prepareTriggerData(document, tenantId));
                return;
            }
            Map<String, Object> document = MonitorLogDocument.of(log);
            Map<String, Object> prepared = kernel.schema(logTopic).prepareTriggerData(document, tenantId);
            TopicTrigger saved = kernel.data.insert(work, logTopic, prepared, tenantId);
            queue.addAll(kernel.contexts(logTopic, saved, tenantId, context.depth() + 1));
        }
    }

    /**
     * Whether preparing a log for the log topic may change something inside a definedAs (the shared ones are
     * read-only and keep their text): they sit in the document's prerequisiteDefinedAs and inside its stages; or
     * read the stages (a flatten factor there), which are then text rather than lists and maps.
     */
    private static boolean reachesDefinedAs(TopicSchema logSchema) {
        return logSchema.writesUnder("prerequisiteDefinedAs") || logSchema.writesUnder("stages")
                || logSchema.flattensUnder("stages");
    }

    private boolean triggersPipelines(Topic topic, String tenantId) {
        for (Pipeline pipeline : metadata.pipelinesByTopic(topic.topicId(), tenantId)) {
            if (pipeline.isEnabled() && matches(pipeline.type(), PipelineTriggerType.INSERT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Monitor logs of one invocation whose topic runs no pipeline: inserted together before the caller commits
     * (same transaction, same rows; one round trip instead of one per pipeline run).
     */
    private static final class DeferredLogs {
        private Topic topic;
        private final List<Map<String, Object>> rows = new ArrayList<>(4);

        void add(Topic logTopic, Map<String, Object> row) {
            topic = logTopic;
            rows.add(row);
        }

        void flush(TopicDataService data, UnitOfWork work, String tenantId) {
            if (!rows.isEmpty()) {
                data.insertAll(work, topic, rows, tenantId);
            }
        }
    }
}
