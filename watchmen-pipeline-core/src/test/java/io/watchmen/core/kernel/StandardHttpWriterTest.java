package io.watchmen.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpServer;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.ExternalWriterType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standard writer against a local HTTP server. */
class StandardHttpWriterTest {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/in", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/in";
    }

    private io.watchmen.core.kernel.ExternalWriter writer() {
        ExternalWriter row = new ExternalWriter("w", "any-code", "n", ExternalWriterType.STANDARD_WRITER, "tok",
                url(), "T1", null, null, null, null, 1L);
        return ExternalWriters.standard(Duration.ofSeconds(5)).find(row).orElseThrow();
    }

    @Test
    void standardWriter_postsCodeDataAndInsertWithPatHeader() {
        writer().write(new ExternalWriteRequest("tok", url(), "evt", Map.of("orderId", "O-1"), null, Map.of()));

        assertThat(authorizations).containsExactly("PAT tok");
        Map<String, Object> body = KernelFixture.read(bodies.get(0), new TypeReference<>() { });
        assertThat(body).containsEntry("code", "evt").containsEntry("triggerType", "insert")
                .containsEntry("data", Map.of("orderId", "O-1"));
    }

    @Test
    void standardWriter_non2xxIsOnlyLogged_emptyDataFails() {
        status = 500;
        writer().write(new ExternalWriteRequest(null, url(), "evt", Map.of("k", 1), null, Map.of()));
        assertThat(authorizations).containsExactly((String) null);
        assertThatThrownBy(() -> writer().write(new ExternalWriteRequest("tok", url(), "evt", Map.of(), null, Map.of())))
                .isInstanceOf(WatchmenException.class).hasMessageContaining("Current data cannot be empty");
    }

    @Test
    void writerRows_matchByCodeThenByType_otherwiseNone() {
        ExternalWriters writers = ExternalWriters.none().with("kafka", request -> { });
        assertThat(writers.find(new ExternalWriter("w", "kafka", null, null, null, null, "T1", null, null, null, null,
                1L))).isPresent();
        assertThat(writers.find(new ExternalWriter("w", "other", null, ExternalWriterType.ELASTIC_SEARCH_WRITER, null,
                null, "T1", null, null, null, null, 1L))).isEmpty();
    }
}
