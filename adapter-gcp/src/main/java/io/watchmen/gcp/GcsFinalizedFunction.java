package io.watchmen.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.cloudevents.CloudEvent;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.function.DeliveryReport;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.PendingObject;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Cloud Functions entry point ({@code --entry-point io.watchmen.gcp.GcsFinalizedFunction}) for
 * {@value #FINALIZED} events: one object per event. When the object must be retried the function throws, so the
 * event is redelivered if the function was deployed with {@code --retry}; done objects are skipped by the core's
 * ledger. Other event types are logged and ignored.
 */
public class GcsFinalizedFunction implements CloudEventsFunction {

    public static final String PROVIDER = "gcp";
    public static final String FINALIZED = "google.cloud.storage.object.v1.finalized";

    private final FunctionRuntime runtime;
    private final Supplier<Storage> storage;
    private final FunctionLog log;
    private final Object lock = new Object();
    private volatile Storage client;

    /** Used by the Functions Framework: one instance per server; nothing is opened until the first event. */
    public GcsFinalizedFunction() {
        this(FunctionRuntime.fromEnvironment(), () -> StorageOptions.getDefaultInstance().getService(),
                FunctionLog.stdout());
    }

    public GcsFinalizedFunction(FunctionRuntime runtime, Supplier<Storage> storage, FunctionLog log) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void accept(CloudEvent event) {
        if (!FINALIZED.equals(event.getType())) {
            System.out.println("watchmen: ignoring CloudEvent " + event.getId() + " of type " + event.getType());
            return;
        }
        GcsObjectData data;
        try {
            data = GcsObjectData.parse(event.getData() == null ? null : event.getData().toBytes());
        } catch (WatchmenException e) {
            // A malformed event can never succeed: with --retry, throwing would redeliver it for days.
            System.out.println("watchmen: dropping CloudEvent " + event.getId() + ": " + e.getMessage());
            return;
        }
        ObjectRef ref = new ObjectRef(PROVIDER, data.bucket(), data.name(),
                data.generation() == null ? null : data.generation().toString(), data.size());
        PendingObject object = new PendingObject(ref, () -> GcsObjectData.read(client(), data));
        DeliveryReport report = runtime.deliver(PROVIDER, event.getId(), List.of(object), log);
        report.throwIfRetryNeeded();
    }

    private Storage client() {
        Storage current = client;
        if (current == null) {
            synchronized (lock) {
                current = client;
                if (current == null) {
                    current = storage.get();
                    client = current;
                }
            }
        }
        return current;
    }
}
