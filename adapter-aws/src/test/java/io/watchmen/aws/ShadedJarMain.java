package io.watchmen.aws;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by {@link ShadedJarIT} in a separate JVM whose classpath is the shaded jar plus what Lambda provides: the
 * event is deserialized the way the Lambda runtime does it and handed to the production constructor. With the
 * arguments {@code purge <event>} the scheduled event goes to the ledger purge's handler instead.
 */
public final class ShadedJarMain {

    private ShadedJarMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("purge")) {
            purge(Path.of(args[1]));
            return;
        }
        S3Event event;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            event = LambdaEventSerializers.serializerFor(S3Event.class, ShadedJarMain.class.getClassLoader())
                    .fromJson(in);
        }
        try {
            System.out.println("result: " + new S3TriggerHandler().handleRequest(event, null));
        } catch (RuntimeException e) {
            System.out.println("thrown: " + e.getClass().getName());
        }
    }

    /** The runtime reads a handler's {@code Map} input with its Jackson-based POJO serializer. */
    @SuppressWarnings("unchecked")
    private static void purge(Path eventFile) throws Exception {
        Map<String, Object> event;
        try (InputStream in = Files.newInputStream(eventFile)) {
            event = (Map<String, Object>) JacksonFactory.getInstance().getSerializer(Map.class).fromJson(in);
        }
        System.out.println("result: " + new LedgerPurgeHandler().handleRequest(event, null));
    }
}
