package io.watchmen.core.kernel.action;

import io.watchmen.core.kernel.monitor.LogBuilders.ActionLog;
import io.watchmen.core.model.pipeline.AggregateArithmetic;
import io.watchmen.core.model.pipeline.ExistsAction;
import io.watchmen.core.model.pipeline.ReadFactorAction;
import io.watchmen.core.model.pipeline.ReadFactorsAction;
import io.watchmen.core.model.pipeline.ReadRowAction;
import io.watchmen.core.model.pipeline.ReadRowsAction;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.Criteria;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * read-row, read-rows, read-factor, read-factors, exists (spec 2.12). With DECRYPT_FACTOR_VALUE, rows and values
 * are decrypted; read-factors returns values, not rows (the reference's [RB] section 5 item 18 is not reproduced).
 */
final class ReadActions {

    private final ActionServices services;

    ReadActions(ActionServices services) {
        this.services = services;
    }

    void readRow(ReadRowAction action, RunContext.At at, Topic topic, Criteria by, ActionLog log) {
        List<Map<String, Object>> rows = decryptRows(topic, at,
                services.data().find(at.run().work(), topic, by, at.run().tenantId()));
        log.touched = Map.of("data", rows);
        if (rows.isEmpty()) {
            throw Rows.notFound(topic, by);
        }
        if (rows.size() > 1) {
            throw Rows.tooMany(rows.size(), topic, by);
        }
        at.eval().setVariable(action.variableName(), rows.get(0));
    }

    void readRows(ReadRowsAction action, RunContext.At at, Topic topic, Criteria by, ActionLog log) {
        List<Map<String, Object>> rows = decryptRows(topic, at,
                services.data().find(at.run().work(), topic, by, at.run().tenantId()));
        log.touched = Map.of("data", rows);
        at.eval().setVariable(action.variableName(), rows);
    }

    void readFactor(ReadFactorAction action, RunContext.At at, Topic topic, Criteria by, ActionLog log) {
        Factor factor = at.run().compiled().factor(topic.topicId(), action.factorId());
        Object value;
        if (action.arithmetic() == AggregateArithmetic.NONE) {
            List<Object> values = services.data().findValues(at.run().work(), topic, factor, by, at.run().tenantId());
            if (values.isEmpty()) {
                throw Rows.notFound(topic, by);
            }
            value = decrypt(topic, factor, at, values.get(0));
        } else {
            value = services.data().aggregate(at.run().work(), topic, factor, action.arithmetic(), by,
                    at.run().tenantId());
        }
        log.touched = singleton(value);
        at.eval().setVariable(action.variableName(), value);
    }

    void readFactors(ReadFactorsAction action, RunContext.At at, Topic topic, Criteria by, ActionLog log) {
        Factor factor = at.run().compiled().factor(topic.topicId(), action.factorId());
        List<Object> values = new ArrayList<>();
        for (Object value : services.data().findValues(at.run().work(), topic, factor, by, at.run().tenantId())) {
            values.add(decrypt(topic, factor, at, value));
        }
        log.touched = Map.of("data", values);
        at.eval().setVariable(action.variableName(), values);
    }

    void exists(ExistsAction action, RunContext.At at, Topic topic, Criteria by) {
        at.eval().setVariable(action.variableName(),
                services.data().exists(at.run().work(), topic, by, at.run().tenantId()));
    }

    private List<Map<String, Object>> decryptRows(Topic topic, RunContext.At at, List<Map<String, Object>> found) {
        List<Map<String, Object>> rows = new ArrayList<>(found.size());
        for (Map<String, Object> row : found) {
            rows.add(services.settings().decryptFactorValue() && !topic.isRaw()
                    ? services.schemas().apply(topic).decryptRow(new java.util.LinkedHashMap<>(row), at.run().tenantId())
                    : row);
        }
        return rows;
    }

    private Object decrypt(Topic topic, Factor factor, RunContext.At at, Object value) {
        if (!services.settings().decryptFactorValue() || value == null || !factor.isEncrypted()) {
            return value;
        }
        Map<String, Object> single = new java.util.LinkedHashMap<>();
        single.put(factor.name(), value);
        return services.schemas().apply(topic).decryptRow(single, at.run().tenantId()).get(factor.name());
    }

    static Map<String, Object> singleton(Object value) {
        Map<String, Object> touched = new java.util.LinkedHashMap<>();
        touched.put("data", value);
        return touched;
    }
}
