package io.watchmen.core.kernel;

import io.watchmen.core.auth.Principal;
import io.watchmen.core.model.pipeline.PipelineTriggerData;
import io.watchmen.core.storage.UnitOfWork;

/**
 * Watchmen's pipeline kernel: saves trigger data into its topic and runs every pipeline it triggers, cascading
 * breadth-first through the topics those pipelines write (spec pipeline 2). Thread-safe; one instance per runtime.
 */
public final class PipelineKernel {

    private PipelineKernel() {
    }

    /**
     * Runs one trigger item inside the caller's unit of work (the caller commits or rolls back). Failures of
     * steps 1-5 of spec 2.1 (tenant, topic, saving) raise; failures inside pipelines are in the runs and the
     * monitor log.
     */
    public InvocationResult tryToInvokePipelines(PipelineTriggerData data, String traceId, Principal principal,
                                                 UnitOfWork work) {
        throw new UnsupportedOperationException("implemented by the kernel package");
    }
}
