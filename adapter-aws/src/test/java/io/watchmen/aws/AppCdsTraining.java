package io.watchmen.aws;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.sun.net.httpserver.HttpServer;
import io.watchmen.core.config.Settings;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.samples.SampleInstaller;
import io.watchmen.samples.Samples;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The build's AppCDS training run, not a test: the package phase starts it after the shade step in a JVM with
 * {@code -XX:DumpLoadedClassList}, then dumps the listed classes that the Lambda jar, aws-lambda-java-core and H2
 * hold into {@code target/watchmen-aws-lambda.jsa} (docs/aws.md, "Start-up"). It hands one sample order to the
 * production handler and S3 client as Lambda would on a cold start: an H2 file meta database with the sample
 * metadata, an S3 stand-in over HTTP, credentials and region from the environment the build sets.
 *
 * <p>Argument: a fresh directory for the meta database.
 */
public final class AppCdsTraining {

    private AppCdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("WATCHMEN_META_JDBC_URL", "jdbc:h2:file:" + Path.of(args[0], "meta").toAbsolutePath());
        env.put("META_STORAGE_USER_NAME", "sa");
        env.put("META_STORAGE_PASSWORD", "");
        // The samples are installed by a runtime of their own, closed before the handler starts cold.
        try (FunctionRuntime setup = runtime(env)) {
            SampleInstaller.install((CoreRuntime) setup.handler(), false);
        }
        byte[] object = Samples.bytes("objects/001-order-SO-1001.json");
        HttpServer s3 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s3.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"training\"");
            exchange.sendResponseHeaders(200, object.length);
            exchange.getResponseBody().write(object);
            exchange.close();
        });
        s3.start();
        try (FunctionRuntime runtime = runtime(env)) {
            env.put(S3Clients.ENDPOINT_VARIABLE, "http://127.0.0.1:" + s3.getAddress().getPort());
            Map<String, Object> summary = new S3TriggerHandler(runtime, S3Clients.fromEnvironment(env))
                    .handleRequest(event("training", "incoming/order.json", object.length), null);
            if (!summary.get("succeeded").toString().contains("incoming/order.json")) {
                throw new IllegalStateException("The training object was not done: " + summary);
            }
        } finally {
            s3.stop(0);
        }
        System.exit(0);
    }

    /** As {@link FunctionRuntime#fromEnvironment()}, over the given variables. */
    private static FunctionRuntime runtime(Map<String, String> env) {
        return new FunctionRuntime(() -> CoreRuntime.create(Settings.fromEnvironment(env)), Clock.systemUTC());
    }

    private static S3Event event(String bucket, String key, long size) {
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(key, size, "etag",
                "v1", null);
        S3EventNotification.S3Entity entity = new S3EventNotification.S3Entity("training",
                new S3EventNotification.S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket), object, "1.0");
        return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1",
                "ObjectCreated:Put", "aws:s3", null, "2.1", null, null, entity, null)));
    }
}
