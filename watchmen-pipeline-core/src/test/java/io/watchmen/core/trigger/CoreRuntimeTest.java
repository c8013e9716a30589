package io.watchmen.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.config.Settings;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.TopicTables;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** End to end through the runtime: a Watchmen meta database, topic tables, a pipeline, storage objects. */
class CoreRuntimeTest {

    private static final String PAT = "e2e-pat-token";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handle_savesTheItemsAndRunsTheirPipelines_andASecondDeliverySkipsThem(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("runtime")) {
            List<Topic> topics = seedMeta(db);
            try (CoreRuntime runtime = CoreRuntime.create(Settings.forJdbcUrl(db.jdbcUrl(), db.user(),
                    db.password()))) {
                for (Topic topic : topics) {
                    TopicTables.createIfAbsent(runtime.registry().forTopic(topic), topic);
                }

                ObjectOutcome first = runtime.handle(object("orders.ndjson", "v1"));

                assertThat(first.disposition()).isEqualTo(Disposition.SUCCEEDED);
                assertThat(first.items()).extracting(ItemOutcome::status)
                        .containsExactly(ItemStatus.DONE, ItemStatus.DONE);
                assertThat(first.items()).allSatisfy(item -> {
                    assertThat(item.traceId()).matches("[0-9]+");
                    assertThat(item.dataId()).isPositive();
                    assertThat(item.pipelines()).singleElement()
                            .satisfies(run -> assertThat(run.pipelineId()).isEqualTo("p-1"));
                });
                assertThat(strings(db, "SELECT order_id FROM topic_order_event ORDER BY order_id"))
                        .containsExactly("o-1", "o-2");
                assertThat(strings(db, "SELECT note FROM topic_order_fact ORDER BY order_id"))
                        .containsExactly("order o-1 by ann", "order o-2 by bob");

                ObjectOutcome second = runtime.handle(object("orders.ndjson", "v1"));

                assertThat(second.disposition()).isEqualTo(Disposition.SUCCEEDED);
                assertThat(second.items()).extracting(ItemOutcome::status)
                        .containsExactly(ItemStatus.SKIPPED, ItemStatus.SKIPPED);
                assertThat(second.items()).extracting(ItemOutcome::traceId)
                        .isEqualTo(first.items().stream().map(ItemOutcome::traceId).toList());
                assertThat(strings(db, "SELECT order_id FROM topic_order_event")).hasSize(2);
                assertThat(strings(db, "SELECT order_id FROM topic_order_fact")).hasSize(2);
                assertThat(strings(db, "SELECT status FROM wmx_delivery_ledger")).containsExactly("done", "done");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void handle_withAnUnknownPat_deadLettersThatItem_andAReplayRunsItOnceThePatExists(TestDatabase database)
            throws Exception {
        try (TestDb db = database.create("runtime")) {
            List<Topic> topics = seedMeta(db);
            try (CoreRuntime runtime = CoreRuntime.create(Settings.forJdbcUrl(db.jdbcUrl(), db.user(),
                    db.password()))) {
                for (Topic topic : topics) {
                    TopicTables.createIfAbsent(runtime.registry().forTopic(topic), topic);
                }

                ObjectOutcome outcome = runtime.handle(object("one-bad-pat.json", null));

                assertThat(outcome.disposition()).isEqualTo(Disposition.DEAD_LETTERED);
                assertThat(outcome.items()).extracting(ItemOutcome::status)
                        .containsExactly(ItemStatus.DONE, ItemStatus.ERROR);
                assertThat(outcome.items().get(1).errorCode()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED);
                assertThat(outcome.items().get(1).error()).doesNotContain("not-a-known-token");
                List<DeadLetter> letters = runtime.deadLetters().list(10);
                assertThat(letters).singleElement().satisfies(letter -> {
                    assertThat(letter.key().itemIndex()).isEqualTo(1);
                    assertThat(letter.key().contentSha256()).hasSize(64);
                    assertThat(letter.errorCode()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED);
                });

                new MetadataWriter(db.dataSource()).savePat(new PersonalAccessToken("P2", "U1", "admin", "T1",
                        "late", null, List.of(), null), "not-a-known-token");
                ItemOutcome replayed = runtime.deadLetters().replay(letters.get(0).deliveryKey());

                assertThat(replayed.status()).isEqualTo(ItemStatus.DONE);
                assertThat(runtime.deadLetters().list(10)).isEmpty();
                assertThat(strings(db, "SELECT order_id FROM topic_order_event ORDER BY order_id"))
                        .containsExactly("o-3", "o-4");
                assertThat(runtime.handle(object("one-bad-pat.json", null)).items()).extracting(ItemOutcome::status)
                        .containsExactly(ItemStatus.SKIPPED, ItemStatus.SKIPPED);
            }
        }
    }

    private static List<Topic> seedMeta(TestDb db) throws IOException {
        MetaSchema.createIfAbsent(db.dataSource());
        MetadataWriter writer = new MetadataWriter(db.dataSource());
        writer.saveTenant(new Tenant("T1", "Tenant one", false, null, null, null, null, 1L));
        writer.saveUser(new User("U1", "admin", "Admin", true, List.of(), UserRole.ADMIN, "T1", null, null, null,
                null, null, 1L));
        writer.savePat(new PersonalAccessToken("P1", "U1", "admin", "T1", "e2e", null, List.of(), null), PAT);
        List<Topic> topics = WatchmenJson.mapper().readValue(fixture("topics.json"), new TypeReference<>() {
        });
        topics.forEach(writer::saveTopic);
        writer.savePipeline(WatchmenJson.mapper().readValue(fixture("pipeline.json"), Pipeline.class));
        return topics;
    }

    /** Topic tables and columns have quoted lower-case names (H2 folds unquoted names to upper case). */
    private static List<String> strings(TestDb db, String sql) throws Exception {
        String quote = db.kind() == TestDatabase.MARIADB ? "`" : "\"";
        sql = sql.replaceAll("\\b(topic_\\w+|order_id|note)\\b", quote + "$1" + quote);
        List<String> values = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static StorageObject object(String name, String version) {
        byte[] content = fixture(name);
        return new StorageObject(new ObjectRef("mem", "bucket", "in/" + name, version, content.length), content);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = CoreRuntimeTest.class.getResourceAsStream("CoreRuntimeTest/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
