package io.watchmen.aliyun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.watchmen.core.json.WatchmenJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Java 17 custom runtime: FC starts {@code java -jar watchmen-aliyun-fc.jar}, which listens on
 * {@code FC_CUSTOM_LISTEN_PORT} (default {@value #DEFAULT_PORT}) and maps FC's HTTP contract onto
 * {@link OssTriggerHandler}: {@code POST /invoke}, {@code POST /initialize}, {@code GET /pre-stop}. A failed
 * request answers 500 with {@code x-fc-status: 404}, which FC records as a function error and retries
 * asynchronously.
 */
public final class CustomRuntimeServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 9000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final OssTriggerHandler handler;
    private final PrintStream out;

    public CustomRuntimeServer(InetSocketAddress address, OssTriggerHandler handler, PrintStream out)
            throws IOException {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.out = Objects.requireNonNull(out, "out");
        this.server = HttpServer.create(address, 0);
        // FC bounds concurrency per instance (instanceConcurrency); the pool only has to follow it.
        this.executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    public static void main(String[] args) throws IOException {
        String port = System.getenv("FC_CUSTOM_LISTEN_PORT");
        int listenPort = port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.trim());
        CustomRuntimeServer server = new CustomRuntimeServer(new InetSocketAddress(listenPort),
                new OssTriggerHandler(), System.out);
        server.start();
        System.out.println("watchmen custom runtime listening on port " + server.port());
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(method) && "/invoke".equals(path)) {
                run(exchange, "Invoke", context -> {
                    ByteArrayOutputStream result = new ByteArrayOutputStream();
                    try (InputStream body = exchange.getRequestBody()) {
                        handler.handleRequest(new ByteArrayInputStream(body.readAllBytes()), result, context);
                    }
                    return result.toByteArray();
                });
            } else if ("POST".equals(method) && "/initialize".equals(path)) {
                run(exchange, "Initialize", context -> {
                    handler.initialize(context);
                    return new byte[0];
                });
            } else if ("GET".equals(method) && "/pre-stop".equals(path)) {
                run(exchange, "PreStop", context -> {
                    handler.preStop(context);
                    return new byte[0];
                });
            } else {
                respond(exchange, 404, Map.of(), new byte[0]);
            }
        }
    }

    private void run(HttpExchange exchange, String phase, Call call) throws IOException {
        FcHttpContext context = new FcHttpContext(exchange.getRequestHeaders(), out);
        String requestId = context.getRequestId();
        out.println("FC " + phase + " Start RequestId: " + requestId);
        try {
            byte[] body = call.run(context);
            respond(exchange, 200, Map.of(), body);
        } catch (Exception e) {
            // The exception names objects and reasons, never a PAT or a credential.
            out.println("FC " + phase + " failed RequestId: " + requestId + ": " + e);
            byte[] error = WatchmenJson.mapper().writeValueAsBytes(Map.of("errorMessage", String.valueOf(
                    e.getMessage()), "errorType", e.getClass().getSimpleName()));
            respond(exchange, 500, Map.of("x-fc-status", "404"), error);
        } finally {
            out.println("FC " + phase + " End RequestId: " + requestId);
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        byte[] run(FcHttpContext context) throws Exception;
    }
}
