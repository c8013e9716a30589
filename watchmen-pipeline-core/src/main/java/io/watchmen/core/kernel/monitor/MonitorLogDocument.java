package io.watchmen.core.kernel.monitor;

import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.monitor.LogBuilders.ActionLog;
import io.watchmen.core.kernel.monitor.LogBuilders.PipelineLog;
import io.watchmen.core.kernel.monitor.LogBuilders.StageLog;
import io.watchmen.core.kernel.monitor.LogBuilders.Step;
import io.watchmen.core.kernel.monitor.LogBuilders.UnitLog;
import io.watchmen.core.storage.JsonTextMap;
import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.Operand;
import io.watchmen.core.storage.criteria.ValueOperand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document a pipeline run stores into {@code raw_pipeline_monitor_log}: the same map Jackson makes of the
 * {@code model.monitor} records (same keys, order and value types), built straight from the mutable logs. Jackson's
 * record-to-map conversion took about an eighth of a trigger's CPU.
 */
public final class MonitorLogDocument {

    private MonitorLogDocument() {
    }

    /** A fresh, mutable document: storage prepares it in place. */
    public static Map<String, Object> of(PipelineLog log) {
        return of(log, false);
    }

    /**
     * As {@link #of(PipelineLog)}; with {@code shareDefinedAs} the compiled definedAs and prerequisiteDefinedAs
     * (read-only {@link JsonTextMap}s that keep their JSON text) are put in as they are instead of copies. Only for a document that
     * nothing changes or reads as rows: the log topic defines no factor inside definedAs and runs no pipeline.
     */
    public static Map<String, Object> of(PipelineLog log, boolean shareDefinedAs) {
        Map<String, Object> doc = new LinkedHashMap<>(20);
        doc.put("uid", log.uid);
        doc.put("traceId", log.traceId);
        doc.put("pipelineId", log.pipelineId);
        doc.put("topicId", log.topicId);
        doc.put("dataId", log.dataId);
        common(doc, log);
        doc.put("oldValue", plain(log.oldValue));
        doc.put("newValue", plain(log.newValue));
        prerequisite(doc, log, shareDefinedAs);
        List<Object> stages = new ArrayList<>(log.stages.size());
        for (StageLog stage : log.stages) {
            stages.add(stage(stage, shareDefinedAs));
        }
        doc.put("stages", stages);
        return doc;
    }

    private static Map<String, Object> stage(StageLog log, boolean shareDefinedAs) {
        Map<String, Object> doc = new LinkedHashMap<>(12);
        doc.put("stageId", log.stageId);
        doc.put("name", log.name);
        common(doc, log);
        prerequisite(doc, log, shareDefinedAs);
        List<Object> units = new ArrayList<>(log.units.size());
        for (UnitLog unit : log.units) {
            units.add(unit(unit, shareDefinedAs));
        }
        doc.put("units", units);
        return doc;
    }

    private static Map<String, Object> unit(UnitLog log, boolean shareDefinedAs) {
        Map<String, Object> doc = new LinkedHashMap<>(16);
        doc.put("unitId", log.unitId);
        doc.put("name", log.name);
        common(doc, log);
        prerequisite(doc, log, shareDefinedAs);
        doc.put("loopVariableName", log.loopVariableName);
        doc.put("loopVariableValue", plain(log.loopVariableValue));
        List<Object> actions = new ArrayList<>(log.actions.size());
        for (ActionLog action : log.actions) {
            actions.add(action(action, shareDefinedAs));
        }
        doc.put("actions", actions);
        return doc;
    }

    private static Map<String, Object> action(ActionLog log, boolean shareDefinedAs) {
        Map<String, Object> doc = new LinkedHashMap<>(20);
        doc.put("uid", log.uid);
        doc.put("actionId", log.actionId);
        doc.put("type", log.type);
        common(doc, log);
        doc.put("insertCount", log.insertCount);
        doc.put("updateCount", log.updateCount);
        doc.put("deleteCount", log.deleteCount);
        doc.put("definedAs", definedAs(log.definedAs, shareDefinedAs));
        doc.put("touched", plain(log.touched));
        doc.put("findBy", plain(log.findBy));
        prerequisite(doc, log, shareDefinedAs);
        return doc;
    }

    private static void common(Map<String, Object> doc, Step log) {
        doc.put("status", log.status == null ? null : log.status.json());
        doc.put("startTime", log.startTime == null ? null : IsoText.of(log.startTime));
        doc.put("spentInMills", log.spentInMills);
        doc.put("error", log.error);
    }

    private static void prerequisite(Map<String, Object> doc, Step log, boolean shareDefinedAs) {
        doc.put("prerequisite", log.prerequisite);
        doc.put("prerequisiteDefinedAs", definedAs(log.prerequisiteDefinedAs, shareDefinedAs));
    }

    /** A compiled definition (read-only, with its JSON text) as it is when sharing is allowed, else a copy. */
    private static Object definedAs(Object definedAs, boolean shareDefinedAs) {
        return shareDefinedAs && definedAs instanceof JsonTextMap shared ? shared : plain(definedAs);
    }

    /**
     * A deep copy in the JSON value types Jackson's untyped conversion yields. Types it keeps as they are are
     * copied directly; any other value goes through the mapper itself, so the result never differs.
     */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                if (!(key instanceof String)) {
                    return viaMapper(value);
                }
                copy.put((String) key, plain(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(plain(element));
            }
            return copy;
        }
        if (value instanceof Criteria || value instanceof Operand) {
            return criteria(value);
        }
        if (value instanceof LocalDateTime time) {
            return IsoText.of(time);
        }
        if (value instanceof LocalDate date) {
            return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        if (value instanceof LocalTime time) {
            return time.format(DateTimeFormatter.ISO_LOCAL_TIME);
        }
        return viaMapper(value);
    }

    /** A find-by tree as Jackson writes its records (the monitor log's findBy); rarer operands via the mapper. */
    private static Object criteria(Object value) {
        if (value instanceof CriteriaJoint joint) {
            Map<String, Object> doc = new LinkedHashMap<>(4);
            doc.put("conjunction", joint.conjunction() == null ? null : joint.conjunction().json());
            List<Object> children = new ArrayList<>(joint.children().size());
            for (Criteria child : joint.children()) {
                children.add(criteria(child));
            }
            doc.put("children", children);
            return doc;
        }
        if (value instanceof CriteriaExpression expression) {
            Map<String, Object> doc = new LinkedHashMap<>(4);
            doc.put("left", criteria(expression.left()));
            doc.put("operator", expression.operator() == null ? null : expression.operator().json());
            doc.put("right", criteria(expression.right()));
            return doc;
        }
        if (value instanceof ColumnOperand column) {
            Map<String, Object> doc = new LinkedHashMap<>(4);
            doc.put("synonym", column.synonym());
            doc.put("entityName", column.entityName());
            doc.put("columnName", column.columnName());
            return doc;
        }
        if (value instanceof ValueOperand operand) {
            return plain(operand.value());
        }
        return value == null ? null : viaMapper(value);
    }

    private static Object viaMapper(Object value) {
        return WatchmenJson.mapper().convertValue(Collections.singletonList(value), List.class).get(0);
    }
}
