package io.watchmen.core.kernel.action;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.monitor.LogBuilders.ActionLog;
import io.watchmen.core.model.pipeline.AccumulateMode;
import io.watchmen.core.model.pipeline.MappingFactor;
import io.watchmen.core.model.pipeline.ParameterJoint;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.DuplicateKeyException;
import io.watchmen.core.storage.TopicTrigger;
import io.watchmen.core.storage.criteria.Criteria;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The insert procedure and the find / update / optimistic-retry algorithm of insert-or-merge-row, merge-row and
 * write-factor (spec 2.13). Deviation: the update merges this action's avg counters into the row's
 * {@code aggregate_assist_} instead of replacing the map ([RB] section 5 item 9).
 */
final class WriteActions {

    /** Optimistic-lock retries of this process (diagnostics: the benchmark reports retries per trigger). */
    static final java.util.concurrent.atomic.LongAdder RETRIES = new java.util.concurrent.atomic.LongAdder();

    private final ActionServices services;

    WriteActions(ActionServices services) {
        this.services = services;
    }

    /** The compiled inputs of one write. */
    record Write(Topic topic, List<MappingFactor> mapping, AccumulateMode mode, ParameterJoint by) {
    }

    void insertRow(Write write, RunContext.At at, ActionLog log) {
        insert(write, at, log);
    }

    void mergeOrInsert(Write write, RunContext.At at, ActionLog log, boolean insertAllowed,
                       FindByTranslator translator) {
        boolean allowInsert = insertAllowed;
        int attempt = 0;
        boolean relocked = false;
        while (true) {
            Criteria by = translator.translate(write.by(), write.topic(), at.eval());
            log.findBy = by;
            List<Map<String, Object>> rows = services.data().find(at.run().work(), write.topic(), by,
                    at.run().tenantId());
            if (rows.isEmpty()) {
                if (!allowInsert) {
                    throw Rows.notFound(write.topic(), by);
                }
                try {
                    insert(write, at, log);
                    return;
                } catch (DuplicateKeyException concurrent) {
                    // a concurrent writer inserted the same key: update its row instead
                    RETRIES.increment();
                    allowInsert = false;
                    continue;
                }
            }
            if (rows.size() > 1) {
                throw Rows.tooMany(rows.size(), write.topic(), by);
            }
            Map<String, Object> original = rows.get(0);
            if (update(write, at, log, original, true)) {
                return;
            }
            if (!write.topic().isAggregation()) {
                throw notFoundOnUpdate(write.topic(), by);
            }
            if (services.settings().updateRetry() && !relocked) {
                // a concurrent writer changed the row: queue on its row lock and merge into what it committed,
                // instead of sleeping and finding again (a hot aggregate row capped writers at one per interval)
                relocked = true;
                RETRIES.increment();
                if (mergeIntoLocked(write, at, log, Rows.id(original, write.topic()))) {
                    return;
                }
            }
            if (services.settings().updateRetry() && attempt < services.settings().updateRetryTimes()) {
                RETRIES.increment();
                services.sleeper().sleep(backoff(attempt));
                attempt++;
                continue;
            }
            if (services.settings().updateRetry() && services.settings().updateRetryForce()) {
                RETRIES.increment();
                forced(write, at, log, allowInsert, translator);
                return;
            }
            throw notFoundOnUpdate(write.topic(), by);
        }
    }

    /** Last try: find again, lock the row, update it without the version criterion. */
    private void forced(Write write, RunContext.At at, ActionLog log, boolean allowInsert,
                        FindByTranslator translator) {
        Criteria by = translator.translate(write.by(), write.topic(), at.eval());
        log.findBy = by;
        List<Map<String, Object>> rows = services.data().find(at.run().work(), write.topic(), by, at.run().tenantId());
        if (rows.isEmpty()) {
            if (allowInsert) {
                insert(write, at, log);
                return;
            }
            throw Rows.notFound(write.topic(), by);
        }
        if (rows.size() > 1) {
            throw Rows.tooMany(rows.size(), write.topic(), by);
        }
        long id = Rows.id(rows.get(0), write.topic());
        Optional<Map<String, Object>> locked = services.data().lockRow(at.run().work(), write.topic(), id,
                at.run().tenantId());
        if (locked.isEmpty() || !update(write, at, log, locked.get(), false)) {
            throw notFoundOnUpdate(write.topic(), by);
        }
    }

    /** Locks the row by id and updates it with the version just read; false when the row is gone. */
    private boolean mergeIntoLocked(Write write, RunContext.At at, ActionLog log, long id) {
        Optional<Map<String, Object>> locked = services.data().lockRow(at.run().work(), write.topic(), id,
                at.run().tenantId());
        return locked.isPresent() && update(write, at, log, locked.get(), true);
    }

    long backoff(int attempt) {
        long base = services.settings().updateRetryInterval().toMillis() << attempt;
        double jitter = 1 + ThreadLocalRandom.current().nextDouble(-0.3, 0.3);
        return Math.max(5L, Math.round(base * jitter));
    }

    private static WatchmenException notFoundOnUpdate(Topic topic, Criteria by) {
        return new WatchmenException(ErrorCode.VERSION_CONFLICT, "Data not found on do update, "
                + Rows.where(topic, by) + ".");
    }

    private void insert(Write write, RunContext.At at, ActionLog log) {
        Map<String, Object> row = MappingEvaluator.evaluate(write.mapping(), write.topic(), write.mode(), null,
                at.run().hasPrevious(), at.eval(), at.run().compiled().evaluator(), services.caster());
        if (!write.topic().isAggregation()) {
            row.remove(MappingEvaluator.ASSIST);
        }
        services.schemas().apply(write.topic()).prepareRow(row, at.run().tenantId());
        Map<String, Object> written = services.data().insertRow(at.run().work(), write.topic(), row,
                at.run().tenantId());
        log.insertCount = 1;
        log.touched = ReadActions.singleton(written);
        at.run().written(write.topic(), new TopicTrigger(null, written, PipelineTriggerType.INSERT,
                idOrMinusOne(written)));
    }

    private static long idOrMinusOne(Map<String, Object> row) {
        return row.get("id_") instanceof Number number ? number.longValue() : -1L;
    }

    /** One update attempt; false when no row was updated (version conflict or row gone). */
    private boolean update(Write write, RunContext.At at, ActionLog log, Map<String, Object> original,
                           boolean versioned) {
        Topic topic = write.topic();
        Map<String, Object> mapped = MappingEvaluator.evaluate(write.mapping(), topic, write.mode(), original,
                at.run().hasPrevious(), at.eval(), at.run().compiled().evaluator(), services.caster());
        Map<String, Object> updated = Rows.copyRow(original);
        Object assist = mapped.remove(MappingEvaluator.ASSIST);
        updated.putAll(mapped);
        if (topic.isAggregation() && assist instanceof Map<?, ?> counters) {
            Map<String, Object> merged = new LinkedHashMap<>(assistOf(original));
            counters.forEach((k, v) -> merged.put(String.valueOf(k), v));
            updated.put(MappingEvaluator.ASSIST, merged);
        }
        services.schemas().apply(topic).prepareRow(updated, at.run().tenantId());
        Long version = Rows.version(original);
        if (topic.isAggregation()) {
            updated.put("version_", version == null ? 1L : version + 1);
        }
        updated.put("update_time_", services.now());
        Long expected = versioned && topic.isAggregation() ? version : null;
        int count = services.data().updateRow(at.run().work(), topic, updated, expected, at.run().tenantId());
        if (count == 0) {
            return false;
        }
        log.updateCount = 1;
        log.touched = ReadActions.singleton(updated);
        at.run().written(topic, new TopicTrigger(original, updated, PipelineTriggerType.MERGE,
                Rows.id(original, topic)));
        return true;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> assistOf(Map<String, Object> row) {
        Object assist = row.get(MappingEvaluator.ASSIST);
        if (assist instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (assist instanceof String text && !text.isBlank()) {
            try {
                return WatchmenJson.mapper().readValue(text, Map.class);
            } catch (Exception ignored) {
                return Map.of();
            }
        }
        return Map.of();
    }
}
