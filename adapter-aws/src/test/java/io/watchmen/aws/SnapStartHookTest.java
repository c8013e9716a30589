package io.watchmen.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import io.watchmen.core.trigger.function.FunctionLifecycle;
import io.watchmen.core.trigger.function.FunctionRuntime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class SnapStartHookTest {

    private final List<String> calls = new ArrayList<>();

    private final class Recording implements StorageObjectHandler, FunctionLifecycle {
        @Override
        public ObjectOutcome handle(StorageObject object) {
            return new ObjectOutcome(object.ref(), List.of(), Disposition.SUCCEEDED);
        }

        @Override public void prime() { calls.add("prime"); }
        @Override public void suspend() { calls.add("suspend"); }
        @Override public void resume() { calls.add("resume"); }
    }

    @Test
    void beforeCheckpoint_buildsPrimesThenSuspends_afterRestoreResumes() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        FunctionRuntime runtime = new FunctionRuntime(() -> {
            builds.incrementAndGet();
            return new Recording();
        }, java.time.Clock.systemUTC());
        SnapStartHook hook = new SnapStartHook(runtime);

        hook.beforeCheckpoint(null);
        hook.afterRestore(null);

        assertThat(calls).containsExactly("prime", "suspend", "resume");
        assertThat(builds).hasValue(1);
    }

    @Test
    void beforeCheckpoint_warmsTheReadPathBeforePriming() throws Exception {
        SnapStartHook hook = new SnapStartHook(FunctionRuntime.of(new Recording()), () -> calls.add("read warm-up"));

        hook.beforeCheckpoint(null);

        assertThat(calls).containsExactly("read warm-up", "prime", "suspend");
    }

    @Test
    void beforeCheckpoint_aFailedReadWarmUp_stillPrimesAndSuspends() throws Exception {
        SnapStartHook hook = new SnapStartHook(FunctionRuntime.of(new Recording()), () -> {
            throw new IllegalStateException("no warm-up");
        });

        hook.beforeCheckpoint(null);

        assertThat(calls).containsExactly("prime", "suspend");
    }

    @Test
    void readWarmUp_readsACannedObjectThroughTheProductionReadPath() {
        assertThat(S3Clients.warmUp(Region.EU_WEST_1)).asString(StandardCharsets.UTF_8).isEqualTo("{}");
    }

    @Test
    void handler_holdsItsHookStrongly() {
        S3TriggerHandler handler = new S3TriggerHandler(FunctionRuntime.of(new Recording()),
                S3Clients.fromEnvironment(java.util.Map.of("AWS_REGION", "eu-west-1")));

        assertThat(handler.snapStartHook()).isNotNull();
    }
}
