package io.watchmen.cli;

import io.watchmen.core.config.Settings;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.samples.ExpectedResults;
import io.watchmen.samples.Expectation;
import io.watchmen.samples.SampleInstaller;
import io.watchmen.samples.SampleObject;
import io.watchmen.samples.Samples;
import io.watchmen.samples.TopicRows;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The demo: a fresh embedded H2 file database in a folder the demo owns, the samples installed, every sample
 * object processed as a cloud function would, then a readable summary. Same input, same database: same output
 * apart from ids and times.
 */
final class DemoRun {

    /** The business topics shown, in the order data flows through them. */
    private static final List<String> SHOWN = List.of("raw_order", "order_fact", "order_item", "customer_summary",
            "daily_sales");

    private static final String MARKER = ".watchmen-demo-folder";

    private final Map<String, String> environment;
    private final picocli.CommandLine spec;
    private final PrintWriter out;

    DemoRun(Map<String, String> environment, picocli.CommandLine command) {
        this.environment = environment;
        this.spec = command;
        this.out = command.getOut();
    }

    int run(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        reset(dir);
        String url = "jdbc:h2:file:" + dir.resolve("watchmen");
        Settings settings = CliSettings.build(environment, url, "sa", "");
        out.println("Watchmen demo: embedded H2 database " + url);
        out.println("Samples: tenant " + Samples.tenant().tenantId() + ", user " + Samples.adminUser().name()
                + " (role " + Samples.adminUser().role().json() + ") with a personal access token, "
                + Samples.topics().size() + " topics, " + Samples.pipelines().size() + " pipelines.");
        out.println();
        boolean allSucceeded;
        try (CoreRuntime runtime = CoreRuntime.create(settings)) {
            SampleInstaller.install(runtime, settings.crypto().patHashed());
            allSucceeded = processObjects(runtime);
            for (String name : SHOWN) {
                printTopic(runtime, Samples.topic(name));
            }
            printMonitorLog(runtime);
            List<String> differences = ExpectedResults.check(runtime);
            if (differences.isEmpty()) {
                out.println("Every topic matches the expected rows of the samples.");
            } else {
                out.println("Differences from the expected rows of the samples:");
                differences.forEach(difference -> out.println("  " + difference));
            }
        }
        out.println();
        out.println("The database stays in " + dir + " until the next demo. Run more objects against it with");
        out.println("  ./watchmen run --db " + url + " <file-or-folder>...");
        out.flush();
        return allSucceeded ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private boolean processObjects(CoreRuntime runtime) {
        TextTable table = new TextTable(List.of("object", "item", "status", "trace id", "data id", "pipeline runs"));
        boolean allSucceeded = true;
        int items = 0;
        List<SampleObject> objects = Samples.objects();
        for (SampleObject object : objects) {
            ObjectOutcome outcome = runtime.handle(object.toStorageObject());
            for (ItemOutcome item : outcome.items()) {
                items++;
                allSucceeded &= item.status() != ItemStatus.ERROR;
                String pipelines = item.status() == ItemStatus.ERROR
                        ? item.errorCode() + ": " + item.error() : runs(item);
                table.add(List.of(object.name(), String.valueOf(item.index()), item.status().json(),
                        nullToEmpty(item.traceId()), item.dataId() == null ? "" : String.valueOf(item.dataId()),
                        pipelines));
            }
        }
        out.println("Storage objects: " + objects.size() + " objects, " + items + " trigger items");
        table.print(out);
        out.println();
        return allSucceeded;
    }

    /** The pipeline runs of an item by status, e.g. {@code 3 DONE}. */
    private static String runs(ItemOutcome item) {
        Map<String, Integer> byStatus = new TreeMap<>();
        item.pipelines().forEach(run -> byStatus.merge(String.valueOf(run.status()), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        byStatus.forEach((status, count) -> parts.add(count + " " + status));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private void printTopic(CoreRuntime runtime, Topic topic) {
        List<String> columns = new ArrayList<>();
        for (Factor factor : topic.factors()) {
            boolean stored = topic.isRaw() ? factor.isFlatten() : !factor.name().contains(".");
            if (stored) {
                columns.add(factor.name());
            }
        }
        if (topic.isAggregation()) {
            columns.add("version_");
        }
        List<Map<String, Object>> rows = new ArrayList<>(TopicRows.read(runtime.registry().forTopic(topic), topic));
        rows.sort(Comparator.comparing(row -> sortKey(topic.name(), row)));
        TextTable table = new TextTable(columns);
        for (Map<String, Object> row : rows) {
            table.add(columns.stream().map(row::get).map(value -> (Object) (value == null ? "" : value)).toList());
        }
        out.println("Topic " + topic.name() + " (" + topic.type().json() + "): " + rows.size() + " rows");
        table.print(out);
        out.println();
    }

    private void printMonitorLog(CoreRuntime runtime) {
        Topic log = Samples.topic(Topic.MONITOR_LOG_TOPIC_NAME);
        Map<String, int[]> counts = new TreeMap<>();
        List<Map<String, Object>> rows = TopicRows.read(runtime.registry().forTopic(log), log);
        for (Map<String, Object> row : rows) {
            int[] count = counts.computeIfAbsent(String.valueOf(row.get("pipelineId")), k -> new int[2]);
            count["ERROR".equals(row.get("status")) ? 1 : 0]++;
        }
        TextTable table = new TextTable(List.of("pipeline", "DONE", "ERROR"));
        counts.forEach((pipeline, count) -> table.add(List.of(pipeline, String.valueOf(count[0]),
                String.valueOf(count[1]))));
        out.println("Monitor log (" + Topic.MONITOR_LOG_TOPIC_NAME + "): " + rows.size() + " pipeline runs");
        table.print(out);
        out.println();
    }

    private static String sortKey(String topic, Map<String, Object> row) {
        for (Expectation expectation : Samples.expectations()) {
            if (expectation.topic().equals(topic)) {
                List<String> parts = new ArrayList<>();
                expectation.key().forEach(key -> parts.add(ExpectedResults.text(row.get(key))));
                parts.add(ExpectedResults.text(row.get("id_")));
                return String.join("|", parts);
            }
        }
        return ExpectedResults.text(row.get("id_"));
    }

    /** Deletes what an earlier demo left; a folder the demo did not create (no marker file) is never touched. */
    private void reset(Path dir) {
        try {
            Path marker = dir.resolve(MARKER);
            if (Files.exists(dir) && !Files.exists(marker) && !isEmpty(dir)) {
                throw new picocli.CommandLine.ParameterException(spec,
                        "The folder " + dir + " is not empty and was not made by the demo: choose another --dir.");
            }
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dir);
            Files.writeString(marker, "Made by ./watchmen demo; deleted with this folder by the next demo.\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reset the demo folder " + dir, e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
