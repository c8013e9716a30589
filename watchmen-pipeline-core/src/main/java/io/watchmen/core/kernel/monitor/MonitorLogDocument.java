package io.watchmen.core.kernel.monitor;

import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.monitor.LogBuilders.ActionLog;
import io.watchmen.core.kernel.monitor.LogBuilders.PipelineLog;
import io.watchmen.core.kernel.monitor.LogBuilders.StageLog;
import io.watchmen.core.kernel.monitor.LogBuilders.Step;
import io.watchmen.core.kernel.monitor.LogBuilders.UnitLog;
import io.watchmen.core.storage.JsonTextBuilder;
import io.watchmen.core.storage.JsonTextMap;
import io.watchmen.core.storage.RenderedJson;
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
import java.util.ArrayDeque;
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
     * (read-only {@link JsonTextMap}s that keep their JSON text) are put in as they are instead of copies, and the
     * stages are written as JSON text straight from the logs ({@link RenderedJson}, the same text their maps give)
     * instead of as maps. Only for a document that nothing changes or reads below its top-level fields: the log
     * topic defines no factor inside definedAs or the stages and runs no pipeline.
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
        doc.put("stages", stages(log, shareDefinedAs));
        return doc;
    }

    private static Object stages(PipelineLog log, boolean shareDefinedAs) {
        if (shareDefinedAs) {
            // the stages are a field of the document: their value sits at depth 1 of the column's value
            TextOut text = new TextOut(new JsonTextBuilder(1));
            text.builder.beginArray();
            for (StageLog stage : log.stages) {
                stage(text, stage, true);
            }
            text.builder.endArray();
            RenderedJson rendered = text.builder.result();
            if (rendered != null) {
                return rendered;
            }
            // a value only the mapper writes: the maps, so that the whole document is written as before
        }
        List<Object> stages = new ArrayList<>(log.stages.size());
        MapOut maps = new MapOut(stages);
        for (StageLog stage : log.stages) {
            stage(maps, stage, shareDefinedAs);
        }
        return stages;
    }

    private static void stage(Out out, StageLog log, boolean shareDefinedAs) {
        out.beginObject(12);
        out.put("stageId", log.stageId);
        out.put("name", log.name);
        common(out, log);
        prerequisite(out, log, shareDefinedAs);
        out.beginList("units", log.units.size());
        for (UnitLog unit : log.units) {
            unit(out, unit, shareDefinedAs);
        }
        out.endList();
        out.endObject();
    }

    private static void unit(Out out, UnitLog log, boolean shareDefinedAs) {
        out.beginObject(16);
        out.put("unitId", log.unitId);
        out.put("name", log.name);
        common(out, log);
        prerequisite(out, log, shareDefinedAs);
        out.put("loopVariableName", log.loopVariableName);
        out.put("loopVariableValue", plain(log.loopVariableValue));
        out.beginList("actions", log.actions.size());
        for (ActionLog action : log.actions) {
            action(out, action, shareDefinedAs);
        }
        out.endList();
        out.endObject();
    }

    private static void action(Out out, ActionLog log, boolean shareDefinedAs) {
        out.beginObject(20);
        out.put("uid", log.uid);
        out.put("actionId", log.actionId);
        out.put("type", log.type);
        common(out, log);
        out.put("insertCount", log.insertCount);
        out.put("updateCount", log.updateCount);
        out.put("deleteCount", log.deleteCount);
        out.put("definedAs", definedAs(log.definedAs, shareDefinedAs));
        out.put("touched", plain(log.touched));
        out.put("findBy", plain(log.findBy));
        prerequisite(out, log, shareDefinedAs);
        out.endObject();
    }

    private static void common(Map<String, Object> doc, Step log) {
        doc.put("status", log.status == null ? null : log.status.json());
        doc.put("startTime", log.startTime == null ? null : IsoText.of(log.startTime));
        doc.put("spentInMills", log.spentInMills);
        doc.put("error", log.error);
    }

    private static void common(Out out, Step log) {
        out.put("status", log.status == null ? null : log.status.json());
        out.put("startTime", log.startTime == null ? null : IsoText.of(log.startTime));
        out.put("spentInMills", log.spentInMills);
        out.put("error", log.error);
    }

    private static void prerequisite(Map<String, Object> doc, Step log, boolean shareDefinedAs) {
        doc.put("prerequisite", log.prerequisite);
        doc.put("prerequisiteDefinedAs", definedAs(log.prerequisiteDefinedAs, shareDefinedAs));
    }

    private static void prerequisite(Out out, Step log, boolean shareDefinedAs) {
        out.put("prerequisite", log.prerequisite);
        out.put("prerequisiteDefinedAs", definedAs(log.prerequisiteDefinedAs, shareDefinedAs));
    }

    /** Where the stages' fields go, in order: maps and lists, or JSON text. One layout for both. */
    private interface Out {
        void beginObject(int capacity);

        void endObject();

        /** A field whose value is a list of objects. */
        void beginList(String key, int size);

        void endList();

        void put(String key, Object value);
    }

    /** The stages as maps (Jackson's shape of the records), into {@code root}. */
    private static final class MapOut implements Out {
        private final ArrayDeque<Object> open = new ArrayDeque<>();

        MapOut(List<Object> root) {
            open.push(root);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void beginObject(int capacity) {
            Map<String, Object> object = new LinkedHashMap<>(capacity);
            ((List<Object>) open.peek()).add(object);
            open.push(object);
        }

        @Override
        public void endObject() {
            open.pop();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void beginList(String key, int size) {
            List<Object> list = new ArrayList<>(size);
            ((Map<String, Object>) open.peek()).put(key, list);
            open.push(list);
        }

        @Override
        public void endList() {
            open.pop();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void put(String key, Object value) {
            ((Map<String, Object>) open.peek()).put(key, value);
        }
    }

    /** The stages as the JSON text their maps would be written as. */
    private static final class TextOut implements Out {
        private final JsonTextBuilder builder;

        TextOut(JsonTextBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void beginObject(int capacity) {
            builder.beginObject();
        }

        @Override
        public void endObject() {
            builder.endObject();
        }

        @Override
        public void beginList(String key, int size) {
            builder.plainKey(key);
            builder.beginArray();
        }

        @Override
        public void endList() {
            builder.endArray();
        }

        @Override
        public void put(String key, Object value) {
            // every key is one of this class's constants (letters only)
            builder.plainKey(key);
            builder.value(value);
        }
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
