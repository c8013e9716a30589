package io.watchmen.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.cloud.functions.HttpFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy.sh run as an operator runs it, against a fake {@code gcloud} on the PATH that records every call (one
 * argument per line) and answers {@code describe}: the purge function is deployed with its HTTP entry point, and a
 * Cloud Scheduler job POSTs to its URL every hour.
 */
class DeployScriptTest {

    private static final String PURGE_URL = "https://watchmen-ledger-purge-abc123-ew.a.run.app";
    private static final String FAKE_GCLOUD = """
            #!/usr/bin/env bash
            { echo '---'; printf '%s\\n' "$@"; } >> "$GCLOUD_LOG"
            case "$*" in
              "functions describe"*) echo "$PURGE_URL" ;;
              "scheduler jobs describe"*) [ "${JOB_EXISTS:-}" = yes ] || exit 1 ;;
            esac
            """;

    @TempDir
    Path dir;

    /** Runs a copy of deploy.sh (with a stand-in jar) and returns the recorded gcloud calls. */
    private List<List<String>> deploy(Map<String, String> extraEnv) throws Exception {
        Process process = start(extraEnv);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        List<List<String>> calls = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("gcloud.log"))) {
            if (line.equals("---")) {
                calls.add(new ArrayList<>());
            } else {
                calls.get(calls.size() - 1).add(line);
            }
        }
        return calls;
    }

    private Process start(Map<String, String> extraEnv) throws Exception {
        Files.copy(Path.of("deploy.sh"), dir.resolve("deploy.sh"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/watchmen-gcp-function.jar"), "jar");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("gcloud"), FAKE_GCLOUD);
        Files.setPosixFilePermissions(bin.resolve("gcloud"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = dir.resolve("gcloud.log");
        Files.writeString(log, "");

        ProcessBuilder builder = new ProcessBuilder("bash", dir.resolve("deploy.sh").toString())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("PATH", bin + ":" + System.getenv("PATH"), "GCLOUD_LOG", log.toString(),
                "PURGE_URL", PURGE_URL, "BUCKET", "orders", "REGION", "europe-west1",
                "META_JDBC_URL", "jdbc:mysql://10.0.0.5:3306/watchmen", "META_PASSWORD_SECRET", "watchmen-meta",
                "SCHEDULER_SA", "purge-scheduler@project.iam.gserviceaccount.com"));
        builder.environment().putAll(extraEnv);
        return builder.start();
    }

    /**
     * The variables of a {@code --set-env-vars} value as gcloud reads a dictionary flag: split on commas, or on the
     * delimiter between the carets of a leading {@code ^DELIM^} (`gcloud topic escaping`); a key ends at its first
     * '='.
     */
    private static Map<String, String> envVars(String value) {
        String delimiter = ",";
        if (value.startsWith("^") && value.indexOf('^', 1) > 1) {
            delimiter = value.substring(1, value.indexOf('^', 1));
            value = value.substring(delimiter.length() + 2);
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String pair : value.split(Pattern.quote(delimiter), -1)) {
            int equals = pair.indexOf('=');
            assertThat(equals).as("'=' in " + pair).isPositive();
            assertThat(vars.put(pair.substring(0, equals), pair.substring(equals + 1))).as(pair).isNull();
        }
        return vars;
    }

    private static List<String> call(List<List<String>> calls, String... prefix) {
        return find(calls, prefix).orElseThrow(() -> new AssertionError("no call " + String.join(" ", prefix)
                + " in " + calls));
    }

    private static Optional<List<String>> find(List<List<String>> calls, String... prefix) {
        return calls.stream().filter(args -> args.size() >= prefix.length
                && args.subList(0, prefix.length).equals(List.of(prefix))).findFirst();
    }

    private static String option(List<String> args, String name) {
        return args.stream().filter(arg -> arg.startsWith(name + "=")).map(arg -> arg.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + args));
    }

    private static Class<?> entryPoint(List<String> deploy) throws ClassNotFoundException {
        return Class.forName(option(deploy, "--entry-point"));
    }

    @Test
    void deploy_purgeFunction_isAPrivateHttpFunctionOnThePurgeEntryPoint() throws Exception {
        List<String> purge = call(deploy(Map.of()), "functions", "deploy", "watchmen-ledger-purge");

        assertThat(entryPoint(purge)).isEqualTo(LedgerPurgeFunction.class);
        assertThat(HttpFunction.class).isAssignableFrom(entryPoint(purge));
        assertThat(purge).contains("--trigger-http", "--no-allow-unauthenticated", "--max-instances=1");
        assertThat(envVars(option(purge, "--set-env-vars"))).containsEntry("WATCHMEN_LEDGER_RETENTION_HOURS", "192");
    }

    @Test
    void deploy_purgeFunction_readsTheSameMetaDatabaseAsTheStorageTrigger() throws Exception {
        List<List<String>> calls = deploy(Map.of());
        List<String> purge = call(calls, "functions", "deploy", "watchmen-ledger-purge");
        List<String> trigger = call(calls, "functions", "deploy", "watchmen-gcs-trigger");

        for (List<String> deploy : List.of(purge, trigger)) {
            assertThat(envVars(option(deploy, "--set-env-vars")))
                    .containsEntry("WATCHMEN_META_JDBC_URL", "jdbc:mysql://10.0.0.5:3306/watchmen")
                    .containsEntry("META_STORAGE_USER_NAME", "watchmen");
        }
        assertThat(option(purge, "--set-secrets")).isEqualTo(option(trigger, "--set-secrets"));
        assertThat(option(purge, "--source")).isEqualTo(option(trigger, "--source"));
        assertThat(CloudEventsFunction.class).isAssignableFrom(entryPoint(trigger));
    }

    @Test
    void deploy_schedulerJob_postsToThePurgeFunctionEveryHourAsTheSchedulerAccount() throws Exception {
        List<List<String>> calls = deploy(Map.of());
        List<String> job = call(calls, "scheduler", "jobs", "create", "http", "watchmen-ledger-purge");

        assertThat(option(job, "--schedule")).isEqualTo("0 * * * *");
        assertThat(option(job, "--uri")).isEqualTo(PURGE_URL);
        assertThat(option(job, "--http-method")).isEqualTo("POST");
        assertThat(option(job, "--oidc-service-account-email"))
                .isEqualTo("purge-scheduler@project.iam.gserviceaccount.com");
        assertThat(call(calls, "functions", "add-invoker-policy-binding", "watchmen-ledger-purge"))
                .contains("--member=serviceAccount:purge-scheduler@project.iam.gserviceaccount.com");
    }

    @Test
    void deploy_again_updatesTheSchedulerJob() throws Exception {
        List<List<String>> calls = deploy(Map.of("JOB_EXISTS", "yes", "LEDGER_RETENTION_HOURS", "240"));

        assertThat(find(calls, "scheduler", "jobs", "create")).isEmpty();
        assertThat(option(call(calls, "scheduler", "jobs", "update", "http", "watchmen-ledger-purge"), "--uri"))
                .isEqualTo(PURGE_URL);
        assertThat(envVars(option(call(calls, "functions", "deploy", "watchmen-ledger-purge"), "--set-env-vars")))
                .containsEntry("WATCHMEN_LEDGER_RETENTION_HOURS", "240");
    }

    @Test
    void deploy_jdbcUrlWithCommas_reachesBothFunctionsWhole() throws Exception {
        String url = "jdbc:mysql://10.0.0.5:3306,10.0.0.6:3306/watchmen?sessionVariables=sql_mode=ANSI,wait_timeout=60";
        List<List<String>> calls = deploy(Map.of("META_JDBC_URL", url));

        for (String function : List.of("watchmen-gcs-trigger", "watchmen-ledger-purge")) {
            Map<String, String> vars = envVars(option(call(calls, "functions", "deploy", function), "--set-env-vars"));
            assertThat(vars).containsEntry("WATCHMEN_META_JDBC_URL", url)
                    .containsEntry("META_STORAGE_USER_NAME", "watchmen");
        }
    }

    @Test
    void deploy_valueHoldingTheDelimiter_isRefusedBeforeAnyDeploy() throws Exception {
        Process process = start(Map.of("META_JDBC_URL", "jdbc:mysql://db/watchmen?x=|~|"));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("WATCHMEN_META_JDBC_URL", "|~|");
        assertThat(Files.readString(dir.resolve("gcloud.log"))).isEmpty();
    }
}
