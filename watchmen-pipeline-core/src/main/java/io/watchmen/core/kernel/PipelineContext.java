package io.watchmen.core.kernel;

import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.TopicTrigger;

/** A queued pipeline run: the pipeline, its trigger topic, the change and the cascade generation (0 = request). */
record PipelineContext(Pipeline pipeline, Topic topic, TopicTrigger trigger, int depth) {
}
