package io.watchmen.aws;

import io.watchmen.samples.testing.SampleCore;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.watchmen.core.testing.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The shaded jar on its own (after {@code package}): a separate JVM with only the jar, the libraries Lambda provides
 * and H2 (this test's default meta database) deserializes an S3 event and reads the objects (found, gone, or through
 * the production endpoint) before handing them to the core. Reading must succeed or fail as S3 says, whatever the
 * core then does with the object, so the trimmed jar (S3 model, drivers) is proven to hold the classes the read
 * needs. One test runs the whole path on MariaDB through a {@code jdbc:mysql:} URL.
 */
class ShadedJarIT {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("ingest", "orders").build();

    private static String providedJar(String artifact) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(File.separator + artifact + "-")).findFirst().orElseThrow();
    }

    @Test
    void shadedJar_readsEveryObjectOfAnEvent() throws Exception {
        try (S3Client s3 = S3Clients.create(Map.of(S3Clients.ENDPOINT_VARIABLE, S3_MOCK.getServiceEndpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
            s3.putObject(request -> request.bucket("ingest").key("incoming/one object.json"),
                    RequestBody.fromString("{}"));
        }
        String output = runShadedJar("S3TriggerHandlerTest/one-record.json", Map.of(S3Clients.ENDPOINT_VARIABLE,
                S3_MOCK.getServiceEndpoint()), List.of());

        assertThat(objectLines(output)).as(output).singleElement().asString()
                .contains("\"key\":\"incoming/one object.json\"").doesNotContain("read_failed", "\"missing\"");
    }

    /** S3's error path (404, NoSuchKey / NoSuchVersion unmarshalling) with the trimmed model. */
    @Test
    void shadedJar_objectsThatAreGone_areReportedMissing() throws Exception {
        String output = runShadedJar("S3TriggerHandlerTest/three-records.json", Map.of(S3Clients.ENDPOINT_VARIABLE,
                S3_MOCK.getServiceEndpoint()), List.of());

        assertThat(objectLines(output)).as(output).hasSize(3)
                .allMatch(line -> line.contains("\"status\":\"missing\""));
    }

    /**
     * The production client (no endpoint override: S3's endpoint rules, virtual-host addressing, default credential
     * chain, signing, retries) up to the network, which a proxy that refuses every connection stands in for.
     */
    @Test
    void shadedJar_productionEndpoint_buildsSignsAndSendsTheRequest() throws Exception {
        String output = runShadedJar("S3TriggerHandlerTest/one-record.json", Map.of(), List.of(
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9", "-Dhttp.proxyHost=127.0.0.1",
                "-Dhttp.proxyPort=9", "-Dhttp.nonProxyHosts="));

        assertThat(objectLines(output)).as(output).singleElement().asString().contains("read_failed")
                .contains("Unable to execute HTTP request");
    }

    /**
     * The production jar end to end: a {@code jdbc:mysql:} URL served by MariaDB Connector/J, the default
     * (competitive) snowflake worker, the sample metadata; the order lands in its topics, and a redelivery is skipped.
     * Runs when {@code WATCHMEN_TEST_MARIADB_URL} names a server.
     */
    @Test
    void shadedJar_mysqlUrl_writesTheSampleOrderAndSkipsItsRedelivery() throws Exception {
        try (SampleCore core = SampleCore.start(TestDatabase.MARIADB, "awsjar");
             S3Client s3 = S3Clients.create(Map.of(S3Clients.ENDPOINT_VARIABLE, S3_MOCK.getServiceEndpoint()),
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
            s3.putObject(request -> request.bucket("orders").key("incoming/SO 1001+paid.json"),
                    RequestBody.fromBytes(SampleCore.sample("001-order-SO-1001.json")));
            String url = core.jdbcUrl();
            Map<String, String> env = Map.of(S3Clients.ENDPOINT_VARIABLE, S3_MOCK.getServiceEndpoint(),
                    "WATCHMEN_META_JDBC_URL", "jdbc:mysql:" + url.substring(url.indexOf("//")),
                    "META_STORAGE_USER_NAME", core.user(), "META_STORAGE_PASSWORD", core.password());

            String first = runShadedJar("S3TriggerHandlerCoreTest/single-record.json", env, List.of());
            String again = runShadedJar("S3TriggerHandlerCoreTest/single-record.json", env, List.of());

            assertThat(objectLines(first)).as(first).singleElement().asString()
                    .contains("\"status\":\"succeeded\"", "\"done\":1");
            assertThat(objectLines(again)).as(again).singleElement().asString()
                    .contains("\"status\":\"succeeded\"", "\"skipped\":1");
            assertThat(core.orderNos("raw_order")).containsExactly("SO-1001");
            assertThat(core.orderNos("order_fact")).containsExactly("SO-1001");
        }
    }

    /** The scheduled purge's handler from the jar: the runtime's Map input, the core, the ledger tables. */
    @Test
    void shadedJar_ledgerPurgeHandler_purgesAndLogsOneLine() throws Exception {
        String output = runShadedJar(String.join(File.pathSeparator, "target/watchmen-aws-lambda.jar",
                "target/test-classes", providedJar("aws-lambda-java-core"), providedJar("aws-lambda-java-serialization"),
                providedJar("h2")), List.of("purge", "target/test-classes/io/watchmen/aws/"
                + "LedgerPurgeHandlerTest/scheduled-event.json"), Map.of(), List.of());

        assertThat(output).contains("\"event\":\"watchmen.ledger.purge\"", "\"status\":\"purged\"", "\"purged\":0",
                "result: {requestId=null, purged=0");
    }

    /**
     * The build's AppCDS archive is one the JVM maps: a JVM whose class path starts with the archive's dump class
     * path takes the handler, the S3 client and the core from it ({@code -Xshare:on}: a rejected archive is an
     * error).
     */
    @Test
    void buildArchive_isMappedAndServesTheHandlerClasses() throws Exception {
        String dumped = Files.readString(Path.of("target/watchmen-aws-lambda.jsa.classpath")).strip();
        Path classes = Path.of("target/build-archive-classes.txt");
        runShadedJar(String.join(File.pathSeparator, dumped, "target/test-classes",
                providedJar("aws-lambda-java-serialization")), "S3TriggerHandlerTest/one-record.json", Map.of(
                S3Clients.ENDPOINT_VARIABLE, S3_MOCK.getServiceEndpoint()), List.of("-Xshare:on",
                "-XX:SharedArchiveFile=target/watchmen-aws-lambda.jsa", "-Xlog:class+load=info:file=" + classes));

        assertThat(Files.readString(classes)).contains(
                "io.watchmen.aws.S3TriggerHandler source: shared objects file",
                "software.amazon.awssdk.services.s3.DefaultS3Client source: shared objects file",
                "io.watchmen.core.trigger.function.FunctionRuntime source: shared objects file");
    }

    private static String runShadedJar(String eventFile, Map<String, String> env, List<String> jvmArgs)
            throws Exception {
        return runShadedJar(String.join(File.pathSeparator, "target/watchmen-aws-lambda.jar", "target/test-classes",
                providedJar("aws-lambda-java-core"), providedJar("aws-lambda-java-serialization"),
                // H2 is not in the Lambda jar; this test's meta database is an in-memory H2 added beside it
                providedJar("h2")), eventFile, env, jvmArgs);
    }

    private static String runShadedJar(String classpath, String eventFile, Map<String, String> env,
                                       List<String> jvmArgs) throws Exception {
        return runShadedJar(classpath, List.of("target/test-classes/io/watchmen/aws/" + eventFile), env, jvmArgs);
    }

    private static String runShadedJar(String classpath, List<String> arguments, Map<String, String> env,
                                       List<String> jvmArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, ShadedJarMain.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "WATCHMEN_META_JDBC_URL", "jdbc:h2:mem:shaded_jar_it",
                "META_STORAGE_USER_NAME", "sa"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "LinkageError");
        return output;
    }

    private static List<String> objectLines(String output) {
        return output.lines().filter(line -> line.contains("\"event\":\"watchmen.object\"")).toList();
    }
}
