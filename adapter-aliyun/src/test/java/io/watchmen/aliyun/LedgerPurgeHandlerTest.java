package io.watchmen.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.samples.testing.LedgerScenario;
import io.watchmen.samples.testing.SampleCore;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The timer-triggered purge with the real core, through the custom runtime as FC calls it: sample objects delivered
 * and aged (one done 9 days ago, one done now, one dead-lettered 9 days ago), then FC's timer event posted to
 * {@code /invoke} of a server running the purge handler, with the default retention (8 days).
 */
class LedgerPurgeHandlerTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private HttpResponse<String> invokeWithTimerEvent(SampleCore core) throws Exception {
        byte[] event;
        try (InputStream in = LedgerPurgeHandlerTest.class.getResourceAsStream(
                "LedgerPurgeHandlerTest/timer-event.json")) {
            event = in.readAllBytes();
        }
        try (CustomRuntimeServer server = new CustomRuntimeServer(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0), new LedgerPurgeHandler(core.runtime),
                new PrintStream(stdout, true, StandardCharsets.UTF_8))) {
            server.start();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/invoke"))
                    .header("x-fc-request-id", "fc-timer-1").POST(HttpRequest.BodyPublishers.ofByteArray(event))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void invoke_deletesOnlyDoneRowsOlderThanTheRetention(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "fcpurge")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, OssTriggerHandler.PROVIDER, Duration.ofDays(9));

            HttpResponse<String> response = invokeWithTimerEvent(core);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode summary = WatchmenJson.mapper().readTree(response.body());
            assertThat(summary.get("requestId").asText()).isEqualTo("fc-timer-1");
            assertThat(summary.get("purged").asInt()).isEqualTo(ledger.oldRows());
            assertThat(ledger.ledgerKeys()).containsExactly(LedgerScenario.NEW_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void invoke_leavesDeadLettersWhateverTheirAge(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "fcpurgedead")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, OssTriggerHandler.PROVIDER, Duration.ofDays(9));

            assertThat(invokeWithTimerEvent(core).statusCode()).isEqualTo(200);

            assertThat(ledger.deadLetterKeys()).containsExactly(LedgerScenario.DEAD_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void invoke_logsOnePurgeLineBetweenFcsStartAndEndLines(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "fcpurgelog")) {
            LedgerScenario.prepare(core, OssTriggerHandler.PROVIDER, Duration.ofDays(9));

            invokeWithTimerEvent(core);

            assertThat(stdout.toString(StandardCharsets.UTF_8).lines().toList()).containsSubsequence(
                    "FC Invoke Start RequestId: fc-timer-1",
                    stdout.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(
                            "\"event\":\"watchmen.ledger.purge\"")).findFirst().orElse("no purge line"),
                    "FC Invoke End RequestId: fc-timer-1");
        }
    }
}
