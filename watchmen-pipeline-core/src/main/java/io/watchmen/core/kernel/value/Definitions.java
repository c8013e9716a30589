package io.watchmen.core.kernel.value;

import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;

/** Topics and factors resolved when a pipeline is compiled; evaluation never queries metadata. */
public interface Definitions {

    /** @throws io.watchmen.core.WatchmenException DEFINITION_INVALID when unknown */
    Topic topic(String topicId);

    /** @throws io.watchmen.core.WatchmenException DEFINITION_INVALID when unknown */
    Factor factor(String topicId, String factorId);
}
