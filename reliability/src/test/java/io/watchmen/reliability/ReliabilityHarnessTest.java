package io.watchmen.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityHarnessTest {

    @Test
    void print_endsWithTheSummaryLineAndFailsOnAnyLoss() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ok = ReliabilityHarness.print(List.of(
                new CaseResult("a", 3, 0, 0, 0, 0, List.of()),
                new CaseResult("b", 5, 2, 1, 1, 0, List.of("two lost"))), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(ok).isFalse();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("reliability: lost=2 duplicated=1 cases=2");
        assertThat(lines.get(0)).contains("case", "attempts", "lost", "duplicated", "dead-lettered");
    }

    @Test
    void options_keepTheIssueDefaultsAndShrinkByFlags() {
        HarnessOptions defaults = HarnessOptions.parse(new String[] {"--db", "jdbc:h2:mem:x"});
        HarnessOptions small = HarnessOptions.parse(new String[] {"--db", "jdbc:h2:mem:x", "--kills", "5",
                "--replays", "100", "--skip", "crash"});

        assertThat(defaults.kills()).isEqualTo(100);
        assertThat(defaults.replays()).isEqualTo(10_000);
        assertThat(defaults.contentionThreads()).isEqualTo(16);
        assertThat(defaults.contentionObjects()).isEqualTo(500);
        assertThat(defaults.bigObjectBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(defaults.objectEvents()).isEqualTo(3_000);
        assertThat(defaults.objectItems()).isEqualTo(700);
        assertThat(defaults.chunkSize()).isEqualTo(500);
        assertThat(small.kills()).isEqualTo(5);
        assertThat(small.replays()).isEqualTo(100);
        assertThat(small.runs("crash")).isFalse();
        assertThatThrownBy(() -> HarnessOptions.parse(new String[] {"--kills", "5"}))
                .hasMessageContaining("--db is required");
    }
}
