package io.watchmen.cli;

import io.watchmen.core.config.Settings;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.samples.SampleInstaller;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code watchmen}: runs Watchmen pipelines locally exactly as the serverless functions do. Subcommands:
 * {@code demo}, {@code run}, {@code init}, {@code import}, {@code dead-letters}, {@code replay}, {@code bench},
 * {@code reliability}. Exit codes: 0 success, 1 failure, 2 usage error.
 */
@Command(name = "watchmen", mixinStandardHelpOptions = true, usageHelpWidth = 120, version = "watchmen 0.1.0",
        subcommands = {WatchmenCommand.Demo.class, WatchmenCommand.Run.class, WatchmenCommand.Init.class,
                WatchmenCommand.Import.class, DeadLetterCommands.List_.class, DeadLetterCommands.Replay.class,
                DeadLetterCommands.PurgeLedger.class,
                BenchCommand.class, ReliabilityCommand.class, CommandLine.HelpCommand.class},
        description = {"Runs Watchmen data pipelines locally, exactly as the serverless functions run them: "
                + "each storage object {\"code\": <topic>, \"data\": {...}, \"pat\": <token>} is authenticated "
                + "by its PAT, gets a snowflake trace id, is saved into its topic, and every pipeline it "
                + "triggers runs."},
        footer = {"", "Examples:",
                "  ./watchmen demo",
                "  ./watchmen init --db jdbc:mysql://localhost:3306/watchmen --db-user watchmen --db-password",
                "  ./watchmen import --db jdbc:h2:file:./local/watchmen --samples",
                "  ./watchmen run --db jdbc:h2:file:./local/watchmen samples/src/main/resources/io/watchmen/samples/objects",
                "", "Exit codes: 0 success, 1 an object or operation failed, 2 usage or configuration error.",
                "Settings other than the database come from the environment (docs/configuration.md)."})
public final class WatchmenCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Log each item and print stack traces of failures (stderr).")
    boolean verbose;

    public WatchmenCommand() {
        this(io.watchmen.core.config.Settings.processEnvironment());
    }

    /** A command reading the given environment instead of the process's (tests). */
    public WatchmenCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The command line with this project's exit codes and error printing. */
    public static CommandLine commandLine(Map<String, String> environment) {
        WatchmenCommand root = new WatchmenCommand(environment);
        ExitCodes exitCodes = new ExitCodes(root);
        return new CommandLine(root)
                .setExitCodeExceptionMapper(exitCodes)
                .setExecutionExceptionHandler(exitCodes);
    }

    public static void main(String[] args) {
        if (List.of(args).contains("-v") || List.of(args).contains("--verbose")) {
            // before the first logger exists: slf4j-simple reads its levels once
            System.setProperty("org.slf4j.simpleLogger.log.io.watchmen", "info");
        }
        System.exit(commandLine(io.watchmen.core.config.Settings.processEnvironment()).execute(args));
    }

    Map<String, String> environment() {
        return environment;
    }

    boolean verbose() {
        return verbose;
    }

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, usageHelpWidth = 120,
            description = {"Runs the sample orders domain end to end on an embedded H2 file database: creates the "
                    + "meta tables, a tenant, an admin with a PAT, the sample topics, pipelines and tables, "
                    + "processes every sample storage object as a cloud function would, and prints each object's "
                    + "status and trace id, the rows of every sample topic and the monitor-log statuses.",
                    "The folder is reset on every run, so running it twice gives the same result."},
            footer = {"", "Example:", "  ./watchmen demo", "  ./watchmen demo --dir /tmp/watchmen-demo",
                    "", "Exit code 0 when every object succeeds, else 1."})
    static final class Demo implements Callable<Integer> {

        @ParentCommand
        WatchmenCommand root;

        @Spec
        CommandSpec spec;

        @Option(names = "--dir", defaultValue = ".watchmen-demo", paramLabel = "<folder>",
                description = "Folder of the demo database, deleted and recreated on each run "
                        + "(default: ${DEFAULT-VALUE}).")
        Path dir;

        @Override
        public Integer call() {
            return new DemoRun(root.environment(), spec.commandLine()).run(dir);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, usageHelpWidth = 120,
            description = {"Processes storage-object files as the cloud functions do, against the metadata "
                    + "(topics, pipelines, PATs) in the given database. A folder stands for its *.json and "
                    + "*.ndjson files in name order. An object may hold one document, a JSON array of them, or "
                    + "NDJSON.",
                    "Prints exactly one JSON line per trigger item on stdout: "
                            + "{\"object\", \"index\", \"status\": \"done\"|\"error\"|\"skipped\", \"traceId\", "
                            + "\"dataId\", \"error\"} (absent fields omitted). Logs go to stderr. An object done "
                            + "before (same folder, name and content) is skipped."},
            footer = {"", "Example:",
                    "  ./watchmen run --db jdbc:h2:file:./local/watchmen samples/src/main/resources/io/watchmen/samples/objects",
                    "  META_STORAGE_PASSWORD=... ./watchmen run --db jdbc:postgresql://db:5432/watchmen --db-user watchmen inbox/a.json",
                    "", "Exit code 0 when every item is done or skipped, 1 when any failed, 2 on usage errors."})
    static final class Run implements Callable<Integer> {

        @ParentCommand
        WatchmenCommand root;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(arity = "1..*", paramLabel = "<path>", description = "Storage-object files or folders.")
        List<Path> paths;

        @Override
        public Integer call() {
            List<Path> files = ObjectFiles.expand(spec, paths);
            Settings settings = CliSettings.build(root.environment(), database);
            CommandLine command = spec.commandLine();
            try (CoreRuntime runtime = CoreRuntime.create(settings)) {
                runtime.prime(); // fail fast on a wrong URL or password, before any object is read
                ProgressBar progress = new ProgressBar(command.getErr(), files.size(),
                        files.size() > 20 && ProgressBar.stderrIsTerminal());
                boolean allDone = new ObjectRunner(runtime, command.getOut(), progress).runAll(files);
                return allDone ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true, usageHelpWidth = 120,
            description = {"Creates Watchmen's meta tables (tenants, users, pats, data_sources, topics, pipelines, "
                    + "snowflake worker tables, ...) and this project's own wmx_ tables when they are absent. "
                    + "Existing tables are never altered."},
            footer = {"", "Example:", "  ./watchmen init --db jdbc:h2:file:./local/watchmen",
                    "  ./watchmen init --db jdbc:mariadb://localhost:3306/watchmen --db-user root"})
    static final class Init implements Callable<Integer> {

        @ParentCommand
        WatchmenCommand root;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            Settings settings = CliSettings.build(root.environment(), database);
            try (CoreRuntime runtime = CoreRuntime.create(settings)) {
                MetaSchema.createIfAbsent(runtime.registry().meta().dataSource());
                ProjectTables.createIfAbsent(runtime);
            }
            spec.commandLine().getOut().println("Meta tables are in place in " + database.url);
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, usageHelpWidth = 120,
            description = {"Loads tenants, users, PATs, data sources, external writers, topics and pipelines from "
                    + "JSON in Watchmen's shape into the meta database (upsert by id), creating the meta tables "
                    + "and missing topic tables. A file holds one object with the arrays \"tenants\", \"users\", "
                    + "\"pats\" (each with its \"token\"), \"dataSources\", \"externalWriters\", \"topics\", "
                    + "\"pipelines\"; or one entity; or a JSON array of entities. Folders are read recursively "
                    + "(*.json). See docs/configuration.md#import-files."},
            footer = {"", "Example:", "  ./watchmen import --db jdbc:h2:file:./local/watchmen watchmen-export.json",
                    "  ./watchmen import --db jdbc:h2:file:./local/watchmen --samples"})
    static final class Import implements Callable<Integer> {

        @ParentCommand
        WatchmenCommand root;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--samples", description = "Also import the sample orders domain (tenant, admin, PAT, "
                + "topics, pipelines) that ./watchmen demo uses.")
        boolean samples;

        @Parameters(arity = "0..*", paramLabel = "<file-or-folder>", description = "JSON files or folders.")
        List<Path> paths = List.of();

        @Override
        public Integer call() {
            if (paths.isEmpty() && !samples) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Give at least one file or folder to import, or --samples.");
            }
            ImportSet set = ImportSet.read(paths);
            Settings settings = CliSettings.build(root.environment(), database);
            try (CoreRuntime runtime = CoreRuntime.create(settings)) {
                boolean hashed = settings.crypto().patHashed();
                if (samples) {
                    SampleInstaller.install(runtime, hashed);
                    spec.commandLine().getOut().println("Imported the samples (tenant, admin, PAT, topics, "
                            + "pipelines, topic tables).");
                }
                if (set.size() > 0) {
                    new Importer(runtime.registry(), hashed).importAll(set, spec.commandLine().getOut());
                }
            }
            return ExitCodes.OK;
        }
    }
}
