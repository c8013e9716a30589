package io.watchmen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./watchmen demo: the main job end to end on an embedded H2 file database. */
class DemoCommandTest {

    @TempDir
    Path temp;

    @Test
    void demo_onAFreshFolder_processesEverySample_andPrintsTheSummary_exit0() {
        Path dir = temp.resolve("demo");

        Cli.Result result = Cli.run("demo", "--dir", dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Storage objects: 22 objects, 24 trigger items",
                "001-order-SO-1001.json", "022-orders-batch.ndjson",
                "Topic raw_order (raw): 24 rows", "Topic order_fact (distinct): 21 rows",
                "Topic order_item (distinct)", "Topic customer_summary (aggregate): 5 rows",
                "Topic daily_sales (time): 3 rows",
                "Monitor log (raw_pipeline_monitor_log): 72 pipeline runs",
                "Every topic matches the expected rows of the samples.");
        assertThat(result.out()).doesNotContain(" error ", "ERROR:");
        assertThat(result.out()).doesNotContain(io.watchmen.samples.Samples.patToken());
        assertThat(dir.resolve("watchmen.mv.db")).exists();
    }

    @Test
    void demo_runTwice_givesTheSameRows() {
        Path dir = temp.resolve("twice");

        Cli.Result first = Cli.run("demo", "--dir", dir.toString());
        Cli.Result second = Cli.run("demo", "--dir", dir.toString());

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(topicsSection(second.out())).isEqualTo(topicsSection(first.out()));
    }

    @Test
    void demo_inAFolderItDidNotMake_refuses_exit2() throws Exception {
        Path foreign = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(foreign.resolve("precious.txt"), "keep me");

        Cli.Result result = Cli.run("demo", "--dir", foreign.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not made by the demo");
        assertThat(foreign.resolve("precious.txt")).exists();
    }

    /** The rows of every topic and the monitor log: the same on every run (ids and trace ids are not in it). */
    private static String topicsSection(String out) {
        int start = out.indexOf("Topic raw_order");
        int end = out.indexOf("The database stays");
        return out.substring(start, end);
    }
}
