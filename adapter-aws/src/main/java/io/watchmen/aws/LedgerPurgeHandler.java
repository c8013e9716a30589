package io.watchmen.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import java.util.Map;
import java.util.Objects;

/**
 * Lambda entry point ({@code io.watchmen.aws.LedgerPurgeHandler::handleRequest}) of the scheduled ledger purge: an
 * EventBridge schedule (template.yaml, {@code rate(1 hour)}) invokes it, and it deletes the delivery-ledger rows of
 * items done longer ago than {@code WATCHMEN_LEDGER_RETENTION_HOURS}. The scheduled event is taken as a plain map
 * (its content is not needed), so the jar carries no event classes for it; no S3 client is built. A failure
 * propagates: the run is recorded as failed, and the next run deletes what it left.
 */
public class LedgerPurgeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final FunctionRuntime runtime;

    /** Called by the Lambda runtime during init; nothing is opened until the first run. */
    public LedgerPurgeHandler() {
        this(FunctionRuntime.fromEnvironment());
    }

    public LedgerPurgeHandler(FunctionRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduledEvent, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        FunctionLog log = context == null ? FunctionLog.stdout() : new FunctionLog(context.getLogger()::log);
        return runtime.purgeLedger(S3TriggerHandler.PROVIDER, requestId, log).summary();
    }
}
