package io.watchmen.core.kernel.action;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.kernel.monitor.LogBuilders.ActionLog;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.TopicTrigger;
import io.watchmen.core.storage.criteria.Criteria;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** delete-row and delete-rows (spec 2.15). */
final class DeleteActions {

    private final ActionServices services;

    DeleteActions(ActionServices services) {
        this.services = services;
    }

    void deleteRow(RunContext.At at, Topic topic, Criteria by, ActionLog log) {
        List<Map<String, Object>> rows = services.data().find(at.run().work(), topic, by, at.run().tenantId());
        if (rows.isEmpty()) {
            throw new WatchmenException(ErrorCode.DATA_NOT_FOUND,
                    "Data not found before do deletion, " + Rows.where(topic, by) + ".");
        }
        if (rows.size() > 1) {
            throw Rows.tooMany(rows.size(), topic, by);
        }
        Map<String, Object> row = rows.get(0);
        if (!delete(at, topic, row)) {
            throw new WatchmenException(ErrorCode.DATA_NOT_FOUND,
                    "Data not found on do deletion, " + Rows.where(topic, by) + ".");
        }
        log.deleteCount = 1;
        log.touched = Map.of("data", List.of(row));
    }

    void deleteRows(RunContext.At at, Topic topic, Criteria by, ActionLog log) {
        List<Map<String, Object>> rows = services.data().find(at.run().work(), topic, by, at.run().tenantId());
        List<Map<String, Object>> deleted = new ArrayList<>();
        log.touched = Map.of("data", deleted);
        for (Map<String, Object> row : rows) {
            if (!delete(at, topic, row)) {
                throw new WatchmenException(ErrorCode.DATA_NOT_FOUND, "Data not found on do deletion, "
                        + Rows.where(topic, by) + ", Bulk deletion stopped.");
            }
            deleted.add(row);
            log.deleteCount = deleted.size();
        }
    }

    private boolean delete(RunContext.At at, Topic topic, Map<String, Object> row) {
        long id = Rows.id(row, topic);
        Long version = topic.isAggregation() ? Rows.version(row) : null;
        if (services.data().deleteRow(at.run().work(), topic, id, version, at.run().tenantId()) == 0) {
            return false;
        }
        at.run().written(topic, new TopicTrigger(row, null, PipelineTriggerType.DELETE, id));
        return true;
    }
}
