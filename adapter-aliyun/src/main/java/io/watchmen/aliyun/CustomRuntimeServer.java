package io.watchmen.aliyun;

import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.PreStopHandler;
import com.aliyun.fc.runtime.StreamRequestHandler;
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
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Java 17 custom runtime: FC starts {@code java -jar watchmen-aliyun-fc.jar [entry]}, which listens on
 * {@code FC_CUSTOM_LISTEN_PORT} (default {@value #DEFAULT_PORT}) and maps FC's HTTP contract onto one handler:
 * {@code POST /invoke}, {@code POST /initialize}, {@code GET /pre-stop}. Without an argument the handler is
 * {@link OssTriggerHandler} (the OSS-triggered function); with {@value #PURGE_LEDGER} it is
 * {@link LedgerPurgeHandler} (the timer-triggered purge function): each function of s.yaml gets one typed handler,
 * chosen by its start command, never by the shape of a request. A failed request answers 500 with
 * {@code x-fc-status: 404}, which FC records as a function error and retries asynchronously.
 */
public final class CustomRuntimeServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 9000;
    /** The start argument of the ledger purge function (s.yaml, {@code customRuntimeConfig.args}). */
    public static final String PURGE_LEDGER = "purge-ledger";

    private final HttpServer server;
    private final ExecutorService executor;
    private final StreamRequestHandler invoke;
    private final FunctionInitializer initializer;
    private final PreStopHandler preStop;
    private final PrintStream out;

    public <H extends StreamRequestHandler & FunctionInitializer & PreStopHandler> CustomRuntimeServer(
            InetSocketAddress address, H handler, PrintStream out) throws IOException {
        Objects.requireNonNull(handler, "handler");
        this.invoke = handler;
        this.initializer = handler;
        this.preStop = handler;
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
        InetSocketAddress address = new InetSocketAddress(listenPort);
        String entry = entry(args);
        CustomRuntimeServer server = entry.equals(PURGE_LEDGER)
                ? new CustomRuntimeServer(address, new LedgerPurgeHandler(), System.out)
                : new CustomRuntimeServer(address, new OssTriggerHandler(), System.out);
        server.start();
        System.out.println("watchmen custom runtime (" + entry + ") listening on port " + server.port());
    }

    /** The function's entry from the start arguments: {@code oss} (none given) or {@value #PURGE_LEDGER}. */
    static String entry(String[] args) {
        if (args.length == 0) {
            return "oss";
        }
        if (args.length == 1 && args[0].equals(PURGE_LEDGER)) {
            return PURGE_LEDGER;
        }
        throw new IllegalArgumentException("Unknown start arguments " + Arrays.toString(args)
                + ": expected none (the OSS trigger) or " + PURGE_LEDGER + " (s.yaml, customRuntimeConfig.args).");
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
                        invoke.handleRequest(new ByteArrayInputStream(body.readAllBytes()), result, context);
                    }
                    return result.toByteArray();
                });
            } else if ("POST".equals(method) && "/initialize".equals(path)) {
                run(exchange, "Initialize", context -> {
                    initializer.initialize(context);
                    return new byte[0];
                });
            } else if ("GET".equals(method) && "/pre-stop".equals(path)) {
                run(exchange, "PreStop", context -> {
                    preStop.preStop(context);
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
        int status;
        Map<String, String> headers = Map.of();
        byte[] body;
        try {
            body = call.run(context);
            status = 200;
        } catch (Exception e) {
            // The exception names objects and reasons, never a PAT or a credential.
            out.println("FC " + phase + " failed RequestId: " + requestId + ": " + e);
            body = WatchmenJson.mapper().writeValueAsBytes(Map.of("errorMessage", String.valueOf(e.getMessage()),
                    "errorType", e.getClass().getSimpleName()));
            status = 500;
            headers = Map.of("x-fc-status", "404");
        } finally {
            // before the response: FC may freeze the instance as soon as it has the response, and a line written
            // after it would show up late or never
            out.println("FC " + phase + " End RequestId: " + requestId);
        }
        respond(exchange, status, headers, body);
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
