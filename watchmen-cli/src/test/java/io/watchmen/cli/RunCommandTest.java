package io.watchmen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.samples.SampleObject;
import io.watchmen.samples.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ./watchmen run: one JSON line per trigger item, exit 0/1, against H2 and MariaDB. */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void run_onTheSampleFolder_printsOneDoneLinePerItem_exit0(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clirun")) {
            assertThat(Cli.importSamples(db).exitCode()).isZero();
            Path folder = writeSamples();

            Cli.Result result = Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), folder.toString())));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<JsonNode> lines = parse(result);
            assertThat(lines).hasSize(24);
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.get("status").asText()).isEqualTo("done");
                assertThat(line.get("traceId").asText()).matches("\\d+");
                assertThat(line.get("dataId").asText()).matches("\\d+");
                assertThat(line.has("error")).isFalse();
            });
            assertThat(lines.get(0).get("object").asText()).endsWith("001-order-SO-1001.json");
            assertThat(lines).filteredOn(line -> line.get("object").asText().endsWith(".ndjson"))
                    .extracting(line -> line.get("index").asInt()).containsExactly(0, 1, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void run_sameObjectsAgain_areSkipped_exit0(TestDatabase database) throws Exception {
        try (TestDb db = database.create("cliskip")) {
            Cli.importSamples(db);
            Path folder = writeSamples();
            Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), folder.toString())));

            Cli.Result again = Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), folder.toString())));

            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(parse(again)).hasSize(24).allMatch(line -> line.get("status").asText().equals("skipped"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void run_withAMalformedObject_reportsIt_andStillRunsTheOthers_exit1(TestDatabase database) throws Exception {
        try (TestDb db = database.create("climalformed")) {
            Cli.importSamples(db);
            Path folder = Files.createDirectories(temp.resolve("mixed"));
            List<SampleObject> samples = Samples.objects();
            Files.write(folder.resolve("001-good.json"), samples.get(0).content());
            Files.copy(Cli.resource(RunCommandTest.class, "malformed.json"), folder.resolve("002-bad.json"));
            Files.write(folder.resolve("003-good.json"), samples.get(1).content());

            Cli.Result result = Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), folder.toString())));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            List<JsonNode> lines = parse(result);
            assertThat(lines).extracting(line -> line.get("status").asText()).containsExactly("done", "error", "done");
            JsonNode bad = lines.get(1);
            assertThat(bad.get("object").asText()).endsWith("002-bad.json");
            assertThat(bad.get("index").asInt()).isZero();
            assertThat(bad.get("error").asText()).startsWith("TRIGGER_MALFORMED");
            assertThat(bad.has("dataId")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void run_withAnUnknownPat_reportsUnauthorized_withoutThePat_exit1(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clipat")) {
            Cli.importSamples(db);
            Path object = Cli.resource(RunCommandTest.class, "unknown-pat.json");

            Cli.Result result = Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), object.toString())));

            assertThat(result.exitCode()).isEqualTo(1);
            JsonNode line = parse(result).get(0);
            assertThat(line.get("status").asText()).isEqualTo("error");
            assertThat(line.get("error").asText()).startsWith("PAT_UNAUTHORIZED");
            assertThat(result.out() + result.err()).doesNotContain("wmpat-unknown-token");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void run_onMoreThan20Objects_withATerminal_drawsAProgressBarOnStderr(TestDatabase database) throws Exception {
        try (TestDb db = database.create("cliprogress")) {
            Cli.importSamples(db);
            Path folder = writeSamples();
            System.setProperty("watchmen.stderr.tty", "true");
            Cli.Result result;
            try {
                result = Cli.run(Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), folder.toString())));
            } finally {
                System.clearProperty("watchmen.stderr.tty");
            }

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.err()).contains("] 1/22", "] 22/22");
            assertThat(parse(result)).hasSize(24);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void run_readsOtherSettingsFromTheEnvironment_likeAFunction(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clienv")) {
            Cli.importSamples(db);
            Path object = writeSamples().resolve(Samples.objects().get(0).name());

            Cli.Result result = Cli.runWith(java.util.Map.of("WATCHMEN_MAX_OBJECT_BYTES", "10"),
                    Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), object.toString())));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(parse(result).get(0).get("error").asText()).startsWith("OBJECT_TOO_LARGE");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void run_withAMalformedSetting_isAConfigurationError_exit2(TestDatabase database) throws Exception {
        try (TestDb db = database.create("clibadenv")) {
            Path object = writeSamples().resolve(Samples.objects().get(0).name());

            Cli.Result result = Cli.runWith(java.util.Map.of("SNOWFLAKE_WORKER_ID", "5000"),
                    Cli.args(new String[] {"run"}, Cli.args(Cli.db(db), object.toString())));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("CONFIG_INVALID", "SNOWFLAKE_WORKER_ID=5000");
            assertThat(result.out()).isEmpty();
        }
    }

    private Path writeSamples() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("objects"));
        for (SampleObject object : Samples.objects()) {
            Files.write(folder.resolve(object.name()), object.content());
        }
        Files.writeString(folder.resolve("README.txt"), "not an object: ignored");
        return folder;
    }

    private static List<JsonNode> parse(Cli.Result result) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : result.lines()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
