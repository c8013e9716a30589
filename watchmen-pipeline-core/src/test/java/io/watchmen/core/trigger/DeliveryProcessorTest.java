package io.watchmen.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.auth.Principal;
import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.storage.UnitOfWork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeliveryProcessorTest {

    private static final int MAX_ATTEMPTS = 3;

    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger(MAX_ATTEMPTS);
    private final List<FakeUnitOfWork> units = new ArrayList<>();
    private final List<String> invokedTraceIds = new ArrayList<>();
    private final Set<String> healed = new HashSet<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final DeliveryProcessor processor = new DeliveryProcessor(new StorageObjectParser(1024 * 1024), ledger,
            this::authenticate, ids::incrementAndGet, this::newUnit, this::invoke);

    @Test
    void handle_whenEveryItemIsDone_succeeds_withOneTraceIdAndCommitPerItem() {
        ObjectOutcome outcome = processor.handle(object("two-good-items.ndjson"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.SUCCEEDED);
        assertThat(outcome.items()).extracting(ItemOutcome::status).containsExactly(ItemStatus.DONE, ItemStatus.DONE);
        assertThat(outcome.items()).extracting(ItemOutcome::traceId).containsExactly("1001", "1002");
        assertThat(outcome.items()).extracting(ItemOutcome::dataId).containsExactly(1L, 2L);
        assertThat(outcome.items().get(0).pipelines()).hasSize(1);
        assertThat(units).allSatisfy(unit -> assertThat(unit.committed && unit.closed).isTrue());
    }

    @Test
    void handle_ofTheSameObjectAgain_skipsEveryItem_andRunsNothing() {
        processor.handle(object("two-good-items.ndjson"));
        invokedTraceIds.clear();

        ObjectOutcome again = processor.handle(object("two-good-items.ndjson"));

        assertThat(again.disposition()).isEqualTo(Disposition.SUCCEEDED);
        assertThat(again.items()).extracting(ItemOutcome::status).containsExactly(ItemStatus.SKIPPED, ItemStatus.SKIPPED);
        assertThat(again.items()).extracting(ItemOutcome::traceId).containsExactly("1001", "1002");
        assertThat(invokedTraceIds).isEmpty();
    }

    @Test
    void handle_whenATransientErrorHasAttemptsLeft_asksForARetry_andKeepsTheDoneItem() {
        ObjectOutcome outcome = processor.handle(object("good-and-flaky.ndjson"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.RETRY);
        ItemOutcome failed = outcome.items().get(1);
        assertThat(failed.status()).isEqualTo(ItemStatus.ERROR);
        assertThat(failed.errorCode()).isEqualTo(ErrorCode.STORAGE_FAILED);
        assertThat(failed.error()).isEqualTo("Database went away.");
        assertThat(failed.traceId()).isEqualTo("1002");
        assertThat(units.get(1).rolledBack).isTrue();
        assertThat(units.get(1).committed).isFalse();
        assertThat(ledger.allFailures()).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.deadLettered()).isFalse();
            assertThat(letter.rawContent()).contains("\"flaky\"");
        });

        ObjectOutcome redelivered = processor.handle(object("good-and-flaky.ndjson"));
        assertThat(redelivered.items()).extracting(ItemOutcome::status)
                .containsExactly(ItemStatus.SKIPPED, ItemStatus.ERROR);
    }

    @Test
    void handle_whenATransientErrorUsesUpItsAttempts_deadLettersIt() {
        assertThat(processor.handle(object("flaky.json")).disposition()).isEqualTo(Disposition.RETRY);
        assertThat(processor.handle(object("flaky.json")).disposition()).isEqualTo(Disposition.RETRY);

        ObjectOutcome third = processor.handle(object("flaky.json"));

        assertThat(third.disposition()).isEqualTo(Disposition.DEAD_LETTERED);
        assertThat(ledger.deadLetters(10)).singleElement().extracting(DeadLetter::attempts).isEqualTo(3);
    }

    @Test
    void handle_whenAPermanentErrorOccurs_deadLettersAtOnce_andTheOtherItemIsDone() {
        ObjectOutcome outcome = processor.handle(object("good-and-denied.ndjson"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.DEAD_LETTERED);
        assertThat(outcome.items().get(0).status()).isEqualTo(ItemStatus.DONE);
        ItemOutcome denied = outcome.items().get(1);
        assertThat(denied.errorCode()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED);
        assertThat(denied.traceId()).isNull();
        assertThat(ledger.deadLetters(10)).singleElement().extracting(DeadLetter::attempts).isEqualTo(1);
    }

    @Test
    void handle_whenOneItemIsPermanentAndAnotherTransient_asksForARetry() {
        assertThat(processor.handle(object("denied-and-flaky.ndjson")).disposition()).isEqualTo(Disposition.RETRY);
    }

    @Test
    void handle_whenAnItemIsMalformed_deadLettersItWithoutRunningIt_andRunsTheOthers() {
        ObjectOutcome outcome = processor.handle(object("good-and-malformed.ndjson"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.DEAD_LETTERED);
        assertThat(outcome.items().get(0).status()).isEqualTo(ItemStatus.DONE);
        assertThat(outcome.items().get(1).errorCode()).isEqualTo(ErrorCode.TRIGGER_MALFORMED);
        assertThat(outcome.items().get(1).error()).contains("item 1: data must be a JSON object");
        assertThat(invokedTraceIds).hasSize(1);
    }

    @Test
    void handle_whenTheFailureCannotBeRecorded_asksForARetryEvenForAPermanentError() {
        ledger.failToRecord = true;

        assertThat(processor.handle(object("good-and-denied.ndjson")).disposition()).isEqualTo(Disposition.RETRY);
    }

    @Test
    void handle_whenTheKernelThrowsSomethingUnexpected_reportsInternal_withoutThePat() {
        ObjectOutcome outcome = processor.handle(object("crash.json"));

        ItemOutcome item = outcome.items().get(0);
        assertThat(item.errorCode()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(item.error()).startsWith("Unexpected IllegalStateException: ").doesNotContain("tok-secret-123")
                .contains("<masked>");
        assertThat(outcome.disposition()).isEqualTo(Disposition.RETRY);
        assertThat(ledger.allFailures().get(0).message()).doesNotContain("tok-secret-123");
    }

    @Test
    void logLines_ofFailedItems_neverCarryThePat() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            processor.handle(object("crash.json"));
            processor.handle(object("good-and-denied.ndjson"));
        } finally {
            System.setErr(original);
        }

        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).contains("trigger item object=mem://bucket/crash.json index=0").contains("errorCode=INTERNAL");
        assertThat(log).doesNotContain("tok-secret-123").doesNotContain("tok-denied");
    }

    @Test
    void replay_ofADeadLetter_runsItUnderItsOriginalKey_andTheObjectThenSkipsIt() {
        processor.handle(object("good-and-denied.ndjson"));
        DeadLetter letter = ledger.deadLetters(10).get(0);
        DeadLetters deadLetters = new DeadLetters(ledger, processor);
        healed.add("tok-denied");

        ItemOutcome replayed = deadLetters.replay(letter.deliveryKey());

        assertThat(replayed.status()).isEqualTo(ItemStatus.DONE);
        assertThat(replayed.index()).isEqualTo(1);
        assertThat(deadLetters.list(10)).isEmpty();
        assertThat(processor.handle(object("good-and-denied.ndjson")).items()).extracting(ItemOutcome::status)
                .containsExactly(ItemStatus.SKIPPED, ItemStatus.SKIPPED);
    }

    @Test
    void replay_ofAnUnknownKey_isDataNotFound() {
        DeadLetters deadLetters = new DeadLetters(ledger, processor);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> deadLetters.replay("nope"))
                .isInstanceOf(WatchmenException.class)
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.DATA_NOT_FOUND);
    }

    private Principal authenticate(String pat) {
        if (pat.equals("tok-denied") && !healed.contains(pat)) {
            throw new WatchmenException(ErrorCode.PAT_UNAUTHORIZED, "Unauthorized.");
        }
        return new Principal("u1", "admin", "t1", UserRole.ADMIN);
    }

    private UnitOfWork newUnit() {
        FakeUnitOfWork unit = new FakeUnitOfWork();
        units.add(unit);
        return unit;
    }

    private InvocationResult invoke(io.watchmen.core.model.pipeline.PipelineTriggerData data, String traceId,
                                    Principal principal, UnitOfWork work) {
        invokedTraceIds.add(traceId);
        switch (data.code()) {
            case "flaky" -> throw new WatchmenException(ErrorCode.STORAGE_FAILED, "Database went away.");
            case "crash" -> throw new IllegalStateException("bad state near tok-secret-123");
            default -> {
                long dataId = ((Number) data.data().get("n")).longValue();
                return new InvocationResult(traceId, dataId,
                        List.of(new PipelineRun("p1", "topic1", MonitorLogStatus.DONE, null)));
            }
        }
    }

    private static StorageObject object(String name) {
        try (InputStream in = DeliveryProcessorTest.class.getResourceAsStream("DeliveryProcessorTest/" + name)) {
            byte[] content = in.readAllBytes();
            return new StorageObject(new ObjectRef("mem", "bucket", name, null, content.length), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
