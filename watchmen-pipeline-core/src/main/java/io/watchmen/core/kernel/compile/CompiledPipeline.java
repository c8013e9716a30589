package io.watchmen.core.kernel.compile;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.kernel.value.Definitions;
import io.watchmen.core.kernel.value.ParameterEvaluator;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
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

    CompiledPipeline(Pipeline pipeline, Topic triggerTopic, Map<String, Topic> topics,
                     Map<String, ExternalWriter> writers) {
        this.pipeline = pipeline;
        this.triggerTopic = triggerTopic;
        this.topics = Map.copyOf(topics);
        this.writers = Map.copyOf(writers);
        this.evaluator = new ParameterEvaluator(this);
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
