package io.watchmen.aliyun;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.PreStopHandler;
import com.aliyun.fc.runtime.StreamRequestHandler;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Function Compute handler of the scheduled ledger purge: a timer trigger (s.yaml, every hour) invokes the purge
 * function, whose custom runtime serves this handler ({@code java -jar watchmen-aliyun-fc.jar purge-ledger}). It
 * deletes the delivery-ledger rows of items done longer ago than {@code WATCHMEN_LEDGER_RETENTION_HOURS} and writes
 * the summary. The timer's event ({@code {"triggerTime", "triggerName", "payload"}}) carries nothing the purge
 * needs and is not read. A failure propagates (a function error); the next run deletes what it left.
 */
public class LedgerPurgeHandler implements StreamRequestHandler, FunctionInitializer, PreStopHandler {

    private final FunctionRuntime runtime;

    /** Used by {@link CustomRuntimeServer} in the purge function. */
    public LedgerPurgeHandler() {
        this(FunctionRuntime.fromEnvironment());
    }

    LedgerPurgeHandler(FunctionRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    @Override
    public void initialize(Context context) {
        runtime.prime();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getRequestId();
        FunctionLog log = context == null || context.getLogger() == null
                ? FunctionLog.stdout() : new FunctionLog(context.getLogger()::info);
        output.write(WatchmenJson.mapper().writeValueAsBytes(
                runtime.purgeLedger(OssTriggerHandler.PROVIDER, requestId, log).summary()));
    }

    @Override
    public void preStop(Context context) {
        runtime.close();
    }
}
