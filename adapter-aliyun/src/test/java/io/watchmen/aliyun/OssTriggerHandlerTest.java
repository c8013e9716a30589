package io.watchmen.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.RetryableDeliveryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OssTriggerHandlerTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = OssTestStore.extension();

    static final String SPACED_KEY = "incoming/my report (final)+v2.json";
    static final String UNICODE_KEY = "incoming/café.ndjson";

    @BeforeAll
    static void putObjects() {
        OssTestStore.put(S3_MOCK, SPACED_KEY, "content of " + SPACED_KEY);
        OssTestStore.put(S3_MOCK, UNICODE_KEY, "content of " + UNICODE_KEY);
    }

    static InputStream fixture(String name) {
        return OssTriggerHandlerTest.class.getResourceAsStream("OssTriggerHandlerTest/" + name);
    }

    static OssTriggerHandler handler(FakeHandler fake) {
        return new OssTriggerHandler(FunctionRuntime.of(fake), new OssObjects(OssTestStore.endpoint(S3_MOCK)),
                Map.of());
    }

    private static String text(StorageObject object) {
        return new String(object.content(), StandardCharsets.UTF_8);
    }

    @Test
    void handleRequest_everyEvent_readFromOssWithRawKeys() throws IOException {
        FakeHandler fake = new FakeHandler(object -> Disposition.SUCCEEDED);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StubContext context = new StubContext("fc-req-1");

        handler(fake).handleRequest(fixture("two-events.json"), output, context);

        assertThat(fake.handled).extracting(object -> object.ref().key()).containsExactly(SPACED_KEY, UNICODE_KEY);
        assertThat(fake.handled).extracting(OssTriggerHandlerTest::text)
                .containsExactly("content of " + SPACED_KEY, "content of " + UNICODE_KEY);
        assertThat(fake.handled.get(0).ref().version())
                .isEqualTo("D41D8CD98F00B204E9800998ECF8427E@58F9FF2D3DF792092E12044C");
        assertThat(fake.handled.get(0).ref().bucket()).isEqualTo("ingest");
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("\"succeeded\":[\"aliyun://ingest/" + SPACED_KEY);
        assertThat(context.lines).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("\"requestId\":\"fc-req-1\"", "\"status\":\"succeeded\"").doesNotContain("test-secret"));
    }

    @Test
    void handleRequest_oneObjectNeedsRetry_throwsAfterHandlingBoth() {
        FakeHandler fake = new FakeHandler(object -> object.ref().key().equals(SPACED_KEY)
                ? Disposition.RETRY : Disposition.SUCCEEDED);

        assertThatThrownBy(() -> handler(fake).handleRequest(fixture("two-events.json"), new ByteArrayOutputStream(),
                new StubContext("r"))).isInstanceOf(RetryableDeliveryException.class)
                .hasMessageContaining("aliyun://ingest/" + SPACED_KEY);
        assertThat(fake.handled).hasSize(2);
    }

    @Test
    void handleRequest_deletedObject_isNotRetried() throws IOException {
        FakeHandler fake = new FakeHandler(object -> Disposition.SUCCEEDED);
        StubContext context = new StubContext("r");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        handler(fake).handleRequest(fixture("missing-object.json"), output, context);

        assertThat(fake.handled).isEmpty();
        assertThat(context.lines.get(0)).contains("\"status\":\"missing\"");
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("\"deadLettered\":[\"aliyun://ingest/");
    }

    @Test
    void initializeAndPreStop_primeThenCloseTheRuntime() {
        FakeHandler fake = new FakeHandler(object -> Disposition.SUCCEEDED);
        OssTriggerHandler handler = handler(fake);

        handler.initialize(new StubContext("init"));
        handler.preStop(new StubContext("stop"));

        assertThat(fake.lifecycle).containsExactly("prime", "close");
    }
}
