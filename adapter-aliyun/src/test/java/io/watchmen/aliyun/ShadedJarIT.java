package io.watchmen.aliyun;

import io.watchmen.samples.testing.SampleCore;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.watchmen.core.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged custom runtime on its own: the jar's main class (plus H2, this test's meta database) in a separate JVM
 * serves {@code /invoke} and reads the object from S3Mock through the OSS SDK, so the shaded jar is proven to hold
 * what the read needs, whatever the core then does with the object.
 */
class ShadedJarIT {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = OssTestStore.extension();

    private static String providedJar(String artifact) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(File.separator + artifact + "-")).findFirst().orElseThrow();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void customRuntimeJar_servesInvokeAndReadsTheObject() throws Exception {
        OssTestStore.put(S3_MOCK, OssTriggerHandlerTest.SPACED_KEY, "{}");
        OssTestStore.put(S3_MOCK, OssTriggerHandlerTest.UNICODE_KEY, "{}");

        String logs = invokeJar(Map.of(), "OssTriggerHandlerTest/two-events.json", 1);

        assertThat(objectLines(logs)).as(logs).hasSize(2)
                .allSatisfy(line -> assertThat(line).doesNotContain("read_failed", "\"missing\""));
        assertThat(logs).contains("FC Invoke Start RequestId: it-1");
    }

    /**
     * The production jar end to end: a {@code jdbc:mysql:} URL served by MariaDB Connector/J, the default
     * (competitive) snowflake worker, the sample metadata; the order lands in its topics, and a redelivery is skipped.
     * Runs when {@code WATCHMEN_TEST_MARIADB_URL} names a server.
     */
    @Test
    void customRuntimeJar_mysqlUrl_writesTheSampleOrderAndSkipsItsRedelivery() throws Exception {
        try (SampleCore core = SampleCore.start(TestDatabase.MARIADB, "ossjar")) {
            OssTestStore.put(S3_MOCK, "incoming/SO 1001+paid.json", new String(
                    SampleCore.sample("001-order-SO-1001.json"), StandardCharsets.UTF_8));
            String url = core.jdbcUrl();
            Map<String, String> env = Map.of("WATCHMEN_META_JDBC_URL",
                    "jdbc:mysql:" + url.substring(url.indexOf("//")), "META_STORAGE_USER_NAME", core.user(),
                    "META_STORAGE_PASSWORD", core.password());

            String logs = invokeJar(env, "OssTriggerHandlerCoreTest/single-event.json", 2);

            List<String> lines = objectLines(logs);
            assertThat(lines).as(logs).hasSize(2);
            assertThat(lines.get(0)).contains("\"status\":\"succeeded\"", "\"done\":1");
            assertThat(lines.get(1)).contains("\"status\":\"succeeded\"", "\"skipped\":1");
            assertThat(core.orderNos("raw_order")).containsExactly("SO-1001");
            assertThat(core.orderNos("order_fact")).containsExactly("SO-1001");
        }
    }

    /** The purge function's start command: the jar serves the ledger purge on {@code /invoke}. */
    @Test
    void customRuntimeJar_startedWithPurgeLedger_purgesOnInvoke() throws Exception {
        String logs = invokeJar(Map.of(), "LedgerPurgeHandlerTest/timer-event.json", 1,
                CustomRuntimeServer.PURGE_LEDGER);

        assertThat(logs).as(logs).contains("custom runtime (purge-ledger) listening",
                "\"event\":\"watchmen.ledger.purge\"", "\"requestId\":\"it-1\"", "\"status\":\"purged\"",
                "\"purged\":0");
        assertThat(objectLines(logs)).isEmpty();
    }

    /**
     * Starts the jar's main class (H2, this test's default meta database, beside it: it is not in the FC jar) with
     * the given start arguments, posts the fixture to {@code /invoke} {@code times} times, stops the server; returns
     * its output.
     */
    private static String invokeJar(Map<String, String> env, String fixture, int times, String... mainArgs)
            throws Exception {
        int port = freePort();
        String classpath = String.join(File.pathSeparator, "target/fc/watchmen-aliyun-fc.jar", providedJar("h2"));
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", classpath, CustomRuntimeServer.class.getName()));
        command.addAll(List.of(mainArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("FC_CUSTOM_LISTEN_PORT", String.valueOf(port),
                OssObjects.ENDPOINT_VARIABLE, OssTestStore.endpoint(S3_MOCK),
                "WATCHMEN_META_JDBC_URL", "jdbc:h2:mem:shaded_jar_it", "META_STORAGE_USER_NAME", "sa"));
        builder.environment().putAll(env);
        byte[] event;
        try (var in = ShadedJarIT.class.getResourceAsStream(fixture)) {
            event = in.readAllBytes();
        }
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try (var in = process.getInputStream()) {
                in.transferTo(output);
            } catch (Exception ignored) {
                // the process ended
            }
        });
        pump.start();
        try {
            for (int i = 0; i < 600 && !listening(port); i++) {
                Thread.sleep(100);
            }
            for (int i = 1; i <= times; i++) {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/invoke")).header("x-fc-request-id", "it-" + i)
                        .header("x-fc-access-key-id", "STS.id").header("x-fc-access-key-secret", "secret")
                        .header("x-fc-security-token", "token").POST(HttpRequest.BodyPublishers.ofByteArray(event))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isIn(200, 500);
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            pump.join(10_000);
        }
        String logs = output.toString(StandardCharsets.UTF_8);
        assertThat(logs).doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "LinkageError");
        return logs;
    }

    private static List<String> objectLines(String logs) {
        return logs.lines().filter(line -> line.contains("\"event\":\"watchmen.object\"")).toList();
    }
}
