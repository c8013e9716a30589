package io.watchmen.core.trigger.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link FunctionRuntime#startBuilding()}: the build and warm-up on the init thread, joined by the first use. */
class FunctionRuntimeStartBuildingTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final FunctionLog log = new FunctionLog(lines::add);

    /** Records on which thread it was built and warmed up; succeeds every object. */
    private class Recording implements StorageObjectHandler, FunctionLifecycle {

        Recording() {
            calls.add("build on " + Thread.currentThread().getName());
        }

        @Override
        public ObjectOutcome handle(StorageObject object) {
            return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, ItemStatus.DONE, "9", 1L, null, null,
                    List.of())), Disposition.SUCCEEDED);
        }

        @Override
        public void warmUp() {
            calls.add("warm-up on " + Thread.currentThread().getName());
        }
    }

    private static PendingObject object(String key) {
        byte[] content = "{}".getBytes(StandardCharsets.UTF_8);
        return PendingObject.ofBytes(new ObjectRef("test", "bucket", key, "v1", content.length), content);
    }

    @Test
    void startBuilding_buildsAndWarmsUpOnTheInitThread_andTheFirstUseGetsThatHandler() {
        FunctionRuntime runtime = new FunctionRuntime(Recording::new, Clock.systemUTC());

        runtime.startBuilding();
        DeliveryReport report = runtime.deliver("test", "1", List.of(object("a")), log);

        assertThat(report.retryNeeded()).isFalse();
        assertThat(calls).containsExactly("build on watchmen-init", "warm-up on watchmen-init");
        assertThat(runtime.isBuilt()).isTrue();
    }

    @Test
    void startBuilding_twiceOrAfterTheBuild_buildsOnce() {
        AtomicInteger builds = new AtomicInteger();
        FunctionRuntime runtime = new FunctionRuntime(() -> {
            builds.incrementAndGet();
            return new Recording();
        }, Clock.systemUTC());

        runtime.startBuilding();
        runtime.startBuilding();
        runtime.handler();
        runtime.startBuilding();
        runtime.handler();

        assertThat(builds).hasValue(1);
    }

    @Test
    void firstUse_waitsForTheWarmUpToFinish() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FunctionRuntime runtime = new FunctionRuntime(() -> new Recording() {
            @Override
            public void warmUp() {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                calls.add("warmed up");
            }
        }, Clock.systemUTC());
        runtime.startBuilding();
        Thread releaser = new Thread(() -> {
            calls.add("releasing");
            release.countDown();
        });

        releaser.start();
        runtime.handler();
        calls.add("first use");
        releaser.join();

        assertThat(calls).containsSubsequence("releasing", "warmed up", "first use");
    }

    @Test
    void startBuilding_whenTheBuildFails_theFirstUseRetriesWithItsError_andTheNextBuildsAgain() {
        AtomicInteger builds = new AtomicInteger();
        FunctionRuntime runtime = new FunctionRuntime(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new IllegalArgumentException("META_STORAGE_PASSWORD is missing");
            }
            return new Recording();
        }, Clock.systemUTC());

        runtime.startBuilding();
        DeliveryReport first = runtime.deliver("test", "1", List.of(object("a")), log);
        DeliveryReport second = runtime.deliver("test", "2", List.of(object("a")), log);

        assertThat(first.deliveries()).extracting(Delivery::status).containsExactly(Delivery.Status.HANDLER_FAILED);
        assertThat(first.deliveries().get(0).failure())
                .isEqualTo("IllegalArgumentException: META_STORAGE_PASSWORD is missing");
        assertThat(second.retryNeeded()).isFalse();
        assertThat(builds).hasValue(2);
    }

    @Test
    void handler_whenTheBackgroundBuildFailed_throwsTheOriginalExceptionWithTheJoiningStack() {
        FunctionRuntime runtime = new FunctionRuntime(() -> {
            throw new IllegalStateException("database down");
        }, Clock.systemUTC());

        runtime.startBuilding();

        assertThatThrownBy(runtime::handler).isInstanceOf(IllegalStateException.class).hasMessage("database down")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                        .isEqualTo("joined the watchmen-init thread here"));
    }

    @Test
    void startBuilding_whenTheWarmUpFails_theBuiltHandlerStillServes() {
        FunctionRuntime runtime = new FunctionRuntime(() -> new Recording() {
            @Override
            public void warmUp() {
                throw new IllegalStateException("connection refused");
            }
        }, Clock.systemUTC());

        runtime.startBuilding();
        DeliveryReport report = runtime.deliver("test", "1", List.of(object("a")), log);

        assertThat(report.retryNeeded()).isFalse();
        assertThat(calls).containsExactly("build on watchmen-init");
    }
}
