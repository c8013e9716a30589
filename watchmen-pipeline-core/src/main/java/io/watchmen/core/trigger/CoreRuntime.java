package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.auth.PatAuthenticator;
import io.watchmen.core.config.MetaDatabase;
import io.watchmen.core.config.Settings;
import io.watchmen.core.id.SnowflakeGenerator;
import io.watchmen.core.kernel.ExternalWriters;
import io.watchmen.core.kernel.PipelineKernel;
import io.watchmen.core.meta.JdbcMetadataService;
import io.watchmen.core.meta.MetadataService;
import io.watchmen.core.model.system.DataSource;
import io.watchmen.core.schema.SchemaContext;
import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.storage.JdbcTopicDataService;
import io.watchmen.core.storage.StorageTarget;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.value.DateTimeParser;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core, wired once per function instance: pools, metadata caches, the PAT authenticator, the snowflake
 * generator (with its worker-id lease), the pipeline kernel and the delivery ledger. Adapters build it lazily and
 * reuse it across warm invocations. Thread-safe.
 *
 * <p>{@link #create} only builds objects: pools open on first use, the worker id is leased by the first trace id,
 * and the ledger tables ({@code wmx_delivery_ledger}, {@code wmx_failed_deliveries}, in the meta database) are
 * created when absent by the first item or by {@link #prime()}; the done marks' table ({@code wmx_delivery_marks})
 * of a data source other than the meta database when this instance first uses a topic there.
 */
public final class CoreRuntime implements StorageObjectHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoreRuntime.class);
    private static final byte[] PRIMING_OBJECT = "{\"pat\": \"-\", \"code\": \"-\", \"data\": {\"a\": [1, 2.5]}}"
            .getBytes(StandardCharsets.UTF_8);

    private final Settings settings;
    private final Clock clock;
    private final DataSourceRegistry registry;
    private final JdbcMetadataService metadata;
    private final SnowflakeGenerator ids;
    private final PatAuthenticator authenticator;
    private final DeliveryMarks marks;
    private final JdbcDeliveryLedger ledger;
    private final DeliveryProcessor processor;
    private final DeadLetters deadLetters;
    private volatile boolean closed;

    private CoreRuntime(Settings settings, Clock clock, ExternalWriters writers, UnaryOperator<UnitOfWork> units,
                        UnaryOperator<UnitOfWork> chunkUnits) {
        this.settings = settings;
        this.clock = clock;
        this.marks = new DeliveryMarks(clock, this::dataSourceById, this::allDataSources);
        // the marks table of a data source is created before any unit of work holds a connection to it
        this.registry = new DataSourceRegistry(MetaDatabase.jdbcUrl(settings.meta()), settings.meta().userName(),
                settings.meta().password(), settings.pool(), this::lookUpDataSource, marks::prepare);
        javax.sql.DataSource meta = registry.meta().dataSource();
        this.metadata = new JdbcMetadataService(meta, settings, clock);
        this.ids = SnowflakeGenerator.create(settings.snowflake(), meta, clock);
        SchemaContext schemaContext = new SchemaContext(DateTimeParser.from(settings.preparation()),
                settings.preparation(), settings.crypto(), metadata::keyStore, ids::nextId);
        PipelineKernel kernel = new PipelineKernel(metadata, new JdbcTopicDataService(registry, ids::nextId, clock),
                schemaContext, settings, clock, writers == null
                        ? ExternalWriters.standard(settings.pipelines().standardExternalWriterTimeout()) : writers);
        this.authenticator = new PatAuthenticator(meta, settings.crypto(), settings.caches(), clock);
        this.ledger = new JdbcDeliveryLedger(registry.meta(), clock, settings.triggers().maxAttempts(), marks);
        this.processor = new DeliveryProcessor(new StorageObjectParser(settings.triggers().maxObjectBytes(),
                settings.triggers().maxNestingDepth(), settings.triggers().maxStringLength()), ledger,
                pat -> authenticator.authenticate(pat, PatAuthenticator.PIPELINE_ROLES), ids::nextId,
                () -> units.apply(registry.newUnitOfWork()), kernel::tryToInvokePipelines,
                () -> chunkUnits.apply(registry.newDeferringUnitOfWork()), settings.triggers().chunkSize());
        this.deadLetters = new DeadLetters(ledger, processor);
    }

    /** Builds the runtime with the system clock; opens nothing until first use. */
    public static CoreRuntime create(Settings settings) {
        return create(settings, Clock.systemDefaultZone());
    }

    /** Builds the runtime; timestamps (naive local time), ids and leases follow {@code clock}. */
    public static CoreRuntime create(Settings settings, Clock clock) {
        return create(settings, clock, null, UnaryOperator.identity());
    }

    /**
     * For fault-injection harnesses: {@code units} wraps every unit of work, of single items and of chunks (for
     * example to stop the process between the commits of two databases). Not for production wiring.
     */
    public static CoreRuntime create(Settings settings, Clock clock, UnaryOperator<UnitOfWork> units) {
        Objects.requireNonNull(units, "units");
        return create(settings, clock, null, units, units);
    }

    /**
     * For tests of the delivery path: {@code writers} replace the standard external writers (null: the standard
     * ones) and {@code chunkUnits} wraps the unit of work of every chunk of items.
     */
    static CoreRuntime create(Settings settings, Clock clock, ExternalWriters writers,
                              UnaryOperator<UnitOfWork> chunkUnits) {
        return create(settings, clock, writers, UnaryOperator.identity(), chunkUnits);
    }

    /** As above, with {@code units} wrapping the unit of work of every single item too. */
    static CoreRuntime create(Settings settings, Clock clock, ExternalWriters writers,
                              UnaryOperator<UnitOfWork> units, UnaryOperator<UnitOfWork> chunkUnits) {
        return new CoreRuntime(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"),
                writers, Objects.requireNonNull(units, "units"), Objects.requireNonNull(chunkUnits, "chunkUnits"));
    }

    /**
     * Parse → per item: ledger claim → PAT → trace id → tryToInvokePipelines in one unit of work → outcome; items
     * in chunks of {@code Settings.triggers().chunkSize()} share a unit of work (see {@code docs/operations.md}).
     */
    @Override
    public ObjectOutcome handle(StorageObject object) {
        ensureOpen();
        return processor.handle(object);
    }

    /**
     * Warms up before a snapshot (AWS SnapStart beforeCheckpoint): loads the parser's classes, opens a meta
     * connection, creates the ledger tables when absent, and closes the connections again. Leases no worker id.
     */
    public void prime() {
        ensureOpen();
        processor.parser().parse(new StorageObject(new ObjectRef("prime", "prime", "prime", "0",
                PRIMING_OBJECT.length), PRIMING_OBJECT));
        try (Connection connection = registry.meta().dataSource().getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            String url = MetaDatabase.jdbcUrl(settings.meta()).replaceAll("(?i)(password=)[^&;]*", "$1***");
            throw new WatchmenException(ErrorCode.STORAGE_FAILED, "Priming failed: cannot connect to the meta"
                    + " database " + url + " as " + settings.meta().userName() + " (SQLState " + e.getSQLState()
                    + "): check the URL, the user and the password (META_STORAGE_PASSWORD).", e);
        }
        ledger.ensureTables();
        registry.evictConnections();
    }

    /**
     * Readies a new instance for its first object, during a function's init on a thread of its own
     * ({@code FunctionRuntime.startBuilding}): what {@link #prime()} does, but the meta connection stays in the pool
     * and the snowflake worker id is leased, as the first object would do. Nothing here depends on the object.
     */
    public void warmUp() {
        ensureOpen();
        processor.parser().parse(new StorageObject(new ObjectRef("warm-up", "warm-up", "warm-up", "0",
                PRIMING_OBJECT.length), PRIMING_OBJECT));
        ledger.ensureTables();
        ids.workerId();
    }

    /** Before a checkpoint or freeze: closes connections and releases the snowflake worker id. */
    public void suspend() {
        ids.suspend();
        registry.evictConnections();
    }

    /**
     * After a restore: re-claims a worker id (restored instances must never share one) and forgets cached metadata
     * (the snapshot may be old); pools reopen lazily.
     */
    public void resume() {
        ensureOpen();
        metadata.invalidateAll();
        authenticator.invalidateAll();
        ids.resume();
    }

    /** Releases the worker id and closes every pool (preStop / shutdown). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ids.close();
        } catch (RuntimeException e) {
            LOG.warn("Releasing the snowflake worker id failed ({}); it expires by itself.", e.getMessage());
        } finally {
            registry.close();
        }
    }

    /** The data sources (meta and topic data), for the CLI. */
    public DataSourceRegistry registry() {
        return registry;
    }

    /** The cached metadata service, for the CLI. */
    public MetadataService metadata() {
        return metadata;
    }

    /** Failed and dead-lettered items: list, replay, discard. */
    public DeadLetters deadLetters() {
        ensureOpen();
        return deadLetters;
    }

    /**
     * Forgets ledger rows of items done more than {@code keep} ago (the ledger grows by one row per item), and the
     * done marks written before then in every data source of the metadata (a data source that cannot be reached
     * is logged and skipped); a redelivery older than that would run its item again. Failure records of items not
     * done (retries, dead letters) stay. Returns the ledger rows deleted and the cut-off. Deployments run it on a
     * schedule with the configured retention ({@code trigger.function.FunctionRuntime.purgeLedger}).
     */
    public LedgerPurge purgeDeliveryLedger(Duration keep) {
        ensureOpen();
        if (keep == null || keep.isNegative()) {
            throw new IllegalArgumentException("keep must be zero or positive");
        }
        LocalDateTime doneBefore = LocalDateTime.now(clock).minus(keep).truncatedTo(ChronoUnit.SECONDS);
        return new LedgerPurge(ledger.purgeDone(doneBefore), doneBefore);
    }

    public Settings settings() {
        return settings;
    }

    private Optional<DataSource> lookUpDataSource(String dataSourceId, String tenantId) {
        return metadata.dataSource(dataSourceId, tenantId);
    }

    /** A data source the marks name, whatever its tenant: the one in use, else its row; empty when unknown. */
    private Optional<StorageTarget> dataSourceById(String dataSourceId) {
        Optional<StorageTarget> opened = registry.opened(dataSourceId);
        if (opened.isPresent()) {
            return opened;
        }
        try {
            for (DataSource row : metadata.allDataSources()) {
                if (row.dataSourceId().equals(dataSourceId)) {
                    return Optional.of(registry.forDataSource(row));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Data source [{}] named by a delivery mark cannot be opened: {}", dataSourceId,
                    e instanceof WatchmenException watchmen ? watchmen.code() : e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /**
     * Every data source of the metadata, the ones this instance never used included (a purge from the command
     * line uses none); a row that cannot be opened (an unsupported type) is logged and left out.
     */
    private List<StorageTarget> allDataSources() {
        List<StorageTarget> targets = new ArrayList<>();
        List<DataSource> rows;
        try {
            rows = metadata.allDataSources();
        } catch (RuntimeException e) {
            LOG.warn("The data sources cannot be listed; their delivery marks are not purged: {}",
                    e instanceof WatchmenException watchmen ? watchmen.code() : e.getClass().getSimpleName());
            return targets;
        }
        for (DataSource row : rows) {
            try {
                targets.add(registry.forDataSource(row));
            } catch (RuntimeException e) {
                LOG.warn("Data source [{}] cannot be opened; its delivery marks are not purged: {}",
                        row.dataSourceId(), e instanceof WatchmenException watchmen ? watchmen.code()
                                : e.getClass().getSimpleName());
            }
        }
        return targets;
    }

    private void ensureOpen() {
        if (closed) {
            throw new WatchmenException(ErrorCode.INTERNAL, "The core runtime is closed.");
        }
    }
}
