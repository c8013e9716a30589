package io.watchmen.core.storage;

import io.watchmen.core.model.pipeline.AggregateArithmetic;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.Criteria;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes topic rows. Every call takes the caller's {@link UnitOfWork}: all writes of one trigger item
 * share one transaction per data source, and nothing here commits.
 *
 * <p>Rows in memory are keyed by factor name and carry the technical columns {@code id_}, {@code tenant_id_},
 * {@code insert_time_}, {@code update_time_}, plus {@code version_} and {@code aggregate_assist_} on aggregation
 * topics, and {@code data_} on raw topics (see spec storage 2.3, 2.8). Every lookup is restricted to the
 * given tenant's rows ({@code tenant_id_ = ?}) on non-synonym topics, a deliberate deviation from the reference,
 * which does not filter by tenant (docs/compatibility.md).
 *
 * <p>The JDBC implementation is {@code JdbcTopicDataService}; tests of the kernel may use an in-memory one.
 */
public interface TopicDataService {

    // ---- the trigger row (spec storage 3.3); data is already prepared (defaults, dates, encryption, aid, flatten)

    /** New row with a new {@code id_}; previous = null, current = the data as written. */
    TopicTrigger insert(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId);

    /**
     * Inserts several trigger rows of one topic as {@link #insert} does each, in order; an implementation may
     * send them in one batch. Returns the ids assigned ({@code -1} for synonyms).
     */
    default java.util.List<Long> insertAll(UnitOfWork work, Topic topic, java.util.List<Map<String, Object>> rows,
                                           String tenantId) {
        java.util.List<Long> ids = new java.util.ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            ids.add(insert(work, topic, row, tenantId).internalDataId());
        }
        return ids;
    }

    /** Replaces the row whose {@code id_} the data carries; previous = the old row, current = the data. */
    TopicTrigger merge(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId);

    /** Deletes the row whose {@code id_} the data carries; previous = the old row, current = null. */
    TopicTrigger delete(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId);

    // ---- pipeline actions (spec pipeline 2.12-2.15)

    /** Every row matching {@code by}, in storage order. */
    List<Map<String, Object>> find(UnitOfWork work, Topic topic, Criteria by, String tenantId);

    /** The factor's value of every matching row, in storage order (not de-duplicated). */
    List<Object> findValues(UnitOfWork work, Topic topic, Factor factor, Criteria by, String tenantId);

    /** sum / avg: a BigDecimal, null when nothing matches; count: a Long (rows, not values). */
    Object aggregate(UnitOfWork work, Topic topic, Factor factor, AggregateArithmetic arithmetic, Criteria by,
                     String tenantId);

    boolean exists(UnitOfWork work, Topic topic, Criteria by, String tenantId);

    /**
     * Inserts a row of mapped values: assigns {@code id_}, {@code tenant_id_}, {@code insert_time_},
     * {@code update_time_} and, on aggregation topics, {@code version_ = 1}. Returns the row as written.
     *
     * @throws DuplicateKeyException when a unique index rejects it
     */
    Map<String, Object> insertRow(UnitOfWork work, Topic topic, Map<String, Object> row, String tenantId);

    /**
     * Updates every column of the row identified by its {@code id_} (and {@code version_ = expectedVersion} when
     * that is not null). The caller sets {@code version_} and {@code update_time_}. Returns the rows updated.
     */
    int updateRow(UnitOfWork work, Topic topic, Map<String, Object> row, Long expectedVersion, String tenantId);

    /** {@code SELECT ... FOR UPDATE} of one row by {@code id_}. */
    Optional<Map<String, Object>> lockRow(UnitOfWork work, Topic topic, long id, String tenantId);

    /** Deletes one row by {@code id_} (and version when not null); returns the rows deleted. */
    int deleteRow(UnitOfWork work, Topic topic, long id, Long expectedVersion, String tenantId);
}
