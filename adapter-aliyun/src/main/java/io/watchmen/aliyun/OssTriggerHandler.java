package io.watchmen.aliyun;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.PreStopHandler;
import com.aliyun.fc.runtime.StreamRequestHandler;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.function.DeliveryReport;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.PendingObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Function Compute handler for OSS object-created events: every entry of {@code events} is read and handled on
 * its own, the result (written to the output) lists which objects succeeded, and the handler throws when any must
 * be retried so FC's asynchronous retries redeliver the event. {@link #initialize} builds and primes the runtime;
 * {@link #preStop} releases the snowflake worker id and closes the pools and OSS clients.
 */
public class OssTriggerHandler implements StreamRequestHandler, FunctionInitializer, PreStopHandler {

    public static final String PROVIDER = "aliyun";

    private final FunctionRuntime runtime;
    private final OssObjects objects;
    private final Map<String, String> env;

    /** Used by the built-in runtime (and by {@link CustomRuntimeServer}). */
    public OssTriggerHandler() {
        this(FunctionRuntime.fromEnvironment(), OssObjects.fromEnvironment(System.getenv()), System.getenv());
    }

    OssTriggerHandler(FunctionRuntime runtime, OssObjects objects, Map<String, String> env) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.env = Map.copyOf(env);
    }

    @Override
    public void initialize(Context context) {
        runtime.prime();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<OssEvent> events = OssEvent.parseAll(input.readAllBytes());
        useCredentials(context);
        String requestId = context == null ? null : context.getRequestId();
        FunctionLog log = context == null || context.getLogger() == null
                ? FunctionLog.stdout() : new FunctionLog(context.getLogger()::info);
        List<PendingObject> pending = events.stream().map(this::pendingObject).toList();
        DeliveryReport report = runtime.deliver(PROVIDER, requestId, pending, log);
        output.write(WatchmenJson.mapper().writeValueAsBytes(report.summary()));
        report.throwIfRetryNeeded();
    }

    @Override
    public void preStop(Context context) {
        try {
            runtime.close();
        } finally {
            objects.close();
        }
    }

    private void useCredentials(Context context) {
        Credentials credentials = context == null ? null : context.getExecutionCredentials();
        if (credentials != null && credentials.getAccessKeyId() != null) {
            objects.useCredentials(credentials.getAccessKeyId(), credentials.getAccessKeySecret(),
                    credentials.getSecurityToken());
        } else {
            objects.useCredentials(env.get("ALIBABA_CLOUD_ACCESS_KEY_ID"), env.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                    env.get("ALIBABA_CLOUD_SECURITY_TOKEN"));
        }
    }

    private PendingObject pendingObject(OssEvent event) {
        String region = event.region() != null ? event.region() : env.getOrDefault("FC_REGION", "cn-hangzhou");
        ObjectRef ref = new ObjectRef(PROVIDER, event.bucket(), event.key(), event.version(), event.size());
        return new PendingObject(ref, () -> objects.read(region, event.bucket(), event.key()));
    }
}
