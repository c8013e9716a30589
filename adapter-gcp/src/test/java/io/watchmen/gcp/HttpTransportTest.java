package io.watchmen.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads through the real JSON-API transport (google-http-client) against a local HTTP endpoint, so the trimmed
 * dependency set is exercised on the production path, not only through the in-memory fake.
 */
class HttpTransportTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "?"
                        + exchange.getRequestURI().getRawQuery());
                byte[] body = "{\"code\":\"orders\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void read_overJsonApi_requestsTheEventsGeneration() {
        Storage storage = StorageOptions.newBuilder().setHost("http://127.0.0.1:" + server.getAddress().getPort())
                .setProjectId("test").setCredentials(NoCredentials.getInstance()).build().getService();

        byte[] bytes = GcsObjectData.read(storage, new GcsObjectData("ingest", "incoming/a b+c.json", 42L, 17));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"orders\"}");
        assertThat(requests).singleElement().asString().startsWith("GET ").contains("/b/ingest/o/")
                .contains("generation=42").contains("alt=media");
    }
}
