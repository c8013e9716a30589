package io.watchmen.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.testing.TestDatabase;
import io.watchmen.samples.testing.LedgerScenario;
import io.watchmen.samples.testing.SampleCore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The timer-triggered purge with the real core: sample objects delivered and aged (one done 9 days ago, one done
 * now, one dead-lettered 9 days ago), then the function invoked as the host does, with its timer status JSON and
 * the default retention (8 days).
 */
class LedgerPurgeFunctionTest {

    private static String timerInfo() throws Exception {
        try (InputStream in = LedgerPurgeFunctionTest.class.getResourceAsStream(
                "LedgerPurgeFunctionTest/timer-info.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void run_deletesOnlyDoneRowsOlderThanTheRetention(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "azpurge")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, BlobTriggerFunction.PROVIDER, Duration.ofDays(9));
            TestExecutionContext context = new TestExecutionContext("inv-1");

            new LedgerPurgeFunction(core.runtime).run(timerInfo(), context);

            assertThat(ledger.ledgerKeys()).containsExactly(LedgerScenario.NEW_KEY);
            assertThat(context.lines).singleElement().asString().contains("\"event\":\"watchmen.ledger.purge\"",
                    "\"provider\":\"azure\"", "\"requestId\":\"inv-1\"", "\"purged\":" + ledger.oldRows());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void run_leavesDeadLettersWhateverTheirAge(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "azpurgedead")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, BlobTriggerFunction.PROVIDER, Duration.ofDays(9));

            new LedgerPurgeFunction(core.runtime).run(timerInfo(), new TestExecutionContext("inv-2"));

            assertThat(ledger.deadLetterKeys()).containsExactly(LedgerScenario.DEAD_KEY);
        }
    }
}
