package io.watchmen.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.function.DeliveryReport;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.PendingObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crac.Core;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda entry point ({@code io.watchmen.aws.S3TriggerHandler::handleRequest}) for S3 object-created events.
 * Every record of the event is read and handled on its own; the result lists which objects succeeded. When any
 * object must be retried the handler throws, so Lambda's asynchronous retries (bounded, then the failure
 * destination) redeliver the event; objects already done are skipped by the core's ledger.
 */
public class S3TriggerHandler implements RequestHandler<S3Event, Map<String, Object>> {

    public static final String PROVIDER = "aws";

    private final FunctionRuntime runtime;
    private final S3Client s3;
    /** Strong reference: CRaC holds registered resources weakly. */
    private final SnapStartHook snapStart;

    /**
     * Called by the Lambda runtime during init (and before a SnapStart snapshot). The core runtime is built and
     * warmed up on a thread of its own while this thread builds the S3 client; the first object joins it.
     */
    public S3TriggerHandler() {
        this(buildingInBackground(FunctionRuntime.fromEnvironment()), S3Clients.fromEnvironment(System.getenv()));
    }

    private static FunctionRuntime buildingInBackground(FunctionRuntime runtime) {
        runtime.startBuilding();
        return runtime;
    }

    public S3TriggerHandler(FunctionRuntime runtime, S3Client s3) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.snapStart = new SnapStartHook(runtime, () -> S3Clients.warmUp(
                this.s3.serviceClientConfiguration().region()));
        Core.getGlobalContext().register(snapStart);
    }

    @Override
    public Map<String, Object> handleRequest(S3Event event, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        FunctionLog log = context == null ? FunctionLog.stdout() : new FunctionLog(context.getLogger()::log);
        DeliveryReport report = runtime.deliver(PROVIDER, requestId, pendingObjects(event), log);
        // Any exception propagates: Lambda then retries the whole event, and done objects are skipped.
        return report.throwIfRetryNeeded().summary();
    }

    SnapStartHook snapStartHook() {
        return snapStart;
    }

    private List<PendingObject> pendingObjects(S3Event event) {
        // S3's configuration test message ("s3:TestEvent") carries no records.
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        return event.getRecords().stream().map(this::pendingObject).toList();
    }

    private PendingObject pendingObject(S3EventNotificationRecord record) {
        String bucket = record.getS3().getBucket().getName();
        S3ObjectEntity object = record.getS3().getObject();
        // Keys arrive form-encoded ("+" is a space, a literal "+" is %2B); S3 must be called with the decoded key.
        String key = object.getUrlDecodedKey();
        Long size = object.getSizeAsLong();
        ObjectRef ref = new ObjectRef(PROVIDER, bucket, key, version(object), size == null ? 0 : size);
        return new PendingObject(ref, () -> S3Clients.read(s3, bucket, key, blankToNull(object.getVersionId())));
    }

    /** The best version token: versionId (versioned buckets), else the event's sequencer, else the ETag. */
    static String version(S3ObjectEntity object) {
        String versionId = blankToNull(object.getVersionId());
        if (versionId != null) {
            return versionId;
        }
        String sequencer = blankToNull(object.getSequencer());
        return sequencer != null ? sequencer : blankToNull(object.geteTag());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
