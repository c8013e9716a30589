package io.watchmen.core.kernel;

import java.util.List;

/** What one {@code tryToInvokePipelines} did: the trigger row's id (-1 for synonyms) and every run, in order. */
public record InvocationResult(String traceId, long internalDataId, List<PipelineRun> runs) {
    public InvocationResult {
        runs = runs == null ? List.of() : List.copyOf(runs);
    }
}
