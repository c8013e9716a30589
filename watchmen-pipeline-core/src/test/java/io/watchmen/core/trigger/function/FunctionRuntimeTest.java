package io.watchmen.core.trigger.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FunctionRuntimeTest {

    private final List<String> lines = new ArrayList<>();
    private final FunctionLog log = new FunctionLog(lines::add);

    private static ObjectRef ref(String key) {
        return new ObjectRef("test", "bucket", key, "v1", 10);
    }

    /** Fails objects whose content is "retry", dead-letters "dead", succeeds otherwise. */
    private static ObjectOutcome byContent(StorageObject object) {
        String text = new String(object.content(), StandardCharsets.UTF_8);
        if (text.equals("retry")) {
            return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, ItemStatus.ERROR, "7", null,
                    ErrorCode.STORAGE_FAILED, "connection refused", List.of())), Disposition.RETRY);
        }
        if (text.equals("dead")) {
            return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, ItemStatus.ERROR, "8", null,
                    ErrorCode.PAT_UNAUTHORIZED, "Unauthorized.", List.of())), Disposition.DEAD_LETTERED);
        }
        return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, ItemStatus.DONE, "9", 1L, null, null,
                List.of())), Disposition.SUCCEEDED);
    }

    private static PendingObject object(String key, String content) {
        return PendingObject.ofBytes(ref(key), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deliver_everyObject_handledIndependentlyInOrder() {
        FunctionRuntime runtime = FunctionRuntime.of(FunctionRuntimeTest::byContent);

        DeliveryReport report = runtime.deliver("test", "req-1",
                List.of(object("a", "retry"), object("b", "ok"), object("c", "dead")), log);

        assertThat(report.deliveries()).extracting(Delivery::status).containsExactly(Delivery.Status.RETRY,
                Delivery.Status.SUCCEEDED, Delivery.Status.DEAD_LETTERED);
        assertThat(report.retryNeeded()).isTrue();
        assertThat(report.summary()).containsEntry("succeeded", List.of("test://bucket/b"))
                .containsEntry("retry", List.of("test://bucket/a"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"requestId\":\"req-1\"", "\"key\":\"a\"", "\"status\":\"retry\"",
                "\"traceIds\":[\"7\"]", "STORAGE_FAILED");
    }

    @Test
    void throwIfRetryNeeded_whenAnyRetry_throwsNamingTheObject() {
        FunctionRuntime runtime = FunctionRuntime.of(FunctionRuntimeTest::byContent);
        DeliveryReport report = runtime.deliver("test", "r", List.of(object("ok", "ok"), object("bad", "retry")), log);

        assertThatThrownBy(report::throwIfRetryNeeded).isInstanceOf(RetryableDeliveryException.class)
                .hasMessageContaining("1 of 2").hasMessageContaining("test://bucket/bad");
    }

    @Test
    void throwIfRetryNeeded_whenDeadLetteredOnly_returnsNormally() {
        FunctionRuntime runtime = FunctionRuntime.of(FunctionRuntimeTest::byContent);
        DeliveryReport report = runtime.deliver("test", "r", List.of(object("dead", "dead")), log);

        assertThat(report.throwIfRetryNeeded()).isSameAs(report);
    }

    @Test
    void deliver_whenReadFails_retriesThatObjectAndHandlesTheRest() {
        FunctionRuntime runtime = FunctionRuntime.of(FunctionRuntimeTest::byContent);
        PendingObject broken = new PendingObject(ref("broken"), () -> {
            throw new java.io.IOException("connection reset");
        });
        PendingObject gone = new PendingObject(ref("gone"), () -> {
            throw new ObjectMissingException("no such key", null);
        });

        DeliveryReport report = runtime.deliver("test", "r", List.of(broken, gone, object("ok", "ok")), log);

        assertThat(report.deliveries()).extracting(Delivery::status).containsExactly(Delivery.Status.READ_FAILED,
                Delivery.Status.MISSING, Delivery.Status.SUCCEEDED);
        assertThat(report.deliveries()).extracting(Delivery::disposition).containsExactly(Disposition.RETRY,
                Disposition.DEAD_LETTERED, Disposition.SUCCEEDED);
        assertThat(lines.get(0)).contains("connection reset");
    }

    @Test
    void deliver_whenHandlerThrows_retriesTheObject() {
        FunctionRuntime runtime = FunctionRuntime.of(object -> {
            throw new IllegalStateException("boom");
        });

        DeliveryReport report = runtime.deliver("test", "r", List.of(object("a", "x")), log);

        assertThat(report.deliveries().get(0).status()).isEqualTo(Delivery.Status.HANDLER_FAILED);
        assertThat(report.retryNeeded()).isTrue();
    }

    @Test
    void handler_acrossInvocations_builtOnceLazily() {
        AtomicInteger builds = new AtomicInteger();
        FunctionRuntime runtime = new FunctionRuntime(() -> {
            builds.incrementAndGet();
            return FunctionRuntimeTest::byContent;
        }, java.time.Clock.systemUTC());
        assertThat(runtime.isBuilt()).isFalse();

        runtime.deliver("test", "1", List.of(object("a", "ok")), log);
        runtime.deliver("test", "2", List.of(object("b", "ok"), object("c", "ok")), log);

        assertThat(builds).hasValue(1);
    }

    @Test
    void handler_whenBuildFails_isRetriedByTheNextCall() {
        AtomicInteger builds = new AtomicInteger();
        FunctionRuntime runtime = new FunctionRuntime(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return FunctionRuntimeTest::byContent;
        }, java.time.Clock.systemUTC());

        assertThat(runtime.deliver("test", "1", List.of(object("a", "ok")), log).retryNeeded()).isTrue();
        assertThat(runtime.deliver("test", "2", List.of(object("a", "ok")), log).retryNeeded()).isFalse();
    }

    @Test
    void lifecycle_forwardsToTheHandler() {
        List<String> calls = new ArrayList<>();
        class Fake implements io.watchmen.core.trigger.StorageObjectHandler, FunctionLifecycle {
            @Override public ObjectOutcome handle(StorageObject object) { return byContent(object); }
            @Override public void prime() { calls.add("prime"); }
            @Override public void suspend() { calls.add("suspend"); }
            @Override public void resume() { calls.add("resume"); }
            @Override public void close() { calls.add("close"); }
        }
        FunctionRuntime runtime = FunctionRuntime.of(new Fake());

        runtime.prime();
        runtime.suspend();
        runtime.resume();
        runtime.close();

        assertThat(calls).containsExactly("prime", "suspend", "resume", "close");
        assertThat(runtime.isBuilt()).isFalse();
    }

    @Test
    void logLine_longError_isCapped() {
        String longError = "x".repeat(1000);
        Delivery delivery = new Delivery(ref("k"), Disposition.RETRY, Delivery.Status.READ_FAILED, null, longError,
                null);

        assertThat(FunctionLog.line("r", delivery)).hasSizeLessThan(700).contains("...");
    }
}
