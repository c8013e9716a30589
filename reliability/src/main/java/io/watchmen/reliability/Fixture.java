package io.watchmen.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.TopicTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The metadata every suite runs against: two tenants; an admin per tenant, a super admin, an inactive admin and a
 * console user; a PAT for each (and an expired one); the topics and pipelines of {@code fixture/*.json}. The
 * tokens are test values, known to the corpus files. Installing twice is harmless (the writer upserts).
 */
public final class Fixture {

    public static final String TENANT_A = "rel-tenant-a";
    public static final String TENANT_B = "rel-tenant-b";
    public static final String PAT_ADMIN_A = "wmpat-rel-admin-a-3f9c";
    public static final String PAT_ADMIN_B = "wmpat-rel-admin-b-71d2";
    public static final String PAT_SUPER = "wmpat-rel-super-8e41";
    public static final String PAT_EXPIRED = "wmpat-rel-expired-0b7a";
    public static final String PAT_INACTIVE = "wmpat-rel-inactive-5c2e";
    public static final String PAT_CONSOLE = "wmpat-rel-console-9a6d";
    /** Tenant C keeps its event and account topics in a second database, the data source {@link #DATA_SOURCE}. */
    public static final String TENANT_C = "rel-tenant-c";
    public static final String PAT_ADMIN_C = "wmpat-rel-admin-c-4d05";
    public static final String DATA_SOURCE = "rel-ds-data";

    /** Every token of the fixture: no message or log may quote one. */
    public static final List<String> TOKENS = List.of(PAT_ADMIN_A, PAT_ADMIN_B, PAT_SUPER, PAT_EXPIRED, PAT_INACTIVE,
            PAT_CONSOLE, PAT_ADMIN_C);

    public static final String EVENT_TOPIC = "rel_event";
    public static final String TOTAL_TOPIC = "rel_account_total";
    public static final String MAPPED_TOPIC = "rel_mapped";
    public static final String MAPPED_TARGET_TOPIC = "rel_mapped_target";
    public static final String B_ONLY_TOPIC = "rel_b_only";

    private static final LocalDateTime CREATED = LocalDateTime.of(2024, 1, 1, 0, 0);

    private final List<Topic> topics;
    private final List<Pipeline> pipelines;

    private Fixture() {
        this.topics = read("fixture/topics.json", new TypeReference<>() {
        });
        this.pipelines = read("fixture/pipelines.json", new TypeReference<>() {
        });
    }

    public static Fixture load() {
        return new Fixture();
    }

    public List<Topic> topics() {
        return topics;
    }

    /** Creates the meta tables when absent, writes the metadata and creates every topic table. */
    public void install(StorageTarget target) {
        MetaSchema.createIfAbsent(target.dataSource());
        MetadataWriter writer = new MetadataWriter(target.dataSource());
        writer.saveTenant(new Tenant(TENANT_A, "Reliability A", false, CREATED, "1", CREATED, "1", 1L));
        writer.saveTenant(new Tenant(TENANT_B, "Reliability B", false, CREATED, "1", CREATED, "1", 1L));
        user(writer, "rel-u-admin-a", "admin-a", true, UserRole.ADMIN, TENANT_A);
        user(writer, "rel-u-admin-b", "admin-b", true, UserRole.ADMIN, TENANT_B);
        user(writer, "rel-u-super", "super", true, UserRole.SUPER_ADMIN, "-1");
        user(writer, "rel-u-inactive", "inactive", false, UserRole.ADMIN, TENANT_A);
        user(writer, "rel-u-console", "console", true, UserRole.CONSOLE, TENANT_A);
        pat(writer, "rel-pat-admin-a", "rel-u-admin-a", "admin-a", TENANT_A, null, PAT_ADMIN_A);
        pat(writer, "rel-pat-admin-b", "rel-u-admin-b", "admin-b", TENANT_B, null, PAT_ADMIN_B);
        pat(writer, "rel-pat-super", "rel-u-super", "super", "-1", null, PAT_SUPER);
        pat(writer, "rel-pat-expired", "rel-u-admin-a", "admin-a", TENANT_A, LocalDateTime.of(2020, 1, 1, 0, 0),
                PAT_EXPIRED);
        pat(writer, "rel-pat-inactive", "rel-u-inactive", "inactive", TENANT_A, null, PAT_INACTIVE);
        pat(writer, "rel-pat-console", "rel-u-console", "console", TENANT_A, null, PAT_CONSOLE);
        for (Topic topic : topics) {
            writer.saveTopic(topic);
            TopicTables.createIfAbsent(target, topic);
        }
        for (Pipeline pipeline : pipelines) {
            writer.savePipeline(pipeline);
        }
    }

    /**
     * Tenant C with its admin and PAT, the data source {@link #DATA_SOURCE} on {@code data} (a second database),
     * and in it tenant C's copies of {@code rel_event} and {@code rel_account_total} with the accumulating
     * pipeline: every item of tenant C writes to two databases, its ledger row in the meta one and its rows in
     * the data one. {@code dataTarget} reaches the data database for the table DDL.
     */
    public void installSecondDatabase(StorageTarget meta, Database data, StorageTarget dataTarget) {
        MetadataWriter writer = new MetadataWriter(meta.dataSource());
        writer.saveTenant(new Tenant(TENANT_C, "Reliability C", false, CREATED, "1", CREATED, "1", 1L));
        user(writer, "rel-u-admin-c", "admin-c", true, UserRole.ADMIN, TENANT_C);
        pat(writer, "rel-pat-admin-c", "rel-u-admin-c", "admin-c", TENANT_C, null, PAT_ADMIN_C);
        writer.saveDataSource(new DataSource(DATA_SOURCE, DATA_SOURCE, data.type(), null, null, data.user(),
                data.password(), null, data.jdbcUrl(), List.of(), TENANT_C, CREATED, "1", CREATED, "1", 1L));
        for (Topic topic : topics) {
            if (topic.name().equals(EVENT_TOPIC) || topic.name().equals(TOTAL_TOPIC)) {
                Topic copy = new Topic(inC(topic.topicId()), topic.name(), topic.type(), topic.kind(), DATA_SOURCE,
                        topic.factors(), topic.description(), TENANT_C, topic.createdAt(), topic.createdBy(),
                        topic.lastModifiedAt(), topic.lastModifiedBy(), topic.version());
                writer.saveTopic(copy);
                TopicTables.createIfAbsent(dataTarget, copy);
            }
        }
        for (Pipeline pipeline : pipelines) {
            if (pipeline.topicId().equals("rel-tp-event")) {
                String json = new String(json(pipeline), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"rel-tp-", "\"rel-c-tp-").replace("\"rel-pl-", "\"rel-c-pl-")
                        .replace("\"" + TENANT_A + "\"", "\"" + TENANT_C + "\"");
                writer.savePipeline(read(json, Pipeline.class));
            }
        }
    }

    private static String inC(String topicId) {
        return topicId.replace("rel-tp-", "rel-c-tp-");
    }

    private static byte[] json(Object value) {
        try {
            return WatchmenJson.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return WatchmenJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void user(MetadataWriter writer, String id, String name, boolean active, UserRole role,
                             String tenantId) {
        writer.saveUser(new User(id, name, name, active, List.of(), role, tenantId, null, CREATED, "1", CREATED, "1",
                1L));
    }

    private static void pat(MetadataWriter writer, String id, String userId, String userName, String tenantId,
                            LocalDateTime expired, String token) {
        writer.savePat(new PersonalAccessToken(id, userId, userName, tenantId, "reliability", expired, List.of(),
                CREATED), token);
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return WatchmenJson.mapper().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
