package io.watchmen.cli;

import io.watchmen.reliability.ReliabilityHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code reliability}: the exactly-once harness of the reliability module, with its own options. */
@Command(name = "reliability", mixinStandardHelpOptions = false, usageHelpWidth = 120,
        description = {"Proves exactly-once effect on a real database: duplicates (3 sequential and 8 concurrent "
                + "deliveries of each object, 10,000 randomized replays), crashes (a worker JVM killed with SIGKILL "
                + "100 times, then redelivery), the 77-case bad-input corpus, and contention (16 threads x 500 "
                + "objects on 10 aggregate rows). Prints a table (case, attempts, lost, duplicated, dead-lettered) "
                + "and as its last line: reliability: lost=<n> duplicated=<n> cases=<n>. It writes into the "
                + "database: use a scratch database. Options: --db <jdbc-url> [--db-user U] [--db-password P], "
                + "and flags to shrink each suite (--help-harness lists them)."},
        footer = {"", "Example:", "  ./watchmen reliability --db jdbc:mariadb://127.0.0.1:3306/scratch --db-user root",
                "", "Exit code 0 when nothing was lost or duplicated, 1 otherwise, 2 on usage errors."})
final class ReliabilityCommand implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return ReliabilityHarness.execute(arguments.toArray(String[]::new), System.out, System.err);
    }
}
