package io.watchmen.core.storage;

import io.watchmen.core.model.pipeline.PipelineTriggerType;
import java.util.Map;

/**
 * A change of one topic row: what it was, what it is, how it changed ({@code insert}, {@code merge} or
 * {@code delete}, never {@code insert-or-merge}) and the row's {@code id_} (-1 for synonym topics).
 */
public record TopicTrigger(Map<String, Object> previous, Map<String, Object> current,
                           PipelineTriggerType triggerType, long internalDataId) {
}
