package io.watchmen.cli;

import io.watchmen.bench.Bench;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench}: the performance harness (benchmarks module): ours against hand-written JDBC in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, usageHelpWidth = 120,
        description = {"Runs the performance scenarios: each runs ours and a hand-written JDBC baseline "
                + "interleaved (A B A B ...) in the same process, prints the medians of the rounds, writes "
                + "docs/performance.md and ends with one line per scenario: <scenario>: ratio=<x> goal=<y>.",
                "Scenarios: cascade (on --db), roundtrips (the cascade through a counting TCP proxy on --db: "
                + "round trips per trigger, and rates with 500 µs added to each), batch (10,000-item object on "
                + "--db), engine (in-memory H2), "
                + "coldstart (AWS shaded jar in fresh JVMs on H2 and --db; build adapter-aws first), concurrency "
                + "(on --db), footprint (artifact sizes, live heap). All when none is named. It writes into the "
                + "database: use a scratch database."},
        footer = {"", "Example:", "  ./watchmen bench --db jdbc:mariadb://127.0.0.1:3306/bench --db-user root",
                "  ./watchmen bench --db jdbc:h2:mem:bench engine"})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--rounds", defaultValue = "5", description = "Rounds per side (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--report", defaultValue = "docs/performance.md",
            description = "Markdown report to write (default: ${DEFAULT-VALUE}).")
    Path report;

    @Parameters(paramLabel = "<scenario>", arity = "0..*", description = "cascade, roundtrips, batch, engine, coldstart, concurrency, footprint")
    List<String> scenarios = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String command = "--db " + database.url + (database.user == null ? "" : " --db-user " + database.user)
                + " " + String.join(" ", scenarios);
        Bench.run(database.url, database.user == null ? "root" : database.user,
                database.password == null ? "" : database.password, rounds, report, scenarios, command.trim());
        return ExitCodes.OK;
    }
}
