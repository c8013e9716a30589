package io.watchmen.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import java.util.Objects;

/**
 * Azure Functions entry point of the scheduled ledger purge, in the same app as {@link BlobTriggerFunction}: a timer
 * trigger ({@value #SCHEDULE}, NCRONTAB with seconds: at minute 0 of every hour) deletes the delivery-ledger rows of
 * items done longer ago than {@code WATCHMEN_LEDGER_RETENTION_HOURS}. A failure propagates: the host records a failed
 * run, and the next run deletes what it left.
 */
public class LedgerPurgeFunction {

    public static final String SCHEDULE = "0 0 * * * *";

    private final FunctionRuntime runtime;

    /** Used by the Functions worker: the runtime the blob trigger uses in this worker. */
    public LedgerPurgeFunction() {
        this(BlobTriggerFunction.sharedRuntime());
    }

    public LedgerPurgeFunction(FunctionRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** {@code timerInfo} is the host's JSON schedule status; only the run itself matters. */
    @FunctionName("watchmenLedgerPurge")
    public void run(@TimerTrigger(name = "timerInfo", schedule = SCHEDULE) String timerInfo,
                    final ExecutionContext context) {
        runtime.purgeLedger(BlobTriggerFunction.PROVIDER, context.getInvocationId(),
                new FunctionLog(context.getLogger()::info));
    }
}
