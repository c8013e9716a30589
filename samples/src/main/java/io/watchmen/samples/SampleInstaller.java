package io.watchmen.samples;

import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.storage.TopicTables;
import io.watchmen.core.trigger.CoreRuntime;
import javax.sql.DataSource;

/**
 * Puts the samples into a Watchmen database: meta tables when absent, then the tenant, the admin user, its PAT,
 * the topics with their tables and the pipelines. Upserts, so running it again changes nothing.
 */
public final class SampleInstaller {

    private SampleInstaller() {
    }

    /** Installs into the meta database of a runtime (the sample topics live there too). */
    public static void install(CoreRuntime runtime, boolean patHashed) {
        DataSourceRegistry registry = runtime.registry();
        install(registry.meta().dataSource(), registry, patHashed);
    }

    /**
     * Installs into the given meta database; topic tables are created where {@code registry} places each topic.
     *
     * @param patHashed store the PAT as its SHA-256 hex ({@code WATCHMEN_PAT_HASHED}) instead of as is
     */
    public static void install(DataSource meta, DataSourceRegistry registry, boolean patHashed) {
        MetaSchema.createIfAbsent(meta);
        MetadataWriter writer = new MetadataWriter(meta);
        writer.saveTenant(Samples.tenant());
        writer.saveUser(Samples.adminUser());
        writer.savePat(Samples.pat(), Samples.patToken(), patHashed);
        for (Topic topic : Samples.topics()) {
            writer.saveTopic(topic);
            if (!topic.isSynonym()) {
                TopicTables.createIfAbsent(registry.forTopic(topic), topic);
            }
        }
        for (Pipeline pipeline : Samples.pipelines()) {
            writer.savePipeline(pipeline);
        }
    }
}
