package io.watchmen.cli;

import io.watchmen.core.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process with captured stdout and stderr. */
final class Cli {

    /** A fixed snowflake worker id: no lease to claim in tests. */
    static final Map<String, String> ENV = Map.of("SNOWFLAKE_COMPETITIVE_WORKERS", "false",
            "SNOWFLAKE_WORKER_ID", "9");

    record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().filter(line -> !line.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return runWith(Map.of(), args);
    }

    /** Runs with more environment variables than {@link #ENV}. */
    static Result runWith(Map<String, String> extraEnvironment, String... args) {
        Map<String, String> environment = new java.util.HashMap<>(ENV);
        environment.putAll(extraEnvironment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = WatchmenCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code --db <url> --db-user <user> --db-password=<password>} for a test database. */
    static String[] db(TestDb db) {
        return new String[] {"--db", db.jdbcUrl(), "--db-user", db.user(), "--db-password=" + db.password()};
    }

    /** {@code import --samples} into a test database. */
    static Result importSamples(TestDb db) {
        return run(args(new String[] {"import"}, args(db(db), "--samples")));
    }

    static String[] args(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    static Path resource(Class<?> test, String name) {
        try {
            return Path.of(test.getResource(test.getSimpleName() + "/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
