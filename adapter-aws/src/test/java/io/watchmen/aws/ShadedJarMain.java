package io.watchmen.aws;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link ShadedJarIT} in a separate JVM whose classpath is the shaded jar plus what Lambda provides: the
 * event is deserialized the way the Lambda runtime does it and handed to the production constructor.
 */
public final class ShadedJarMain {

    private ShadedJarMain() {
    }

    public static void main(String[] args) throws Exception {
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
}
