package io.watchmen.core.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchmen.core.auth.PatHash;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MetadataWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-17T10:11:12.999Z"), ZoneOffset.UTC);

    private static List<String> column(TestDb db, String sql, String... params) throws Exception {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void saveTopic_twice_upsertsOneRowWithTheLatestValues(TestDatabase database) throws Exception {
        try (TestDb db = database.create("writerupsert")) {
            MetaSchema.createIfAbsent(db.dataSource());
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            Topic fact = MetaFixtures.topic("tp-fact", "T1");
            writer.saveTopic(fact);
            writer.saveTopic(MetaFixtures.renamed(fact, "second"));
            assertThat(column(db, "SELECT description FROM topics WHERE topic_id = ?", "tp-fact"))
                    .containsExactly("second");
            assertThat(column(db, "SELECT created_at FROM topics WHERE topic_id = ?", "tp-fact").get(0))
                    .startsWith("2026-05-17 10:11:12");
            JsonNode factors = WatchmenJson.mapper().readTree(
                    column(db, "SELECT factors FROM topics WHERE topic_id = ?", "tp-fact").get(0));
            assertThat(factors.get(0).get("factorId").asText()).isEqualTo("of-1");
            // Every factor key is written, nulls included, as Watchmen does.
            assertThat(factors.get(0).has("enumId")).isTrue();
            assertThat(factors.get(0).get("enumId").isNull()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savePipeline_withoutPrerequisite_writesTheJsonNullLiteral(TestDatabase database) throws Exception {
        try (TestDb db = database.create("writerjsonnull")) {
            MetaSchema.createIfAbsent(db.dataSource());
            Pipeline e1 = MetaFixtures.pipeline("pipeline-e1.json", "T1");
            new MetadataWriter(db.dataSource(), CLOCK).savePipeline(e1);
            assertThat(column(db, "SELECT prerequisite_on FROM pipelines WHERE pipeline_id = ?", "p-e1"))
                    .containsExactly("null");
            assertThat(column(db, "SELECT enabled FROM pipelines WHERE pipeline_id = ?", "p-e1").get(0))
                    .isIn("1", "true");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void saveUser_overExistingRow_keepsThePasswordHash(TestDatabase database) throws Exception {
        try (TestDb db = database.create("writeruser")) {
            MetaSchema.createIfAbsent(db.dataSource());
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            User user = new User("u-1", "alice", "Alice", true, List.of(), UserRole.ADMIN, "T1", null, null, null,
                    null, null, null);
            writer.saveUser(user);
            try (Connection c = db.connection();
                 PreparedStatement s = c.prepareStatement("UPDATE users SET password = ? WHERE user_id = ?")) {
                s.setString(1, "$2b$12$hash");
                s.setString(2, "u-1");
                s.executeUpdate();
            }
            writer.saveUser(new User("u-1", "alice", "Alice 2", false, List.of("g"), UserRole.CONSOLE, "T1",
                    "a@example.com", null, null, null, null, 2L));
            assertThat(column(db, "SELECT password FROM users WHERE user_id = ?", "u-1"))
                    .containsExactly("$2b$12$hash");
            assertThat(column(db, "SELECT role FROM users WHERE user_id = ?", "u-1")).containsExactly("console");
            assertThat(column(db, "SELECT version FROM users WHERE user_id = ?", "u-1")).containsExactly("2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savePat_hashed_storesTheLowerCaseHexSha256(TestDatabase database) throws Exception {
        try (TestDb db = database.create("writerpat")) {
            MetaSchema.createIfAbsent(db.dataSource());
            MetadataWriter writer = new MetadataWriter(db.dataSource(), CLOCK);
            PersonalAccessToken pat = new PersonalAccessToken("p-1", "u-1", "alice", "T1", null, null, null, null);
            writer.savePat(pat, "plain-token");
            assertThat(column(db, "SELECT token FROM pats WHERE pat_id = ?", "p-1")).containsExactly("plain-token");
            writer.savePat(pat, "plain-token", true);
            assertThat(column(db, "SELECT token FROM pats WHERE pat_id = ?", "p-1"))
                    .containsExactly(PatHash.sha256Hex("plain-token"));
            assertThat(column(db, "SELECT permissions FROM pats WHERE pat_id = ?", "p-1")).containsExactly("[]");
        }
    }
}
