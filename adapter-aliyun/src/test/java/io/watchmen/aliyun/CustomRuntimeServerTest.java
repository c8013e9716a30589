package io.watchmen.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.function.FunctionRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomRuntimeServerTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = OssTestStore.extension();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private CustomRuntimeServer server;

    @BeforeAll
    static void putObjects() {
        OssTestStore.put(S3_MOCK, OssTriggerHandlerTest.SPACED_KEY, "a");
        OssTestStore.put(S3_MOCK, OssTriggerHandlerTest.UNICODE_KEY, "b");
    }

    private String start(FakeHandler fake) throws Exception {
        OssTriggerHandler handler = new OssTriggerHandler(FunctionRuntime.of(fake),
                new OssObjects(OssTestStore.endpoint(S3_MOCK)), Map.of());
        server = new CustomRuntimeServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), handler,
                new PrintStream(stdout, true, StandardCharsets.UTF_8));
        server.start();
        return "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("x-fc-request-id", "fc-42").header("x-fc-access-key-id", "STS.id")
                .header("x-fc-access-key-secret", "secret").header("x-fc-security-token", "token").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher fixture() throws Exception {
        try (var in = OssTriggerHandlerTest.fixture("two-events.json")) {
            return HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
        }
    }

    @Test
    void lifecycleOverHttp_initializeInvokePreStop_driveTheHandler() throws Exception {
        FakeHandler fake = new FakeHandler(object -> Disposition.SUCCEEDED);
        String base = start(fake);

        HttpResponse<String> init = send(HttpRequest.newBuilder(URI.create(base + "/initialize"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> invoke = send(HttpRequest.newBuilder(URI.create(base + "/invoke")).POST(fixture()));
        HttpResponse<String> preStop = send(HttpRequest.newBuilder(URI.create(base + "/pre-stop")).GET());

        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(invoke.statusCode()).isEqualTo(200);
        assertThat(invoke.body()).contains("\"requestId\":\"fc-42\"", "aliyun://ingest/");
        assertThat(preStop.statusCode()).isEqualTo(200);
        assertThat(fake.handled).hasSize(2);
        assertThat(fake.lifecycle).containsExactly("prime", "close");
        String logs = stdout.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("FC Invoke Start RequestId: fc-42", "FC Invoke End RequestId: fc-42",
                "\"event\":\"watchmen.object\"").doesNotContain("secret", "token\"");
    }

    @Test
    void invoke_retryNeeded_answersFunctionError() throws Exception {
        String base = start(new FakeHandler(object -> Disposition.RETRY));

        HttpResponse<String> invoke = send(HttpRequest.newBuilder(URI.create(base + "/invoke")).POST(fixture()));

        assertThat(invoke.statusCode()).isEqualTo(500);
        assertThat(invoke.headers().firstValue("x-fc-status")).hasValue("404");
        assertThat(invoke.body()).contains("RetryableDeliveryException", "2 of 2");
    }

    @Test
    void unknownPath_isNotFound() throws Exception {
        String base = start(new FakeHandler(object -> Disposition.SUCCEEDED));

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/other")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
