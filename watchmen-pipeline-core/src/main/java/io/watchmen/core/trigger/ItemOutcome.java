package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.kernel.PipelineRun;
import java.util.List;

/**
 * The outcome of one item of a storage object. {@code dataId} is the trigger row's {@code id_} (-1 for synonym
 * topics); error fields are null unless {@code status} is ERROR.
 */
public record ItemOutcome(int index, ItemStatus status, String traceId, Long dataId, ErrorCode errorCode,
                          String error, List<PipelineRun> pipelines) {
    public ItemOutcome {
        pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
    }
}
