package io.watchmen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help texts and usage errors: exit 2, nothing touched. */
class UsageTest {

    @Test
    void root_withHelp_explainsItselfWithExamples_exit0() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("demo", "run", "init", "import", "Examples:", "./watchmen demo",
                "Exit codes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "run", "init", "import"})
    void subcommand_withHelp_explainsItselfWithAnExample_exit0(String subcommand) {
        Cli.Result result = Cli.run(subcommand, "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Usage: watchmen " + subcommand, "Example:", "./watchmen " + subcommand);
    }

    @Test
    void root_withoutSubcommand_printsUsage_exit2() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: watchmen");
    }

    @Test
    void run_withoutDb_isAUsageError_exit2() {
        Cli.Result result = Cli.run("run", "some.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--db");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void run_withoutPaths_isAUsageError_exit2() {
        Cli.Result result = Cli.run("run", "--db", "jdbc:h2:mem:usage");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("<path>");
    }

    @Test
    void run_withMissingPath_isAUsageError_exit2() {
        Cli.Result result = Cli.run("run", "--db", "jdbc:h2:mem:usage", "no/such/folder");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No such file or folder: no/such/folder");
    }

    @Test
    void run_withUnknownOption_isAUsageError_exit2() {
        Cli.Result result = Cli.run("run", "--db", "jdbc:h2:mem:usage", "--unknown-option");

        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void import_withNothingToImport_isAUsageError_exit2() {
        Cli.Result result = Cli.run("import", "--db", "jdbc:h2:mem:usage");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--samples");
    }

    @Test
    void unknownSubcommand_isAUsageError_exit2() {
        Cli.Result result = Cli.run("deploy");

        assertThat(result.exitCode()).isEqualTo(2);
    }
}
