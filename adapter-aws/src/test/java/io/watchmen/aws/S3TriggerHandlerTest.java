package io.watchmen.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.RetryableDeliveryException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

class S3TriggerHandlerTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("ingest").build();

    private static final String FIXTURES = "io/watchmen/aws/S3TriggerHandlerTest/";
    private static final String SPACED_KEY = "incoming/2026/my report (final)+v2.json";
    private static final String PLAIN_KEY = "incoming/plain.json";
    private static final String UNICODE_KEY = "incoming/café + té.ndjson";
    private static final String ONE_KEY = "incoming/one object.json";

    private static S3Client s3;
    /** The real version id of SPACED_KEY; the fixture's placeholder version is replaced by it. */
    private static String spacedVersion;

    private final List<StorageObject> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void putObjects() {
        s3 = S3Clients.create(Map.of(S3Clients.ENDPOINT_VARIABLE, S3_MOCK.getServiceEndpoint(), "AWS_REGION",
                "us-east-1"), StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        s3.putBucketVersioning(request -> request.bucket("ingest")
                .versioningConfiguration(config -> config.status(BucketVersioningStatus.ENABLED)));
        for (String key : List.of(SPACED_KEY, PLAIN_KEY, UNICODE_KEY, ONE_KEY)) {
            String version = s3.putObject(request -> request.bucket("ingest").key(key),
                    RequestBody.fromString("content of " + key)).versionId();
            if (key.equals(SPACED_KEY)) {
                spacedVersion = version;
            }
        }
        // A newer version of the same key: the handler must still read the version the event named.
        s3.putObject(request -> request.bucket("ingest").key(SPACED_KEY), RequestBody.fromString("newer"));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    private S3TriggerHandler handler(Function<StorageObject, Disposition> dispositions) {
        StorageObjectHandler fake = object -> {
            handled.add(object);
            Disposition disposition = dispositions.apply(object);
            ItemStatus status = disposition == Disposition.SUCCEEDED ? ItemStatus.DONE : ItemStatus.ERROR;
            ErrorCode code = status == ItemStatus.ERROR ? ErrorCode.STORAGE_FAILED : null;
            return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, status, "1234", 1L, code, null,
                    List.of())), disposition);
        };
        return new S3TriggerHandler(FunctionRuntime.of(fake), s3);
    }

    private static S3Event event(String fixture) {
        S3Event event = EventLoader.loadS3Event(FIXTURES + fixture);
        for (int i = 0; i < event.getRecords().size(); i++) {
            var record = event.getRecords().get(i);
            if (record.getS3().getObject().getVersionId() != null
                    && !record.getS3().getObject().getVersionId().isEmpty()) {
                event.getRecords().set(i, withObject(record, record.getS3().getObject().getKey(), spacedVersion));
            }
        }
        return event;
    }

    private static String text(StorageObject object) {
        return new String(object.content(), StandardCharsets.UTF_8);
    }

    @Test
    void handleRequest_multiRecordEvent_readsEveryObjectWithDecodedKeys() {
        StubContext context = new StubContext("req-1");

        Map<String, Object> result = handler(object -> Disposition.SUCCEEDED)
                .handleRequest(event("three-records.json"), context);

        assertThat(handled).extracting(object -> object.ref().key())
                .containsExactly(SPACED_KEY, PLAIN_KEY, UNICODE_KEY);
        assertThat(handled).extracting(S3TriggerHandlerTest::text)
                .containsExactly("content of " + SPACED_KEY, "content of " + PLAIN_KEY, "content of " + UNICODE_KEY);
        assertThat(result.get("succeeded")).asList().hasSize(3);
        assertThat(context.lines).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"requestId\":\"req-1\"",
                "\"bucket\":\"ingest\"", "\"status\":\"succeeded\"", "\"traceIds\":[\"1234\"]", "durationMs"));
    }

    @Test
    void handleRequest_versionToken_isVersionIdElseSequencerElseETag() {
        handler(object -> Disposition.SUCCEEDED).handleRequest(event("three-records.json"), new StubContext("r"));

        assertThat(handled).extracting(object -> object.ref().version()).containsExactly(
                spacedVersion, "0055AED6DCD90281E6", "9e107d9d372bb6826bd81d3542a419d6");
        assertThat(handled).allSatisfy(object -> assertThat(object.ref().provider()).isEqualTo("aws"));
    }

    @Test
    void handleRequest_oneObjectNeedsRetry_throwsAfterHandlingTheOthers() {
        S3TriggerHandler handler = handler(object -> object.ref().key().equals(PLAIN_KEY)
                ? Disposition.RETRY : Disposition.SUCCEEDED);

        assertThatThrownBy(() -> handler.handleRequest(event("three-records.json"), new StubContext("r")))
                .isInstanceOf(RetryableDeliveryException.class)
                .hasMessageContaining("1 of 3").hasMessageContaining("aws://ingest/" + PLAIN_KEY);
        assertThat(handled).hasSize(3);
    }

    @Test
    void handleRequest_alreadyProcessedObject_returnsNormally() {
        StorageObjectHandler skipping = object -> {
            handled.add(object);
            return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, ItemStatus.SKIPPED, null, null, null,
                    null, List.of())), Disposition.SUCCEEDED);
        };
        StubContext context = new StubContext("r");

        Map<String, Object> result = new S3TriggerHandler(FunctionRuntime.of(skipping), s3)
                .handleRequest(event("one-record.json"), context);

        assertThat(handled).extracting(object -> object.ref().key()).containsExactly(ONE_KEY);
        assertThat(result.get("succeeded")).isEqualTo(List.of("aws://ingest/" + ONE_KEY));
        assertThat(context.lines.get(0)).contains("\"skipped\":1");
    }

    @Test
    void handleRequest_deadLetteredObject_returnsNormally() {
        Map<String, Object> result = handler(object -> Disposition.DEAD_LETTERED)
                .handleRequest(event("one-record.json"), new StubContext("r"));

        assertThat(result.get("deadLettered")).isEqualTo(List.of("aws://ingest/" + ONE_KEY));
    }

    @Test
    void handleRequest_objectDeletedBeforeRead_isNotRetried() {
        s3.putObject(request -> request.bucket("ingest").key("incoming/gone.json"), RequestBody.fromString("x"));
        s3.deleteObject(request -> request.bucket("ingest").key("incoming/gone.json"));
        S3Event gone = EventLoader.loadS3Event(FIXTURES + "one-record.json");
        gone.getRecords().set(0, withObject(gone.getRecords().get(0), "incoming/gone.json", null));
        StubContext context = new StubContext("r");

        Map<String, Object> result = handler(object -> Disposition.SUCCEEDED).handleRequest(gone, context);

        assertThat(handled).isEmpty();
        assertThat(result.get("deadLettered")).asList().hasSize(1);
        assertThat(context.lines.get(0)).contains("\"status\":\"missing\"");
    }

    @Test
    void handleRequest_s3TestEvent_doesNothing() {
        Map<String, Object> result = handler(object -> Disposition.SUCCEEDED)
                .handleRequest(event("test-event.json"), new StubContext("r"));

        assertThat(handled).isEmpty();
        assertThat(result.get("succeeded")).asList().isEmpty();
    }

    private static com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord
            withObject(com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord r,
                    String key, String versionId) {
        var s3 = r.getS3();
        var object = s3.getObject();
        var entity = new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity(
                s3.getConfigurationId(), s3.getBucket(),
                new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity(
                        key, object.getSizeAsLong(), object.geteTag(), versionId, object.getSequencer()),
                s3.getS3SchemaVersion());
        return new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord(
                r.getAwsRegion(), r.getEventName(), r.getEventSource(), null, r.getEventVersion(),
                r.getRequestParameters(), r.getResponseElements(), entity, r.getUserIdentity());
    }
}
