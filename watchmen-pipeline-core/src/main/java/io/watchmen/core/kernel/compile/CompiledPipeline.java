package io.watchmen.core.kernel.compile;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.kernel.value.Definitions;
import io.watchmen.core.kernel.value.ParameterEvaluator;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.Action;
import io.watchmen.core.model.pipeline.ParameterJoint;
import io.watchmen.core.model.pipeline.Stage;
import io.watchmen.core.model.pipeline.Unit;
import io.watchmen.core.storage.JsonTextMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated pipeline with every topic, factor and external writer it refers to resolved (spec 2.6). Immutable
 * and shared by every run while cached.
 */
public final class CompiledPipeline implements Definitions {

    private final Pipeline pipeline;
    private final Topic triggerTopic;
    private final Map<String, Topic> topics;
    private final Map<String, ExternalWriter> writers;
    private final ParameterEvaluator evaluator;
    /**
     * definedAs / prerequisiteDefinedAs of each step, converted once: logs share these read-only maps (an action's
     * also keeps its JSON text, written into every monitor log).
     */
    private final Map<Object, Map<String, Object>> definedAs = new IdentityHashMap<>();

    CompiledPipeline(Pipeline pipeline, Topic triggerTopic, Map<String, Topic> topics,
                     Map<String, ExternalWriter> writers) {
        this.pipeline = pipeline;
        this.triggerTopic = triggerTopic;
        this.topics = Map.copyOf(topics);
        this.writers = Map.copyOf(writers);
        this.evaluator = new ParameterEvaluator(this);
        definedAs.put(pipeline, prerequisite(pipeline.conditional(), pipeline.on()));
        for (Stage stage : pipeline.stages()) {
            definedAs.put(stage, prerequisite(stage.conditional(), stage.on()));
            for (Unit unit : stage.units()) {
                definedAs.put(unit, prerequisite(unit.conditional(), unit.on()));
                for (Action action : unit.actions()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> json = WatchmenJson.mapper().convertValue(action, Map.class);
                    definedAs.put(action, new JsonTextMap(json));
                }
            }
        }
    }

    /**
     * {@code {"conditional": bool, "on": joint JSON or null}} (spec 4.1): read-only, keeping its JSON text like an
     * action's definition.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> prerequisite(Boolean conditional, ParameterJoint on) {
        Map<String, Object> definedAs = new LinkedHashMap<>();
        definedAs.put("conditional", Boolean.TRUE.equals(conditional));
        definedAs.put("on", on == null ? null : WatchmenJson.mapper().convertValue(on, Map.class));
        return new JsonTextMap(definedAs);
    }

    /** The cached JSON of a step of this pipeline: an action's definition, or another step's prerequisite. */
    public Map<String, Object> definedAs(Object step) {
        return definedAs.get(step);
    }

    /**
     * Whether every topic this pipeline resolved still has the version the metadata reports now (a changed
     * topic recompiles the pipeline). MetadataService caches, so this costs no query on the hot path.
     */
    public boolean isCurrent(java.util.function.Function<String, java.util.Optional<Topic>> lookup) {
        for (Topic topic : topics.values()) {
            Topic now = lookup.apply(topic.topicId()).orElse(null);
            if (now == null || !java.util.Objects.equals(now.version(), topic.version())
                    || !java.util.Objects.equals(now.lastModifiedAt(), topic.lastModifiedAt())) {
                return false;
            }
        }
        return true;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Topic triggerTopic() {
        return triggerTopic;
    }

    public ParameterEvaluator evaluator() {
        return evaluator;
    }

    public ExternalWriter writer(String writerId) {
        ExternalWriter writer = writers.get(writerId);
        if (writer == null) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "External writer[id=" + writerId + "] not found.");
        }
        return writer;
    }

    @Override
    public Topic topic(String topicId) {
        Topic topic = topicId == null ? null : topics.get(topicId);
        if (topic == null) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Topic[id=" + topicId + "] not found.");
        }
        return topic;
    }

    @Override
    public Factor factor(String topicId, String factorId) {
        Topic topic = topic(topicId);
        return topic.factorById(factorId).orElseThrow(() -> new WatchmenException(ErrorCode.DEFINITION_INVALID,
                "Factor[id=" + factorId + "] in topic[id=" + topicId + ", name=" + topic.name() + "] not found."));
    }
}
