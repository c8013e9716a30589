package io.watchmen.aws;

import io.watchmen.samples.testing.SampleCore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.RetryableDeliveryException;
import io.watchmen.samples.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole path with the real core: sample objects in S3Mock, an S3 event fixture naming them (form-encoded keys),
 * the handler built as in Lambda from the function's environment, and the rows checked in the database.
 */
class S3TriggerHandlerCoreTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("orders").build();

    private static final String FIXTURES = "io/watchmen/aws/S3TriggerHandlerCoreTest/";
    /** The single-record fixture's key is {@code SO+1001%2Bpaid.json}: "+" is a space, %2B a literal "+". */
    private static final String KEY_1001 = "incoming/SO 1001+paid.json";
    private static final String KEY_1002 = "incoming/SO-1002.json";
    private static final String KEY_1003 = "incoming/SO 1003 (copy).json";
    private static final String KEY_UNKNOWN_PAT = "incoming/unknown pat.json";

    private static S3Client s3;

    @BeforeAll
    static void putSampleObjects() {
        s3 = S3Clients.create(Map.of(S3Clients.ENDPOINT_VARIABLE, S3_MOCK.getServiceEndpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        put(KEY_1001, SampleCore.sample("001-order-SO-1001.json"));
        put(KEY_1002, SampleCore.sample("002-order-SO-1002.json"));
        put(KEY_1003, SampleCore.sample("003-order-SO-1003.json"));
        put(KEY_UNKNOWN_PAT, SampleCore.withUnknownPat("004-order-SO-1004.json"));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    private static void put(String key, byte[] content) {
        s3.putObject(request -> request.bucket("orders").key(key), RequestBody.fromBytes(content));
    }

    private static S3Event event(String fixture) {
        return EventLoader.loadS3Event(FIXTURES + fixture);
    }

    private static S3TriggerHandler handler(FunctionRuntime runtime) {
        return new S3TriggerHandler(runtime, s3);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_singleAndMultiRecordEvents_writeTheOrdersIntoTheDatabase(TestDatabase database)
            throws Exception {
        try (SampleCore core = SampleCore.start(database, "awsfull")) {
            StubContext context = new StubContext("req-1");

            Map<String, Object> single = handler(core.runtime).handleRequest(event("single-record.json"), context);
            Map<String, Object> multi = handler(core.runtime).handleRequest(event("multi-record.json"), context);

            assertThat(single.get("succeeded")).isEqualTo(List.of("aws://orders/" + KEY_1001));
            assertThat(multi.get("succeeded")).isEqualTo(List.of("aws://orders/" + KEY_1002,
                    "aws://orders/" + KEY_1003));
            assertThat(core.orderNos("raw_order")).containsExactlyInAnyOrder("SO-1001", "SO-1002", "SO-1003");
            assertThat(core.orderNos("order_fact")).containsExactlyInAnyOrder("SO-1001", "SO-1002", "SO-1003");
            assertThat(context.lines).hasSize(3).allSatisfy(line -> assertThat(line)
                    .contains("\"status\":\"succeeded\"", "\"done\":1").doesNotContain(Samples.patToken()));
            assertThat(core.deadLetters()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_sameEventDeliveredTwice_skipsTheSecondDelivery(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "awstwice")) {
            handler(core.runtime).handleRequest(event("multi-record.json"), new StubContext("first"));
            StubContext again = new StubContext("again");

            Map<String, Object> result = handler(core.runtime).handleRequest(event("multi-record.json"), again);

            assertThat(result.get("succeeded")).asList().hasSize(2);
            assertThat(again.lines).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("\"skipped\":1", "\"done\":0"));
            assertThat(core.orderNos("raw_order")).containsExactlyInAnyOrder("SO-1002", "SO-1003");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_unknownPat_isDeadLetteredAndReturnsNormally(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "awspat")) {
            StubContext context = new StubContext("req-pat");

            Map<String, Object> result = handler(core.runtime).handleRequest(event("unknown-pat.json"), context);

            assertThat(result.get("deadLettered")).isEqualTo(List.of("aws://orders/" + KEY_UNKNOWN_PAT));
            assertThat(core.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.errorCode()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED);
                assertThat(letter.deadLettered()).isTrue();
                assertThat(letter.key().ref().key()).isEqualTo(KEY_UNKNOWN_PAT);
            });
            assertThat(core.orderNos("raw_order")).isEmpty();
            assertThat(context.lines).singleElement().asString().contains("\"status\":\"dead_lettered\"",
                    "PAT_UNAUTHORIZED").doesNotContain("wmpat-nobody-has-this-token");
        }
    }

    /** SnapStart with the default (competitive) worker id: primed and suspended before the snapshot, resumed after. */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_afterSnapStartCheckpointAndRestore_writesTheOrder(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "awssnap", Map.of("SNOWFLAKE_COMPETITIVE_WORKERS", "true"))) {
            S3TriggerHandler handler = handler(core.runtime);
            handler.snapStartHook().beforeCheckpoint(null);
            handler.snapStartHook().afterRestore(null);

            Map<String, Object> result = handler.handleRequest(event("single-record.json"), new StubContext("r"));

            assertThat(result.get("succeeded")).isEqualTo(List.of("aws://orders/" + KEY_1001));
            assertThat(core.orderNos("raw_order")).containsExactly("SO-1001");
        }
    }

    @Test
    void handleRequest_databaseUnreachable_throwsSoLambdaRetries() throws Exception {
        try (FunctionRuntime runtime = SampleCore.unreachable()) {
            assertThatThrownBy(() -> handler(runtime).handleRequest(event("single-record.json"),
                    new StubContext("req-down")))
                    .isInstanceOf(RetryableDeliveryException.class)
                    .hasMessageContaining("aws://orders/" + KEY_1001);
        }
    }
}
