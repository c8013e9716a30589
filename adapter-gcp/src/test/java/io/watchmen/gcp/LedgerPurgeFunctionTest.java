package io.watchmen.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.samples.testing.LedgerScenario;
import io.watchmen.samples.testing.SampleCore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTTP function Cloud Scheduler calls, with the real core: sample objects delivered and aged (one done 9 days
 * ago, one done now, one dead-lettered 9 days ago), then the scheduler's POST (empty body, its headers) with the
 * default retention (8 days).
 */
class LedgerPurgeFunctionTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private static FakeHttp.Request schedulerPost() {
        return new FakeHttp.Request("POST", Map.of(
                "X-Cloud-Trace-Context", List.of("105445aa7843bc8bf206b12000100000/1;o=1"),
                "X-CloudScheduler", List.of("true"),
                "X-CloudScheduler-JobName", List.of("watchmen-ledger-purge"),
                "User-Agent", List.of("Google-Cloud-Scheduler")), new byte[0]);
    }

    private LedgerPurgeFunction function(SampleCore core) {
        return new LedgerPurgeFunction(core.runtime, new FunctionLog(lines::add));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void service_deletesOnlyDoneRowsOlderThanTheRetention(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "gcppurge")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, GcsFinalizedFunction.PROVIDER, Duration.ofDays(9));
            FakeHttp.Response response = new FakeHttp.Response();

            function(core).service(schedulerPost(), response);

            assertThat(response.status).isEqualTo(200);
            JsonNode summary = WatchmenJson.mapper().readTree(response.text());
            assertThat(summary.get("requestId").asText()).isEqualTo("105445aa7843bc8bf206b12000100000");
            assertThat(summary.get("purged").asInt()).isEqualTo(ledger.oldRows());
            assertThat(ledger.ledgerKeys()).containsExactly(LedgerScenario.NEW_KEY);
            assertThat(lines).singleElement().asString().contains("\"event\":\"watchmen.ledger.purge\"",
                    "\"provider\":\"gcp\"");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void service_leavesDeadLettersWhateverTheirAge(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "gcppurgedead")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, GcsFinalizedFunction.PROVIDER, Duration.ofDays(9));

            function(core).service(schedulerPost(), new FakeHttp.Response());

            assertThat(ledger.deadLetterKeys()).containsExactly(LedgerScenario.DEAD_KEY);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void service_get_answers405AndPurgesNothing(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "gcppurgeget")) {
            LedgerScenario ledger = LedgerScenario.prepare(core, GcsFinalizedFunction.PROVIDER, Duration.ofDays(9));
            FakeHttp.Response response = new FakeHttp.Response();

            function(core).service(new FakeHttp.Request("GET", Map.of(), new byte[0]), response);

            assertThat(response.status).isEqualTo(405);
            assertThat(response.headers).containsEntry("Allow", List.of("POST"));
            assertThat(ledger.ledgerKeys()).contains(LedgerScenario.OLD_KEY);
            assertThat(lines).isEmpty();
        }
    }
}
