package io.watchmen.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.function.DeliveryReport;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.PendingObject;
import java.util.List;
import java.util.Objects;

/**
 * Azure Functions entry point: one invocation per blob. The container comes from the app setting
 * {@value #CONTAINER_SETTING} (also used in the trigger path); the blob trigger's connection is the app setting
 * {@value #CONNECTION_SETTING}. When the object must be retried the function throws, so the host retries it (five
 * tries, then the poison queue); done objects are skipped by the core's ledger on redelivery.
 */
public class BlobTriggerFunction {

    public static final String PROVIDER = "azure";
    public static final String CONTAINER_SETTING = "WATCHMEN_AZURE_CONTAINER";
    public static final String CONNECTION_SETTING = "WATCHMEN_AZURE_STORAGE";

    /*
     * The worker creates a new instance of this class per invocation, so the per-instance state is static. Neither
     * constructor does I/O: the core runtime and the blob client are built on first use.
     */
    private static final FunctionRuntime SHARED_RUNTIME = FunctionRuntime.fromEnvironment();
    private static final BlobETags SHARED_ETAGS = BlobETags.fromEnvironment(System.getenv());

    private final FunctionRuntime runtime;
    private final BlobETags etags;
    private final String container;

    /** Used by the Functions worker. */
    public BlobTriggerFunction() {
        this(SHARED_RUNTIME, SHARED_ETAGS, System.getenv(CONTAINER_SETTING));
    }

    public BlobTriggerFunction(FunctionRuntime runtime, BlobETags etags, String container) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.etags = Objects.requireNonNull(etags, "etags");
        this.container = container == null || container.isBlank() ? "unknown" : container;
    }

    /** The instance's runtime, shared with {@link LedgerPurgeFunction} (one pool, one set of caches per worker). */
    static FunctionRuntime sharedRuntime() {
        return SHARED_RUNTIME;
    }

    @FunctionName("watchmenBlobTrigger")
    public void run(
            @BlobTrigger(name = "content", path = "%" + CONTAINER_SETTING + "%/{name}", dataType = "binary",
                    connection = CONNECTION_SETTING, source = "EventGrid") byte[] content,
            @BindingName("name") String name,
            final ExecutionContext context) {
        byte[] bytes = content == null ? new byte[0] : content;
        String version = etags.verifiedETag(container, name, bytes).orElse(null);
        ObjectRef ref = new ObjectRef(PROVIDER, container, name, version, bytes.length);
        FunctionLog log = new FunctionLog(context.getLogger()::info);
        DeliveryReport report = runtime.deliver(PROVIDER, context.getInvocationId(),
                List.of(PendingObject.ofBytes(ref, bytes)), log);
        report.throwIfRetryNeeded();
    }
}
