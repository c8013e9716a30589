package io.watchmen.gcp;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.PurgeReport;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Cloud Functions entry point ({@code --entry-point io.watchmen.gcp.LedgerPurgeFunction}) of the scheduled ledger
 * purge: an HTTP function, deployed without public access, that a Cloud Scheduler job POSTs to every hour
 * (deploy.sh). It deletes the delivery-ledger rows of items done longer ago than
 * {@code WATCHMEN_LEDGER_RETENTION_HOURS} and answers the summary. Only POST purges (a stray GET answers 405). A
 * failure propagates (the framework answers 500, the job records a failed run); the next run deletes what it left.
 */
public class LedgerPurgeFunction implements HttpFunction {

    private final FunctionRuntime runtime;
    private final FunctionLog log;

    /** Used by the Functions Framework: one instance per server; nothing is opened until the first run. */
    public LedgerPurgeFunction() {
        this(FunctionRuntime.fromEnvironment(), FunctionLog.stdout());
    }

    public LedgerPurgeFunction(FunctionRuntime runtime, FunctionLog log) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws Exception {
        if (!"POST".equals(request.getMethod())) {
            response.setStatusCode(405);
            response.appendHeader("Allow", "POST");
            return;
        }
        // Cloud Run's trace id stands in for a request id ("TRACE_ID/SPAN_ID;o=1").
        String requestId = request.getFirstHeader("X-Cloud-Trace-Context").map(trace -> trace.split("/")[0])
                .orElse(null);
        PurgeReport report = runtime.purgeLedger(GcsFinalizedFunction.PROVIDER, requestId, log);
        response.setStatusCode(200);
        response.setContentType("application/json");
        try (OutputStream body = response.getOutputStream()) {
            body.write(WatchmenJson.mapper().writeValueAsBytes(report.summary()));
        }
    }
}
