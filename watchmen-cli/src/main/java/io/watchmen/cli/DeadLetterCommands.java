package io.watchmen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.config.Settings;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.DeadLetter;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.LedgerPurge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dead-letters} and {@code replay}: the operator's tools for items that failed for good. */
final class DeadLetterCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterCommands() {
    }

    @Command(name = "dead-letters", mixinStandardHelpOptions = true, usageHelpWidth = 120,
            description = {"Lists the dead-lettered trigger items (wmx_failed_deliveries): items that failed with a "
                    + "permanent error, or with a transient one more often than WATCHMEN_MAX_ATTEMPTS. One JSON line "
                    + "per item on stdout: {\"key\", \"object\", \"index\", \"traceId\", \"errorCode\", \"error\", "
                    + "\"attempts\", \"firstFailedAt\", \"lastFailedAt\"}. The item's content is not printed "
                    + "(it holds the PAT)."},
            footer = {"", "Example:", "  ./watchmen dead-letters --db jdbc:mariadb://db:3306/watchmen --db-user watchmen",
                    "", "Then fix the cause (a PAT, a topic, a pipeline) and run: ./watchmen replay --db ... --dead-letters"})
    static final class List_ implements Callable<Integer> {

        @ParentCommand
        WatchmenCommand root;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws Exception {
            Settings settings = CliSettings.build(root.environment(), database);
            try (CoreRuntime runtime = CoreRuntime.create(settings)) {
                runtime.prime();
                for (DeadLetter letter : runtime.deadLetters().list(limit)) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("key", letter.deliveryKey());
                    line.put("object", letter.key().ref().display());
                    line.put("index", letter.key().itemIndex());
                    line.put("traceId", letter.traceId());
                    line.put("errorCode", letter.errorCode() == null ? null : letter.errorCode().name());
                    line.put("error", letter.message());
                    line.put("attempts", letter.attempts());
                    line.put("firstFailedAt", String.valueOf(letter.firstFailedAt()));
                    line.put("lastFailedAt", String.valueOf(letter.lastFailedAt()));
                    spec.commandLine().getOut().println(JSON.writeValueAsString(line));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, usageHelpWidth = 120,
            description = {"Runs failed trigger items again, through the same path as a delivery and under their "
                    + "original delivery key (so a later redelivery of the object skips them). A success removes "
                    + "the failure record; a failure counts one more attempt. One JSON line per item, as run prints."},
            footer = {"", "Examples:", "  ./watchmen replay --db jdbc:h2:file:./local/watchmen --dead-letters",
                    "  ./watchmen replay --db ... --key 3f1c...e9", "  ./watchmen replay --db ... --object s3://inbox/orders/2024-03-15.json",
                    "", "Exit code 0 when every replayed item is done or skipped, 1 when any failed again."})
    static final class Replay implements Callable<Integer> {

        @ParentCommand
        WatchmenCommand root;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Selection selection;

        static final class Selection {
            @Option(names = "--dead-letters", required = true, description = "Every dead letter (up to --limit).")
            boolean all;

            @Option(names = "--key", required = true, paramLabel = "<delivery-key>",
                    description = "The failure records with these delivery keys (see dead-letters).")
            List<String> keys;

            @Option(names = "--object", required = true, paramLabel = "<provider://bucket/key>",
                    description = "The failed items of these objects, as dead-letters shows them.")
            List<String> objects;
        }

        @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            Settings settings = CliSettings.build(root.environment(), database);
            CommandLine command = spec.commandLine();
            boolean allDone = true;
            try (CoreRuntime runtime = CoreRuntime.create(settings)) {
                runtime.prime();
                List<DeadLetter> chosen = new ArrayList<>();
                if (selection.keys != null) {
                    for (String key : selection.keys) {
                        runtime.deadLetters().find(key).ifPresentOrElse(chosen::add, () -> command.getErr()
                                .println("watchmen: no failed delivery with key " + key));
                    }
                } else {
                    for (DeadLetter letter : runtime.deadLetters().list(limit)) {
                        if (selection.all || selection.objects.contains(letter.key().ref().display())) {
                            chosen.add(letter);
                        }
                    }
                }
                for (DeadLetter letter : chosen) {
                    ItemOutcome outcome = runtime.deadLetters().replay(letter.deliveryKey());
                    command.getOut().println(ItemLines.of(letter.key().ref().display(), outcome));
                    allDone &= outcome.status() != ItemStatus.ERROR;
                }
                if (selection.keys != null && chosen.size() < selection.keys.size()) {
                    allDone = false;
                }
            }
            return allDone ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "purge-ledger", mixinStandardHelpOptions = true, usageHelpWidth = 120,
            description = {"Deletes delivery-ledger rows (wmx_delivery_ledger) of items done longer ago than "
                    + "--older-than-hours, and the failure records of those items; dead letters stay. Keep them "
                    + "longer than the platform may redeliver an object (docs/operations.md: up to 7 days for Cloud "
                    + "Functions with --retry); an item redelivered after its row is purged runs again. Deployed "
                    + "functions run the same purge every hour."},
            footer = {"", "Example:", "  ./watchmen purge-ledger --db jdbc:mariadb://db:3306/watchmen --db-user watchmen "
                    + "--older-than-hours 192"})
    static final class PurgeLedger implements Callable<Integer> {

        @ParentCommand
        WatchmenCommand root;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--older-than-hours", paramLabel = "HOURS",
                description = "Purge rows done longer ago than this, at least " + Settings.MIN_LEDGER_RETENTION_HOURS
                        + " (default: WATCHMEN_LEDGER_RETENTION_HOURS, else " + Settings.DEFAULT_LEDGER_RETENTION_HOURS
                        + ", 8 days).")
        Long hours;

        @Override
        public Integer call() {
            if (hours != null && hours < Settings.MIN_LEDGER_RETENTION_HOURS) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--older-than-hours must be at least "
                        + Settings.MIN_LEDGER_RETENTION_HOURS + ": the platforms redeliver for hours");
            }
            Settings settings = CliSettings.build(root.environment(), database);
            Duration keep = hours == null ? settings.ledger().retention() : Duration.ofHours(hours);
            try (CoreRuntime runtime = CoreRuntime.create(settings)) {
                runtime.prime();
                LedgerPurge purge = runtime.purgeDeliveryLedger(keep);
                spec.commandLine().getOut().println("Purged " + purge.rows() + " ledger rows done more than "
                        + keep.toHours() + " hours ago (before " + purge.doneBefore() + ").");
            }
            return ExitCodes.OK;
        }
    }
}
