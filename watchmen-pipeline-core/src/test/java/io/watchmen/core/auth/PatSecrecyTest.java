package io.watchmen.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token must appear in no log line, no exception message, no toString and no stack trace. */
class PatSecrecyTest {

    static {
        // Debug output of the auth package too, when this class is the first to create its logger.
        System.setProperty("org.slf4j.simpleLogger.log.io.watchmen.core.auth", "debug");
    }

    private static final String SECRET = "Secr3tTok3n-zyxwvutsrq";

    @Test
    void rejections_neverRevealTheToken_inLogsOrExceptions() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        List<Throwable> failures = new ArrayList<>();
        try (TestDb db = PatFixtures.create(TestDatabase.H2);
             TestDb empty = TestDatabase.H2.create("patsecrecy")) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            PatAuthenticator auth = new PatAuthenticator(db.dataSource(), PatFixtures.crypto(false),
                    PatFixtures.clockAt(PatFixtures.MIDNIGHT.plusDays(5)));
            PatAuthenticator hashed = new PatAuthenticator(db.dataSource(), PatFixtures.crypto(true),
                    PatFixtures.clockAt(PatFixtures.MIDNIGHT));
            PatAuthenticator broken = new PatAuthenticator(empty.dataSource(), PatFixtures.crypto(false),
                    PatFixtures.clockAt(PatFixtures.MIDNIGHT));
            failures.add(catchThrowable(() -> auth.authenticate(SECRET, PatAuthenticator.PIPELINE_ROLES)));
            failures.add(catchThrowable(() -> hashed.authenticate(SECRET, PatAuthenticator.PIPELINE_ROLES)));
            failures.add(catchThrowable(() -> broken.authenticate(SECRET, PatAuthenticator.PIPELINE_ROLES)));
            failures.add(catchThrowable(() -> auth.authenticate(PatFixtures.DUPLICATE_TOKEN,
                    PatAuthenticator.PIPELINE_ROLES)));
            failures.add(catchThrowable(() -> auth.authenticate(PatFixtures.EXPIRING_TOKEN,
                    PatAuthenticator.PIPELINE_ROLES)));
            failures.add(catchThrowable(() -> auth.authenticate(PatFixtures.INACTIVE_TOKEN,
                    PatAuthenticator.PIPELINE_ROLES)));
            failures.add(catchThrowable(() -> auth.authenticate(PatFixtures.CONSOLE_TOKEN,
                    PatAuthenticator.PIPELINE_ROLES)));
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        // The capture works: the warnings (database failure, duplicate token) are always logged.
        assertThat(log).contains("PAT rejected");
        for (String token : List.of(SECRET, PatFixtures.DUPLICATE_TOKEN, PatFixtures.EXPIRING_TOKEN,
                PatFixtures.INACTIVE_TOKEN, PatFixtures.CONSOLE_TOKEN, PatHash.sha256Hex(SECRET))) {
            assertThat(log).doesNotContain(token);
            for (Throwable failure : failures) {
                // a rejection, or (for the broken database) a retryable storage failure
                assertThat(failure).isInstanceOf(io.watchmen.core.WatchmenException.class);
                assertThat(failure.getMessage()).doesNotContain(token);
                assertThat(failure.toString()).doesNotContain(token);
                assertThat(failure.getCause()).isNull();
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(token);
            }
        }
    }
}
