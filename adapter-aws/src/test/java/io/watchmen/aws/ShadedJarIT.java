package io.watchmen.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The shaded jar on its own (after {@code package}): a separate JVM with only the jar and the libraries Lambda
 * provides deserializes an S3 event, reads the object from S3Mock and hands it to the core. Reading must succeed
 * whatever the core then does with the object, so the trimmed jar is proven to hold the classes the read needs.
 */
class ShadedJarIT {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("ingest").build();

    private static String providedJar(String artifact) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(File.separator + artifact + "-")).findFirst().orElseThrow();
    }

    @Test
    void shadedJar_readsEveryObjectOfAnEvent() throws Exception {
        try (S3Client s3 = S3Clients.create(Map.of(S3Clients.ENDPOINT_VARIABLE, S3_MOCK.getServiceEndpoint()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
            for (String key : List.of("incoming/one object.json")) {
                s3.putObject(request -> request.bucket("ingest").key(key), RequestBody.fromString("{}"));
            }
        }
        String classpath = String.join(File.pathSeparator, "target/watchmen-aws-lambda.jar", "target/test-classes",
                providedJar("aws-lambda-java-core"), providedJar("aws-lambda-java-serialization"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, ShadedJarMain.class.getName(),
                "target/test-classes/io/watchmen/aws/S3TriggerHandlerTest/one-record.json").redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", S3Clients.ENDPOINT_VARIABLE, S3_MOCK.getServiceEndpoint(),
                "WATCHMEN_META_JDBC_URL", "jdbc:h2:mem:shaded_jar_it", "META_STORAGE_USER_NAME", "sa"));
        Process process = builder.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        List<String> lines = output.lines().filter(line -> line.contains("\"event\":\"watchmen.object\""))
                .collect(Collectors.toList());
        assertThat(lines).as(output).singleElement().asString()
                .contains("\"key\":\"incoming/one object.json\"").doesNotContain("read_failed", "\"missing\"");
        assertThat(output).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }
}
