package io.watchmen.cli;

import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.system.Tenant;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.TopicTables;
import java.io.PrintWriter;

/**
 * Writes an {@link ImportSet} into the meta database (upserts by id, in dependency order: tenants, users, PATs,
 * data sources, external writers, topics, pipelines), then creates the tables of imported topics that have none.
 * Existing tables are never altered; synonym topics never get one.
 */
final class Importer {

    private final DataSourceRegistry registry;
    private final boolean patHashed;

    Importer(DataSourceRegistry registry, boolean patHashed) {
        this.registry = registry;
        this.patHashed = patHashed;
    }

    void importAll(ImportSet set, PrintWriter out) {
        javax.sql.DataSource meta = registry.meta().dataSource();
        MetaSchema.createIfAbsent(meta);
        MetadataWriter writer = new MetadataWriter(meta);
        for (Tenant tenant : set.tenants) {
            writer.saveTenant(tenant);
        }
        for (User user : set.users) {
            writer.saveUser(user);
        }
        for (ImportSet.PatWithToken pat : set.pats) {
            writer.savePat(pat.pat(), pat.token(), patHashed);
        }
        for (DataSource dataSource : set.dataSources) {
            writer.saveDataSource(dataSource);
        }
        for (ExternalWriter externalWriter : set.externalWriters) {
            writer.saveExternalWriter(externalWriter);
        }
        for (Topic topic : set.topics) {
            writer.saveTopic(topic);
        }
        for (Pipeline pipeline : set.pipelines) {
            writer.savePipeline(pipeline);
        }
        int created = 0;
        for (Topic topic : set.topics) {
            if (topic.isSynonym()) {
                continue;
            }
            StorageTarget target = registry.forTopic(topic);
            if (!TopicTables.exists(target, topic)) {
                TopicTables.createIfAbsent(target, topic);
                created++;
            }
        }
        out.println("Imported " + set.tenants.size() + " tenants, " + set.users.size() + " users, "
                + set.pats.size() + " PATs, " + set.dataSources.size() + " data sources, "
                + set.externalWriters.size() + " external writers, " + set.topics.size() + " topics, "
                + set.pipelines.size() + " pipelines; created " + created + " topic tables.");
    }
}
