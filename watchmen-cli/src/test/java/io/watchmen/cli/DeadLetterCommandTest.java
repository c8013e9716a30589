package io.watchmen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.samples.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ./watchmen dead-letters and replay: a permanently failed item is listed, fixed, replayed once. */
class DeadLetterCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LATE_TOKEN = "late-token-not-yet-known-1";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void deadLetter_listedWithoutItsPat_thenReplayedAfterTheFix_isDoneOnce(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clidead")) {
            assertThat(Cli.importSamples(db).exitCode()).isZero();
            Path object = temp.resolve("late.json");
            String sample = new String(Samples.objects().get(0).content(), StandardCharsets.UTF_8);
            Files.writeString(object, sample.replace(Samples.patToken(), LATE_TOKEN));

            Cli.Result run = Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), object.toString())));
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);

            Cli.Result listed = Cli.run(Cli.args(new String[] {"dead-letters"}, Cli.db(db)));
            assertThat(listed.exitCode()).as(listed.toString()).isZero();
            List<JsonNode> letters = lines(listed.out());
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).get("errorCode").asText()).isEqualTo("PAT_UNAUTHORIZED");
            assertThat(letters.get(0).get("object").asText()).endsWith("late.json");
            assertThat(listed.out() + listed.err()).doesNotContain(LATE_TOKEN);

            PersonalAccessToken pat = Samples.pat();
            new MetadataWriter(db.dataSource()).savePat(new PersonalAccessToken("pat-late", pat.userId(),
                    pat.username(), pat.tenantId(), "added later", null, List.of(), pat.createdAt()), LATE_TOKEN);

            Cli.Result replayed = Cli.run(Cli.args(new String[] {"replay"}, Cli.args(Cli.db(db), "--dead-letters")));
            assertThat(replayed.exitCode()).as(replayed.toString()).isZero();
            assertThat(lines(replayed.out())).singleElement()
                    .satisfies(line -> assertThat(line.get("status").asText()).isEqualTo("done"));

            assertThat(lines(Cli.run(Cli.args(new String[] {"dead-letters"}, Cli.db(db))).out())).isEmpty();
            Cli.Result again = Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), object.toString())));
            assertThat(lines(again.out())).singleElement()
                    .satisfies(line -> assertThat(line.get("status").asText()).isEqualTo("skipped"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void replay_unknownKey_saysSo_exit1(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clireplaykey")) {
            Cli.importSamples(db);
            Cli.Result result = Cli.run(Cli.args(new String[] {"replay"}, Cli.args(Cli.db(db), "--key", "nope")));
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("no failed delivery with key nope");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void purgeLedger_keepsRecentRows_andRefusesWindowsShorterThanRedelivery(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clipurge")) {
            Cli.importSamples(db);
            Path object = temp.resolve("one.json");
            Files.write(object, Samples.objects().get(0).content());
            assertThat(Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), object.toString()))).exitCode())
                    .isZero();

            Cli.Result purged = Cli.run(Cli.args(new String[] {"purge-ledger"}, Cli.db(db)));
            assertThat(purged.exitCode()).as(purged.toString()).isZero();
            assertThat(purged.out()).contains("Purged 0 ledger rows");
            Cli.Result again = Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), object.toString())));
            assertThat(lines(again.out())).singleElement()
                    .satisfies(line -> assertThat(line.get("status").asText()).isEqualTo("skipped"));

            Cli.Result tooShort = Cli.run(Cli.args(new String[] {"purge-ledger"},
                    Cli.args(Cli.db(db), "--older-than-hours", "1")));
            assertThat(tooShort.exitCode()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void purgeLedger_withoutHours_keepsTheConfiguredRetention(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clipurgeenv")) {
            Cli.Result purged = Cli.runWith(Map.of("WATCHMEN_LEDGER_RETENTION_HOURS", "48"),
                    Cli.args(new String[] {"purge-ledger"}, Cli.db(db)));

            assertThat(purged.exitCode()).as(purged.toString()).isZero();
            assertThat(purged.out()).contains("Purged 0 ledger rows done more than 48 hours ago");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void purgeLedger_configuredRetentionBelowSixHours_isAConfigurationError(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clipurgebad")) {
            Cli.Result purged = Cli.runWith(Map.of("WATCHMEN_LEDGER_RETENTION_HOURS", "2"),
                    Cli.args(new String[] {"purge-ledger"}, Cli.db(db)));

            assertThat(purged.exitCode()).isEqualTo(2);
            assertThat(purged.err()).contains("WATCHMEN_LEDGER_RETENTION_HOURS=2");
        }
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) {
                parsed.add(JSON.readTree(line));
            }
        }
        return parsed;
    }
}
