package io.watchmen.core.kernel;

import io.watchmen.core.model.pipeline.AggregateArithmetic;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.DuplicateKeyException;
import io.watchmen.core.storage.TopicDataService;
import io.watchmen.core.storage.TopicTrigger;
import io.watchmen.core.storage.UnitOfWork;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.value.Decimals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Topic rows in insertion order, keyed by factor name plus technical columns; raw topics keep {@code data_} and
 * flattened columns. Criteria are evaluated by {@link InMemoryCriteria}. Only for kernel tests.
 */
final class InMemoryTopicDataService implements TopicDataService {

    private final Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    private final LongSupplier ids;
    private final Clock clock;
    /** Unique business keys per topic id (factor names), to simulate a unique index. */
    final Map<String, List<String>> uniqueKeys = new LinkedHashMap<>();
    /** Forces the next N version-checked updates to miss (simulates concurrent writers). */
    int versionConflicts;
    /** Rows locked by id so far. */
    int locks;
    /** Makes the next N finds return nothing (simulates a row committed concurrently after the find). */
    int hiddenFinds;

    InMemoryTopicDataService(LongSupplier ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    List<Map<String, Object>> rows(Topic topic) {
        return tables.computeIfAbsent(topic.topicId(), key -> new ArrayList<>());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Seeds a row as if inserted (technical columns added). */
    Map<String, Object> seed(Topic topic, Map<String, Object> values) {
        return insertRow(null, topic, new LinkedHashMap<>(values), topic.tenantId());
    }

    @Override
    public TopicTrigger insert(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId) {
        long id = ids.getAsLong();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id_", id);
        row.put("tenant_id_", tenantId);
        row.put("insert_time_", now());
        row.put("update_time_", now());
        if (topic.isRaw()) {
            row.put("data_", new LinkedHashMap<>(data));
            for (Factor factor : topic.factors()) {
                if (factor.isFlatten()) {
                    row.put(factor.name(), data.get(factor.name()));
                }
            }
            data.keySet().removeIf(key -> key.contains(".") && topic.factorByName(key).map(Factor::isFlatten).orElse(false));
            rows(topic).add(row);
            return new TopicTrigger(null, data, PipelineTriggerType.INSERT, id);
        }
        for (Factor factor : topic.factors()) {
            row.put(factor.name(), data.get(factor.name()));
        }
        if (topic.isAggregation()) {
            row.put("version_", 1L);
            row.put("aggregate_assist_", null);
        }
        rows(topic).add(row);
        data.putAll(technical(row));
        return new TopicTrigger(null, data, PipelineTriggerType.INSERT, id);
    }

    private static Map<String, Object> technical(Map<String, Object> row) {
        Map<String, Object> technical = new LinkedHashMap<>();
        for (String key : new String[]{"id_", "tenant_id_", "insert_time_", "update_time_", "version_"}) {
            if (row.containsKey(key)) {
                technical.put(key, row.get(key));
            }
        }
        return technical;
    }

    @Override
    public TopicTrigger merge(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId) {
        long id = ((Number) data.get("id_")).longValue();
        Map<String, Object> old = byId(topic, id).orElseThrow(() -> new IllegalStateException("Data not found by data[id=" + id + "]"));
        Map<String, Object> previous = unwrap(topic, old);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id_", id);
        row.put("tenant_id_", tenantId);
        row.put("insert_time_", old.get("insert_time_"));
        row.put("update_time_", now());
        for (Factor factor : topic.factors()) {
            row.put(factor.name(), data.get(factor.name()));
        }
        if (topic.isAggregation()) {
            row.put("version_", ((Number) old.get("version_")).longValue() + 1);
            row.put("aggregate_assist_", null);
        }
        List<Map<String, Object>> rows = rows(topic);
        rows.set(rows.indexOf(old), row);
        data.putAll(technical(row));
        return new TopicTrigger(previous, data, PipelineTriggerType.MERGE, id);
    }

    @Override
    public TopicTrigger delete(UnitOfWork work, Topic topic, Map<String, Object> data, String tenantId) {
        long id = ((Number) data.get("id_")).longValue();
        Map<String, Object> old = byId(topic, id).orElseThrow(() -> new IllegalStateException("Data not found by data[id=" + id + "]"));
        rows(topic).remove(old);
        return new TopicTrigger(unwrap(topic, old), null, PipelineTriggerType.DELETE, id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> unwrap(Topic topic, Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        if (topic.isRaw()) {
            Object document = copy.remove("data_");
            if (document instanceof Map<?, ?> map) {
                copy.putAll((Map<String, Object>) map);
            }
        }
        return copy;
    }

    private Optional<Map<String, Object>> byId(Topic topic, long id) {
        return rows(topic).stream().filter(r -> r.get("id_") instanceof Number n && n.longValue() == id).findFirst();
    }

    @Override
    public List<Map<String, Object>> find(UnitOfWork work, Topic topic, Criteria by, String tenantId) {
        if (hiddenFinds > 0) {
            hiddenFinds--;
            return List.of();
        }
        return rows(topic).stream().filter(r -> InMemoryCriteria.matches(by, r)).map(LinkedHashMap::new)
                .map(r -> (Map<String, Object>) r).toList();
    }

    @Override
    public List<Object> findValues(UnitOfWork work, Topic topic, Factor factor, Criteria by, String tenantId) {
        return find(work, topic, by, tenantId).stream().map(r -> r.get(factor.name())).toList();
    }

    @Override
    public Object aggregate(UnitOfWork work, Topic topic, Factor factor, AggregateArithmetic arithmetic, Criteria by,
                            String tenantId) {
        List<Object> values = findValues(work, topic, factor, by, tenantId);
        if (arithmetic == AggregateArithmetic.COUNT) {
            return (long) values.size();
        }
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Object value : values) {
            sum = sum.add(value == null ? BigDecimal.ZERO : Decimals.parse(value).orElse(BigDecimal.ZERO));
        }
        return arithmetic == AggregateArithmetic.AVG
                ? sum.divide(BigDecimal.valueOf(values.size()), Decimals.CONTEXT) : sum;
    }

    @Override
    public boolean exists(UnitOfWork work, Topic topic, Criteria by, String tenantId) {
        return !find(work, topic, by, tenantId).isEmpty();
    }

    @Override
    public Map<String, Object> insertRow(UnitOfWork work, Topic topic, Map<String, Object> row, String tenantId) {
        List<String> unique = uniqueKeys.get(topic.topicId());
        if (unique != null) {
            for (Map<String, Object> existing : rows(topic)) {
                if (unique.stream().allMatch(k -> Objects.equals(existing.get(k), row.get(k)))) {
                    throw new DuplicateKeyException("Duplicate key on topic[" + topic.name() + "]", null);
                }
            }
        }
        Map<String, Object> written = new LinkedHashMap<>();
        for (Factor factor : topic.factors()) {
            written.put(factor.name(), row.get(factor.name()));
        }
        written.put("id_", ids.getAsLong());
        written.put("tenant_id_", tenantId);
        written.put("insert_time_", now());
        written.put("update_time_", now());
        if (topic.isAggregation()) {
            written.put("version_", 1L);
            written.put("aggregate_assist_", row.get("aggregate_assist_"));
        }
        rows(topic).add(written);
        return new LinkedHashMap<>(written);
    }

    @Override
    public int updateRow(UnitOfWork work, Topic topic, Map<String, Object> row, Long expectedVersion, String tenantId) {
        long id = ((Number) row.get("id_")).longValue();
        Optional<Map<String, Object>> existing = byId(topic, id);
        if (existing.isEmpty()) {
            return 0;
        }
        if (expectedVersion != null) {
            if (versionConflicts > 0) {
                versionConflicts--;
                return 0;
            }
            if (!Objects.equals(((Number) existing.get().get("version_")).longValue(), expectedVersion)) {
                return 0;
            }
        }
        List<Map<String, Object>> rows = rows(topic);
        rows.set(rows.indexOf(existing.get()), new LinkedHashMap<>(row));
        return 1;
    }

    @Override
    public Optional<Map<String, Object>> lockRow(UnitOfWork work, Topic topic, long id, String tenantId) {
        locks++;
        return byId(topic, id).map(LinkedHashMap::new);
    }

    @Override
    public int deleteRow(UnitOfWork work, Topic topic, long id, Long expectedVersion, String tenantId) {
        Optional<Map<String, Object>> existing = byId(topic, id);
        if (existing.isEmpty() || (expectedVersion != null
                && ((Number) existing.get().get("version_")).longValue() != expectedVersion)) {
            return 0;
        }
        rows(topic).remove(existing.get());
        return 1;
    }
}
