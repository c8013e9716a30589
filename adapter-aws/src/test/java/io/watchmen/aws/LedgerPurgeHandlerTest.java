package io.watchmen.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.samples.testing.LedgerScenario;
import io.watchmen.samples.testing.SampleCore;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scheduled purge's Lambda entry with the real core: sample objects delivered and aged (one done 9 days ago,
 * one done now, one dead-lettered 9 days ago), then the EventBridge scheduled event fixture handed to the handler
 * with the default retention (8 days).
 */
class LedgerPurgeHandlerTest {

    private static Map<String, Object> scheduledEvent() throws Exception {
        try (InputStream in = LedgerPurgeHandlerTest.class.getResourceAsStream(
                "LedgerPurgeHandlerTest/scheduled-event.json")) {
            return WatchmenJson.mapper().readValue(in, new TypeReference<>() { });
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_deletesOnlyDoneRowsOlderThanTheRetention(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "awspurge")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, S3TriggerHandler.PROVIDER, Duration.ofDays(9));

            Map<String, Object> summary = new LedgerPurgeHandler(core.runtime)
                    .handleRequest(scheduledEvent(), new StubContext("purge-1"));

            assertThat(summary).containsEntry("requestId", "purge-1").containsEntry("purged", ledger.oldRows())
                    .containsEntry("retentionHours", 192L);
            assertThat(ledger.ledgerKeys()).containsExactly(LedgerScenario.NEW_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void handleRequest_leavesDeadLettersWhateverTheirAge(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "awspurgedead")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, S3TriggerHandler.PROVIDER, Duration.ofDays(9));

            new LedgerPurgeHandler(core.runtime).handleRequest(scheduledEvent(), new StubContext("purge-2"));

            assertThat(ledger.deadLetterKeys()).containsExactly(LedgerScenario.DEAD_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void handleRequest_logsOnePurgeLineToTheLambdaLogger(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "awspurgelog")) {
            LedgerScenario.prepare(core, S3TriggerHandler.PROVIDER, Duration.ofDays(9));
            StubContext context = new StubContext("purge-3");

            new LedgerPurgeHandler(core.runtime).handleRequest(scheduledEvent(), context);

            assertThat(context.lines).singleElement().asString().contains("\"event\":\"watchmen.ledger.purge\"",
                    "\"provider\":\"aws\"", "\"requestId\":\"purge-3\"", "\"status\":\"purged\"", "\"purged\":1");
        }
    }
}
