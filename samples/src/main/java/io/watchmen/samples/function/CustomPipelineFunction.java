package io.watchmen.samples.function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.watchmen.core.auth.PatAuthenticator;
import io.watchmen.core.auth.Principal;
import io.watchmen.core.config.MetaDatabase;
import io.watchmen.core.config.Settings;
import io.watchmen.core.id.SnowflakeGenerator;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.ExternalWriters;
import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineKernel;
import io.watchmen.core.meta.JdbcMetadataService;
import io.watchmen.core.model.pipeline.PipelineTriggerData;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.schema.SchemaContext;
import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.storage.JdbcTopicDataService;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.trigger.PipelineTriggerDataWithPAT;
import io.watchmen.core.value.DateTimeParser;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * The long way, for functions that need their own control: the Java counterpart of Watchmen's serverless
 * "develop function" steps. Wire the kernel once; then, per object, build the trigger data from the object's
 * JSON, take a snowflake trace id, authenticate the PAT into a principal, and call
 * {@link PipelineKernel#tryToInvokePipelines} inside a unit of work that the function commits.
 *
 * <p>Unlike {@code CoreRuntime} this sketch has no delivery ledger (a redelivered object runs again), no
 * batch objects and no retries of version conflicts: add what your function needs.
 */
public final class CustomPipelineFunction implements AutoCloseable {

    private final HikariDataSource metaPool;
    private final DataSourceRegistry registry;
    private final SnowflakeGenerator ids;
    private final PatAuthenticator authenticator;
    private final PipelineKernel kernel;

    public CustomPipelineFunction(Settings settings) {
        Clock clock = Clock.systemDefaultZone();
        String metaUrl = MetaDatabase.jdbcUrl(settings.meta());
        // 1. the meta database: metadata (topics, pipelines, data sources) and PATs
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(metaUrl);
        config.setUsername(settings.meta().userName());
        config.setPassword(settings.meta().password().reveal());
        config.setMaximumPoolSize(settings.pool().maxSize());
        metaPool = new HikariDataSource(config);
        JdbcMetadataService metadata = new JdbcMetadataService(metaPool, settings, clock);
        // 2. where topic data lives: one pool per data source, found through the metadata
        registry = new DataSourceRegistry(metaUrl, settings.meta().userName(), settings.meta().password(),
                settings.pool(), metadata::dataSource);
        // 3. snowflake ids (trace ids, row ids) and PAT authentication
        ids = SnowflakeGenerator.create(settings.snowflake(), metaPool, clock);
        authenticator = new PatAuthenticator(metaPool, settings.crypto(), clock);
        // 4. the kernel
        SchemaContext schemaContext = new SchemaContext(DateTimeParser.from(settings.preparation()),
                settings.preparation(), settings.crypto(), metadata::keyStore, ids::nextId);
        kernel = new PipelineKernel(metadata, new JdbcTopicDataService(registry, ids::nextId, clock), schemaContext,
                settings, clock, ExternalWriters.standard(settings.pipelines().standardExternalWriterTimeout()));
    }

    /** Runs one storage object holding {@code {"code": ..., "data": {...}, "pat": ...}}. */
    public InvocationResult handle(byte[] content) throws IOException {
        // trigger data from the object's contents
        Map<String, Object> event = WatchmenJson.mapper().readValue(content, new TypeReference<>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) event.get("data");
        PipelineTriggerDataWithPAT trigger = new PipelineTriggerDataWithPAT((String) event.get("pat"),
                (String) event.get("code"), data, (String) event.get("tenantId"),
                event.get("triggerType") == null ? null : PipelineTriggerType.of((String) event.get("triggerType")));
        // a snowflake id as trace id
        String traceId = String.valueOf(ids.nextId());
        // the principal from the PAT: admin or super admin only
        Principal principal = authenticator.authenticate(trigger.pat(), PatAuthenticator.PIPELINE_ROLES);
        // save the data and run every pipeline it triggers, in one unit of work
        try (UnitOfWork work = registry.newUnitOfWork()) {
            InvocationResult result = kernel.tryToInvokePipelines(new PipelineTriggerData(trigger.code(),
                    trigger.data(), trigger.triggerType(), trigger.tenantId()), traceId, principal, work);
            work.commit();
            return result;
        }
    }

    @Override
    public void close() {
        ids.close();
        registry.close();
        metaPool.close();
    }
}
