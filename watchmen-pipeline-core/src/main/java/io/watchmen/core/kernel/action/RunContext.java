package io.watchmen.core.kernel.action;

import io.watchmen.core.kernel.compile.CompiledPipeline;
import io.watchmen.core.kernel.value.EvalContext;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.TopicTrigger;
import io.watchmen.core.storage.UnitOfWork;
import java.util.function.BiConsumer;

/**
 * One pipeline run as the actions see it: the compiled pipeline, the unit of work, the tenant, whether the
 * trigger had previous data, and where successful writes are reported (they cascade, spec 2.5).
 */
public record RunContext(CompiledPipeline compiled, UnitOfWork work, String tenantId, boolean hasPrevious,
                         BiConsumer<Topic, TopicTrigger> writes) {

    public void written(Topic topic, TopicTrigger trigger) {
        writes.accept(topic, trigger);
    }

    /** Variables for this point of the run (loop iterations pass their clone). */
    public record At(RunContext run, EvalContext eval) {
    }
}
