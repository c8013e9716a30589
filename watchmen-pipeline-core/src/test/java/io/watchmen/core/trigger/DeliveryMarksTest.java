package io.watchmen.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exactly-once when topics live in other databases than the meta database: done marks follow the data into each
 * data source an item used, so a crash between the data sources' commits and the ledger's is found on redelivery.
 */
class DeliveryMarksTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void itemWritingToOtherDataSources_leavesItsMarkInEach_andNoneInTheMetaDatabase(TestDatabase database)
            throws Exception {
        try (MarksWorld world = new MarksWorld(database, "marked")) {
            ObjectOutcome outcome = world.runtime(1).handle(MarksWorld.orders("one", 0, 1));

            String traceId = outcome.items().get(0).traceId();
            assertThat(outcome.items()).extracting(ItemOutcome::status).containsExactly(ItemStatus.DONE);
            assertThat(MarksWorld.marks(world.dataA)).containsExactly(traceId);
            assertThat(MarksWorld.marks(world.dataB)).containsExactly(traceId);
            assertThat(MarksWorld.column(world.dataB, "SELECT data_sources FROM wmx_delivery_marks"))
                    .containsExactly("ds-a,ds-b");
            assertThat(MarksWorld.hasTable(world.meta, "wmx_delivery_marks")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoDataSourcesOnOneDatabase_eachHoldsItsOwnMark(TestDatabase database) throws Exception {
        try (MarksWorld world = new MarksWorld(database, "shared", true)) {
            ObjectOutcome outcome = world.runtime(1).handle(MarksWorld.orders("one", 0, 1));

            String traceId = outcome.items().get(0).traceId();
            assertThat(outcome.items()).extracting(ItemOutcome::status).containsExactly(ItemStatus.DONE);
            assertThat(MarksWorld.column(world.dataA, "SELECT data_source FROM wmx_delivery_marks"
                    + " ORDER BY data_source")).containsExactly("ds-a", "ds-b");
            assertThat(MarksWorld.marks(world.dataA)).containsExactly(traceId, traceId);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void itemOfATopicInTheMetaDatabase_writesNoMark(TestDatabase database) throws Exception {
        try (MarksWorld world = new MarksWorld(database, "single")) {
            ObjectOutcome outcome = world.runtime(1).handle(MarksWorld.local("local.json"));

            assertThat(outcome.items()).extracting(ItemOutcome::status).containsExactly(ItemStatus.DONE);
            assertThat(MarksWorld.marks(world.dataA)).isEmpty();
            assertThat(MarksWorld.marks(world.dataB)).isEmpty();
            assertThat(MarksWorld.hasTable(world.meta, "wmx_delivery_marks")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chunkOfItems_marksEachItemInEachDataSource(TestDatabase database) throws Exception {
        try (MarksWorld world = new MarksWorld(database, "chunkmark")) {
            ObjectOutcome outcome = world.runtime(4).handle(MarksWorld.orders("six", 0, 6));

            List<String> traceIds = outcome.items().stream().map(ItemOutcome::traceId).sorted().toList();
            assertThat(outcome.items()).extracting(ItemOutcome::status).containsOnly(ItemStatus.DONE);
            assertThat(MarksWorld.marks(world.dataA)).containsExactlyInAnyOrderElementsOf(traceIds);
            assertThat(MarksWorld.marks(world.dataB)).containsExactlyInAnyOrderElementsOf(traceIds);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void crashBetweenTheDataSourceCommitsAndTheMetaCommit_redeliverySkipsTheItem_andRepairsTheLedger(
            TestDatabase database) throws Exception {
        try (MarksWorld world = new MarksWorld(database, "crashed")) {
            assertThatThrownBy(() -> world.crashingRuntime(1, 2).handle(MarksWorld.orders("one", 0, 1)))
                    .isInstanceOf(InterceptedUnitOfWork.SimulatedCrash.class);
            List<String> crashedTrace = MarksWorld.marks(world.dataA);
            assertThat(world.orderIds()).containsExactly("o-0");
            assertThat(world.ledger()).isEmpty();

            ObjectOutcome redelivered = world.runtime(1).handle(MarksWorld.orders("one", 0, 1));

            assertThat(redelivered.items()).extracting(ItemOutcome::status).containsExactly(ItemStatus.SKIPPED);
            assertThat(redelivered.items()).extracting(ItemOutcome::traceId).isEqualTo(crashedTrace);
            assertThat(redelivered.disposition()).isEqualTo(Disposition.SUCCEEDED);
            assertThat(world.orderIds()).containsExactly("o-0");
            assertThat(world.factIds()).containsExactly("o-0");
            assertThat(world.ledger()).isEqualTo(crashedTrace);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void partialCommitAcrossTwoDataSources_redeliveryDeadLettersTheItemInDoubt_andWritesNothing(
            TestDatabase database) throws Exception {
        try (MarksWorld world = new MarksWorld(database, "partial")) {
            // ds-b was used last, so it commits first: it committed, ds-a and the meta database did not
            assertThatThrownBy(() -> world.crashingRuntime(1, 1).handle(MarksWorld.orders("one", 0, 1)))
                    .isInstanceOf(InterceptedUnitOfWork.SimulatedCrash.class);
            assertThat(world.orderIds()).isEmpty();
            assertThat(world.factIds()).containsExactly("o-0");
            List<String> crashedTrace = MarksWorld.marks(world.dataB);

            CoreRuntime runtime = world.runtime(1);
            ObjectOutcome redelivered = runtime.handle(MarksWorld.orders("one", 0, 1));

            ItemOutcome item = redelivered.items().get(0);
            assertThat(item.status()).isEqualTo(ItemStatus.ERROR);
            assertThat(item.errorCode()).isEqualTo(ErrorCode.DELIVERY_IN_DOUBT);
            assertThat(item.error()).contains("[ds-b]", "not in [ds-a]", crashedTrace.get(0));
            assertThat(redelivered.disposition()).isEqualTo(Disposition.DEAD_LETTERED);
            assertThat(runtime.deadLetters().list(10)).extracting(DeadLetter::errorCode)
                    .containsExactly(ErrorCode.DELIVERY_IN_DOUBT);
            assertThat(world.orderIds()).isEmpty();
            assertThat(world.factIds()).containsExactly("o-0");
            assertThat(MarksWorld.marks(world.dataA)).isEmpty();
            assertThat(MarksWorld.marks(world.dataB)).isEqualTo(crashedTrace);
            assertThat(world.ledger()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void chunkedObjectCrashingBetweenCommits_redeliveryLeavesEveryItemOnce(TestDatabase database) throws Exception {
        try (MarksWorld world = new MarksWorld(database, "chunkcrash")) {
            assertThatThrownBy(() -> world.crashingRuntime(4, 2).handle(MarksWorld.orders("six", 0, 6)))
                    .isInstanceOf(InterceptedUnitOfWork.SimulatedCrash.class);
            assertThat(world.orderIds()).containsExactly("o-0", "o-1", "o-2", "o-3");

            ObjectOutcome redelivered = world.runtime(4).handle(MarksWorld.orders("six", 0, 6));

            assertThat(redelivered.items()).extracting(ItemOutcome::status).containsExactly(ItemStatus.SKIPPED,
                    ItemStatus.SKIPPED, ItemStatus.SKIPPED, ItemStatus.SKIPPED, ItemStatus.DONE, ItemStatus.DONE);
            assertThat(redelivered.disposition()).isEqualTo(Disposition.SUCCEEDED);
            List<String> all = List.of("o-0", "o-1", "o-2", "o-3", "o-4", "o-5");
            assertThat(world.orderIds()).isEqualTo(all);
            assertThat(world.factIds()).isEqualTo(all);
            assertThat(world.ledger()).hasSize(6);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purgeDeliveryLedger_removesMarksOlderThanTheCutOff_andKeepsNewerOnes(TestDatabase database)
            throws Exception {
        try (MarksWorld world = new MarksWorld(database, "purge")) {
            CoreRuntime runtime = world.runtime(1);
            String old = runtime.handle(MarksWorld.orders("old", 0, 1)).items().get(0).traceId();
            String recent = runtime.handle(MarksWorld.orders("recent", 1, 1)).items().get(0).traceId();
            Timestamp longAgo = Timestamp.valueOf(LocalDateTime.now().minusDays(30).withNano(0));
            age(world.meta, "UPDATE wmx_delivery_ledger SET claimed_at = ?, done_at = ? WHERE trace_id = ?", longAgo,
                    old);
            age(world.dataA, "UPDATE wmx_delivery_marks SET marked_at = ? WHERE trace_id = ?", longAgo, old);
            age(world.dataB, "UPDATE wmx_delivery_marks SET marked_at = ? WHERE trace_id = ?", longAgo, old);

            // a runtime that used no data source yet, as the purge command's: it purges every one of the metadata
            LedgerPurge purged = world.runtime(1).purgeDeliveryLedger(Duration.ofDays(7));

            assertThat(purged.rows()).isEqualTo(1);
            assertThat(world.ledger()).containsExactly(recent);
            assertThat(MarksWorld.marks(world.dataA)).containsExactly(recent);
            assertThat(MarksWorld.marks(world.dataB)).containsExactly(recent);
        }
    }

    private static void age(TestDb db, String sql, Timestamp time, String traceId) throws Exception {
        try (Connection c = db.connection(); PreparedStatement update = c.prepareStatement(sql)) {
            int parameters = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i < parameters; i++) {
                update.setTimestamp(i, time);
            }
            update.setString(parameters, traceId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
