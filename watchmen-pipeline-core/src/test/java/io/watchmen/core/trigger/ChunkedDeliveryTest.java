package io.watchmen.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.kernel.ExternalWriteRequest;
import io.watchmen.core.kernel.ExternalWriters;
import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.ExternalWriterType;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Items of one object in chunks (shared, deferring units of work) against the same object one item per unit: the
 * same rows, outcomes, monitor logs and failure records; every item done exactly once.
 */
class ChunkedDeliveryTest {

    private static final int CHUNK = 4;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chunkedObject_leavesWhatOneItemPerUnitLeaves(TestDatabase database) throws Exception {
        try (ChunkWorld single = new ChunkWorld(database, "oneby");
             ChunkWorld chunked = new ChunkWorld(database, "chunked")) {
            ObjectOutcome expected = single.runtime(1).handle(ChunkWorld.object("six-orders.ndjson"));
            AtomicInteger chunkCommits = new AtomicInteger();
            ObjectOutcome actual = chunked.runtime(CHUNK, null, unit -> InterceptedUnitOfWork.counting(unit,
                    chunkCommits)).handle(ChunkWorld.object("six-orders.ndjson"));

            assertThat(chunkCommits.get()).as("items 0-3 and 4-5").isEqualTo(2);
            assertThat(summary(actual)).isEqualTo(summary(expected));
            assertThat(actual.items()).extracting(ItemOutcome::status).containsOnly(ItemStatus.DONE);
            assertThat(chunked.tables()).isEqualTo(single.tables());
            assertThat(chunked.tables().totals()).extracting(row -> row.get(0) + " " + number(row.get(1)) + " "
                    + number(row.get(2)) + " v" + row.get(3)).containsExactly("ann 17.5 3 v3", "bob 4 2 v2", "cy 10 1 v1");
        }
    }

    static Stream<Arguments> badItemsInTheMiddle() {
        List<Arguments> cases = new ArrayList<>();
        for (TestDatabase database : TestDatabase.values()) {
            for (String object : List.of("bad-pat-at-3.ndjson", "unknown-topic-at-3.ndjson",
                    "pipeline-error-at-3.ndjson")) {
                cases.add(Arguments.of(database, object));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("badItemsInTheMiddle")
    void aBadItemInTheMiddleOfAChunk_givesTheOutcomesOfOneItemPerUnit_andTheGoodItemsOnce(TestDatabase database,
                                                                                           String object)
            throws Exception {
        try (ChunkWorld single = new ChunkWorld(database, "badone");
             ChunkWorld chunked = new ChunkWorld(database, "badchunk")) {
            ObjectOutcome expected = single.runtime(1).handle(ChunkWorld.object(object));
            AtomicInteger chunkUnits = new AtomicInteger();
            AtomicInteger chunkCommits = new AtomicInteger();
            CoreRuntime runtime = chunked.runtime(CHUNK, null, unit -> {
                chunkUnits.incrementAndGet();
                return InterceptedUnitOfWork.counting(unit, chunkCommits);
            });
            ObjectOutcome actual = runtime.handle(ChunkWorld.object(object));

            if (object.startsWith("pipeline-error")) {
                // item 3 is done (its pipeline run is in error): chunks keep their size
                assertThat(chunkUnits.get()).as("items 0-3 rolled back, 0-2 again, 4-5 (3 alone)").isEqualTo(3);
                assertThat(chunkCommits.get()).isEqualTo(2);
            } else {
                // item 3 failed: the next chunk shrinks to one item, 4 alone, then 5 is the last item
                assertThat(chunkUnits.get()).as("items 0-3 rolled back, 0-2 again, then 3, 4, 5 alone").isEqualTo(2);
                assertThat(chunkCommits.get()).isEqualTo(1);
            }
            assertThat(summary(actual)).isEqualTo(summary(expected));
            assertThat(actual.items().get(3).status()).isEqualTo(expected.items().get(3).status());
            assertThat(chunked.tables()).isEqualTo(single.tables());
            assertThat(failures(runtime)).isEqualTo(failures(single.runtime(1)));
            if (!object.startsWith("pipeline-error")) {
                assertThat(failures(runtime)).singleElement().asString().startsWith("3 ");
            }
            assertThat(chunked.rows("SELECT order_id FROM topic_order_event ORDER BY order_id"))
                    .extracting(row -> row.get(0)).doesNotHaveDuplicates().contains("o-1", "o-2", "o-3", "o-5", "o-6");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anObjectOfFailingItems_runsThemOneByOneAfterTheFirstChunk_withTheOutcomesOfOneItemPerUnit(
            TestDatabase database) throws Exception {
        byte[] content = new String(ChunkWorld.orders(12), StandardCharsets.UTF_8)
                .replace(ChunkWorld.PAT, "not-a-token").getBytes(StandardCharsets.UTF_8);
        try (ChunkWorld single = new ChunkWorld(database, "allbadone");
             ChunkWorld chunked = new ChunkWorld(database, "allbadchunk")) {
            ObjectOutcome expected = single.runtime(1).handle(ChunkWorld.object("all-bad.ndjson", content));
            AtomicInteger chunkUnits = new AtomicInteger();
            CoreRuntime runtime = chunked.runtime(CHUNK, null, unit -> {
                chunkUnits.incrementAndGet();
                return unit;
            });
            ObjectOutcome actual = runtime.handle(ChunkWorld.object("all-bad.ndjson", content));

            assertThat(actual.items()).extracting(ItemOutcome::status).containsOnly(ItemStatus.ERROR);
            assertThat(summary(actual)).isEqualTo(summary(expected));
            assertThat(chunkUnits.get()).as("only the first chunk is tried; every failure keeps the window at one")
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aGoodItemAfterAFailure_growsTheChunksBackOneTwoFour(TestDatabase database) throws Exception {
        String good = new String(ChunkWorld.orders(12), StandardCharsets.UTF_8);
        // item 0 fails (its own line with a bad token), items 1-11 are good
        String[] lines = good.split("\n");
        lines[0] = lines[0].replace(ChunkWorld.PAT, "not-a-token");
        byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        try (ChunkWorld chunked = new ChunkWorld(database, "growback")) {
            AtomicInteger chunkCommits = new AtomicInteger();
            CoreRuntime runtime = chunked.runtime(CHUNK, null,
                    unit -> InterceptedUnitOfWork.counting(unit, chunkCommits));
            ObjectOutcome outcome = runtime.handle(ChunkWorld.object("grow-back.ndjson", content));

            assertThat(outcome.items().get(0).status()).isEqualTo(ItemStatus.ERROR);
            assertThat(outcome.items().subList(1, 12)).extracting(ItemOutcome::status).containsOnly(ItemStatus.DONE);
            // 0-3 rolled back; 0 alone (fails: window 1); 1 alone (window 2); 2-3; 4-7; 8-11
            assertThat(chunkCommits.get()).isEqualTo(3);
            assertThat(chunked.rows("SELECT order_id FROM topic_order_event")).hasSize(11);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void redeliveryOfADoneObject_skipsEveryItem_andWritesNothing(TestDatabase database) throws Exception {
        try (ChunkWorld world = new ChunkWorld(database, "redeliver")) {
            CoreRuntime runtime = world.runtime(CHUNK);
            ObjectOutcome first = runtime.handle(ChunkWorld.object("six-orders.ndjson"));
            ChunkWorld.Tables after = world.tables();

            ObjectOutcome again = runtime.handle(ChunkWorld.object("six-orders.ndjson"));

            assertThat(again.items()).extracting(ItemOutcome::status).containsOnly(ItemStatus.SKIPPED);
            assertThat(again.items()).extracting(ItemOutcome::traceId)
                    .isEqualTo(first.items().stream().map(ItemOutcome::traceId).toList());
            assertThat(world.tables()).isEqualTo(after);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void redeliveryAfterACrashBeforeTheSecondChunkCommitted_doesEveryItemOnce(TestDatabase database)
            throws Exception {
        try (ChunkWorld world = new ChunkWorld(database, "crash");
             ChunkWorld clean = new ChunkWorld(database, "clean")) {
            AtomicInteger commits = new AtomicInteger();
            CoreRuntime crashing = world.runtime(CHUNK, null, unit -> new InterceptedUnitOfWork(unit, () -> {
                if (commits.incrementAndGet() == 2) {
                    throw new InterceptedUnitOfWork.SimulatedCrash();
                }
            }));
            assertThatThrownBy(() -> crashing.handle(ChunkWorld.object("six-orders.ndjson")))
                    .isInstanceOf(InterceptedUnitOfWork.SimulatedCrash.class);
            assertThat(world.rows("SELECT item_index FROM wmx_delivery_ledger ORDER BY item_index"))
                    .extracting(row -> row.get(0)).containsExactly("0", "1", "2", "3");

            ObjectOutcome redelivered = world.runtime(CHUNK).handle(ChunkWorld.object("six-orders.ndjson"));

            assertThat(redelivered.items()).extracting(ItemOutcome::status).containsExactly(ItemStatus.SKIPPED,
                    ItemStatus.SKIPPED, ItemStatus.SKIPPED, ItemStatus.SKIPPED, ItemStatus.DONE, ItemStatus.DONE);
            clean.runtime(1).handle(ChunkWorld.object("six-orders.ndjson"));
            assertThat(world.tables()).isEqualTo(clean.tables());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoThreadsDeliveringTheSameObject_doEveryItemExactlyOnce(TestDatabase database) throws Exception {
        try (ChunkWorld world = new ChunkWorld(database, "twothreads")) {
            CoreRuntime runtime = world.runtime(8);
            StorageObject object = ChunkWorld.object("forty.ndjson", ChunkWorld.orders(40));
            CountDownLatch start = new CountDownLatch(1);
            Callable<ObjectOutcome> deliver = () -> {
                start.await();
                return runtime.handle(object);
            };
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<ObjectOutcome> outcomes = new ArrayList<>();
            try {
                Future<ObjectOutcome> a = threads.submit(deliver);
                Future<ObjectOutcome> b = threads.submit(deliver);
                start.countDown();
                outcomes.add(a.get());
                outcomes.add(b.get());
            } finally {
                threads.shutdownNow();
            }
            outcomes.add(runtime.handle(object)); // what a platform retry of a failed delivery would do

            Map<Integer, Integer> done = new HashMap<>();
            for (ObjectOutcome outcome : outcomes) {
                for (ItemOutcome item : outcome.items()) {
                    if (item.status() == ItemStatus.DONE) {
                        done.merge(item.index(), 1, Integer::sum);
                    }
                }
            }
            assertThat(done).hasSize(40).allSatisfy((index, times) -> assertThat(times).isEqualTo(1));
            assertThat(world.rows("SELECT order_id FROM topic_order_event")).hasSize(40)
                    .extracting(row -> row.get(0)).doesNotHaveDuplicates();
            assertThat(world.rows("SELECT order_id FROM topic_order_fact")).hasSize(40);
            assertThat(world.rows("SELECT orders FROM topic_customer_total")).hasSize(5)
                    .extracting(row -> new java.math.BigDecimal(row.get(0)).intValueExact()).containsOnly(8);
            assertThat(world.rows("SELECT item_index FROM wmx_delivery_ledger")).hasSize(40);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void writeToExternal_callsTheWriterOncePerItem_andTurnsChunksOffForTheObject(TestDatabase database)
            throws Exception {
        try (ChunkWorld world = new ChunkWorld(database, "external")) {
            world.writer().saveExternalWriter(new ExternalWriter("w-count", "counting", "count",
                    ExternalWriterType.STANDARD_WRITER, "writer-pat", "http://localhost:1/never", "T1", null, null,
                    null, null, 1L));
            world.writer().savePipeline(WatchmenJson.mapper().readValue(ChunkWorld.fixture("external-pipeline.json"),
                    Pipeline.class));
            List<Object> written = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger chunkUnits = new AtomicInteger();
            CoreRuntime runtime = world.runtime(CHUNK, ExternalWriters.none().with("counting",
                    (ExternalWriteRequest request) -> written.add(request.currentData().get("order_id"))), unit -> {
                        chunkUnits.incrementAndGet();
                        return unit;
                    });

            ObjectOutcome outcome = runtime.handle(ChunkWorld.object("six-orders.ndjson"));

            assertThat(outcome.items()).extracting(ItemOutcome::status).containsOnly(ItemStatus.DONE);
            assertThat(outcome.items()).flatExtracting(ItemOutcome::pipelines).extracting(PipelineRun::error)
                    .containsOnlyNulls();
            assertThat(written).containsExactly("o-1", "o-2", "o-3", "o-4", "o-5", "o-6");
            assertThat(chunkUnits.get()).isEqualTo(1);
            assertThat(world.rows("SELECT order_id FROM topic_order_event")).hasSize(6);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aFailedChunkCommit_runsTheChunksItemsOneByOne(TestDatabase database) throws Exception {
        try (ChunkWorld world = new ChunkWorld(database, "failcommit");
             ChunkWorld single = new ChunkWorld(database, "failsingle")) {
            AtomicBoolean failed = new AtomicBoolean();
            CoreRuntime runtime = world.runtime(CHUNK, null, unit -> new InterceptedUnitOfWork(unit, () -> {
                if (failed.compareAndSet(false, true)) {
                    throw new io.watchmen.core.WatchmenException(io.watchmen.core.ErrorCode.STORAGE_FAILED,
                            "Deadlock found when trying to get lock", null);
                }
            }));

            ObjectOutcome outcome = runtime.handle(ChunkWorld.object("six-orders.ndjson"));

            assertThat(outcome.items()).extracting(ItemOutcome::status).containsOnly(ItemStatus.DONE);
            single.runtime(1).handle(ChunkWorld.object("six-orders.ndjson"));
            assertThat(world.tables()).isEqualTo(single.tables());
        }
    }

    /** Per item: index, status, error code, and each pipeline run's pipeline and status. */
    private static List<String> summary(ObjectOutcome outcome) {
        List<String> lines = new ArrayList<>();
        lines.add("disposition " + outcome.disposition());
        for (ItemOutcome item : outcome.items()) {
            lines.add(item.index() + " " + item.status() + " " + item.errorCode() + " " + (item.dataId() != null)
                    + " " + item.pipelines().stream().map(run -> run.pipelineId() + ":" + run.status()).toList());
        }
        return lines;
    }

    /** Failure records: item index, error code, dead-lettered. */
    private static List<String> failures(CoreRuntime runtime) {
        return runtime.deadLetters().list(100).stream().map(letter -> letter.key().itemIndex() + " "
                + letter.errorCode() + " " + letter.deadLettered()).sorted().toList();
    }

    private static String number(String text) {
        return new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
    }
}
