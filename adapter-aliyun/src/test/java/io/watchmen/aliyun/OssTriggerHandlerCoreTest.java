package io.watchmen.aliyun;

import io.watchmen.samples.testing.SampleCore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.RetryableDeliveryException;
import io.watchmen.samples.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole path with the real core: sample objects in S3Mock (spoken to with the OSS SDK), an OSS trigger event
 * fixture naming them (raw keys: OSS does not encode them), the handler fed as FC feeds it, and the rows checked in
 * the database.
 */
class OssTriggerHandlerCoreTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = OssTestStore.extension();

    /** Spaces and "+" stay as they are: decoding this key would read another object. */
    private static final String KEY_1001 = "incoming/SO 1001+paid.json";
    private static final String KEY_1002 = "incoming/SO-1002.json";
    private static final String KEY_1003 = "incoming/SO 1003 (copy).json";
    private static final String KEY_UNKNOWN_PAT = "incoming/unknown pat.json";

    @BeforeAll
    static void putSampleObjects() {
        put(KEY_1001, SampleCore.sample("001-order-SO-1001.json"));
        put(KEY_1002, SampleCore.sample("002-order-SO-1002.json"));
        put(KEY_1003, SampleCore.sample("003-order-SO-1003.json"));
        put(KEY_UNKNOWN_PAT, SampleCore.withUnknownPat("004-order-SO-1004.json"));
    }

    private static void put(String key, byte[] content) {
        OssTestStore.put(S3_MOCK, key, new String(content, StandardCharsets.UTF_8));
    }

    private static OssTriggerHandler handler(FunctionRuntime runtime) {
        return new OssTriggerHandler(runtime, new OssObjects(OssTestStore.endpoint(S3_MOCK)), Map.of());
    }

    /** Invokes a new handler with an event fixture; returns what it wrote to its output. */
    private static String invoke(FunctionRuntime runtime, String fixture, StubContext context) throws IOException {
        return handleRequest(handler(runtime), fixture, context);
    }

    private static String handleRequest(OssTriggerHandler handler, String fixture, StubContext context)
            throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream event = OssTriggerHandlerCoreTest.class.getResourceAsStream(
                "OssTriggerHandlerCoreTest/" + fixture)) {
            handler.handleRequest(event, output, context);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_singleAndMultiObjectEvents_writeTheOrdersIntoTheDatabase(TestDatabase database)
            throws Exception {
        try (SampleCore core = SampleCore.start(database, "ossfull")) {
            StubContext context = new StubContext("fc-1");

            String single = invoke(core.runtime, "single-event.json", context);
            String multi = invoke(core.runtime, "multi-event.json", context);

            assertThat(single).contains("\"succeeded\":[\"aliyun://ingest/" + KEY_1001 + "\"]");
            assertThat(multi).contains("\"succeeded\":[\"aliyun://ingest/" + KEY_1002 + "\",\"aliyun://ingest/"
                    + KEY_1003 + "\"]");
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
        try (SampleCore core = SampleCore.start(database, "osstwice")) {
            invoke(core.runtime, "multi-event.json", new StubContext("first"));
            StubContext again = new StubContext("again");

            String result = invoke(core.runtime, "multi-event.json", again);

            assertThat(result).contains("\"succeeded\":[\"aliyun://ingest/" + KEY_1002);
            assertThat(again.lines).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("\"skipped\":1", "\"done\":0"));
            assertThat(core.orderNos("raw_order")).containsExactlyInAnyOrder("SO-1002", "SO-1003");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_unknownPat_isDeadLetteredAndReturnsNormally(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "osspat")) {
            StubContext context = new StubContext("fc-pat");

            String result = invoke(core.runtime, "unknown-pat.json", context);

            assertThat(result).contains("\"deadLettered\":[\"aliyun://ingest/" + KEY_UNKNOWN_PAT + "\"]");
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

    /**
     * The instance lifecycle with the default (competitive) worker id: initialize primes, preStop releases the
     * worker and closes the pools, and an invocation after that builds a new runtime and still skips what was done.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_aroundInitializeAndPreStop_usesTheRealCore(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "osslife", Map.of("SNOWFLAKE_COMPETITIVE_WORKERS", "true"))) {
            OssTriggerHandler handler = handler(core.runtime);
            handler.initialize(new StubContext("init"));
            StubContext first = new StubContext("fc-1");
            StubContext afterStop = new StubContext("fc-2");

            handleRequest(handler, "single-event.json", first);
            handler.preStop(new StubContext("stop"));
            handleRequest(handler, "single-event.json", afterStop);

            assertThat(first.lines).singleElement().asString().contains("\"status\":\"succeeded\"", "\"done\":1");
            assertThat(afterStop.lines).singleElement().asString().contains("\"status\":\"succeeded\"",
                    "\"skipped\":1");
            assertThat(core.orderNos("raw_order")).containsExactly("SO-1001");
        }
    }

    @Test
    void handleRequest_databaseUnreachable_throwsSoFcRetries() throws Exception {
        try (FunctionRuntime runtime = SampleCore.unreachable()) {
            assertThatThrownBy(() -> invoke(runtime, "single-event.json", new StubContext("fc-down")))
                    .isInstanceOf(RetryableDeliveryException.class)
                    .hasMessageContaining("aliyun://ingest/" + KEY_1001);
        }
    }
}
