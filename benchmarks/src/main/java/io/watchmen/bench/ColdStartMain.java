package io.watchmen.bench;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * The cold-start child: a fresh JVM with the AWS adapter's shaded jar builds {@code S3TriggerHandler} as Lambda
 * does and hands it one S3 event; it prints {@code done} once the object is done and exits. Runs from a class
 * directory of its own (only this class), so nothing of the harness is on its class path.
 *
 * <p>Arguments: bucket, key, version id, size, and optionally {@code sequential}: the handler is then built as before
 * the init thread existed (the core runtime built on the first object, after the S3 client and the read), through
 * the handler's two-argument constructor, so that one run compares both.
 */
public final class ColdStartMain {

    private ColdStartMain() {
    }

    public static void main(String[] args) throws Exception {
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(args[1],
                Long.parseLong(args[3]), "etag", args[2], null);
        S3EventNotification.S3Entity entity = new S3EventNotification.S3Entity("bench",
                new S3EventNotification.S3BucketEntity(args[0], null, "arn:aws:s3:::" + args[0]), object, "1.0");
        S3Event event = new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1",
                "ObjectCreated:Put", "aws:s3", null, "2.1", null, null, entity, null)));
        Class<?> type = Class.forName("io.watchmen.aws.S3TriggerHandler");
        boolean sequential = args.length > 4 && args[4].equals("sequential");
        Object handler = sequential ? sequential(type) : type.getConstructor().newInstance();
        Object summary = type.getMethod("handleRequest", S3Event.class,
                Class.forName("com.amazonaws.services.lambda.runtime.Context")).invoke(handler, event, null);
        System.out.println("done " + summary);
        System.out.flush();
        System.exit(0);
    }

    /** {@code new S3TriggerHandler(FunctionRuntime.fromEnvironment(), S3Clients.fromEnvironment(env))}: no init thread. */
    private static Object sequential(Class<?> type) throws Exception {
        Class<?> runtimeType = Class.forName("io.watchmen.core.trigger.function.FunctionRuntime");
        Object runtime = runtimeType.getMethod("fromEnvironment").invoke(null);
        Method clients = Class.forName("io.watchmen.aws.S3Clients").getDeclaredMethod("fromEnvironment", Map.class);
        clients.setAccessible(true);
        Object s3 = clients.invoke(null, System.getenv());
        return type.getConstructor(runtimeType, Class.forName("software.amazon.awssdk.services.s3.S3Client"))
                .newInstance(runtime, s3);
    }
}
