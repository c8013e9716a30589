package io.watchmen.core.kernel.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.kernel.monitor.LogBuilders.ActionLog;
import io.watchmen.core.kernel.monitor.LogBuilders.PipelineLog;
import io.watchmen.core.kernel.monitor.LogBuilders.StageLog;
import io.watchmen.core.kernel.monitor.LogBuilders.UnitLog;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.storage.JsonTextBuilder;
import io.watchmen.core.storage.JsonTextMap;
import io.watchmen.core.storage.RenderedJson;
import io.watchmen.core.storage.criteria.ArithmeticOperand;
import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.CriteriaOperator;
import io.watchmen.core.storage.criteria.ValueOperand;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitorLogDocumentTest {

    @Test
    void document_ofAFullLog_equalsJacksonsConversionOfTheRecords() throws Exception {
        PipelineLog log = fullLog();
        Map<?, ?> expected = WatchmenJson.mapper().convertValue(log.build(), Map.class);
        Map<String, Object> actual = MonitorLogDocument.of(log);
        assertEquals(expected, actual);
        assertEquals(WatchmenJson.mapper().writeValueAsString(expected),
                WatchmenJson.mapper().writeValueAsString(actual), "same keys in the same order");
    }

    @Test
    void document_sharingTheCompiledDefinedAs_equalsTheCopiedOne() {
        PipelineLog log = fullLog();
        Map<String, Object> compiled = new LinkedHashMap<>();
        compiled.put("actionId", "a3");
        compiled.put("type", "insert-row");
        compiled.put("mapping", List.of(Map.of("factorId", "f", "arithmetic", "none")));
        ActionLog insert = new ActionLog("c-log", "a3", "insert-row", new JsonTextMap(compiled),
                LocalDateTime.of(2026, 3, 4, 5, 6, 11), false);
        log.stages.get(0).units.get(0).actions.add(insert);

        log.stages.add(new StageLog("s2", "Empty", LocalDateTime.of(2026, 3, 4, 5, 6, 12)));

        Map<String, Object> shared = MonitorLogDocument.of(log, true);
        assertInstanceOf(RenderedJson.class, shared.get("stages"), "the stages written as text");
        String text = JsonTextBuilder.columnText(MonitorLogDocument.of(log, false));
        assertEquals(text, JsonTextBuilder.columnText(shared));
        assertEquals(text, JsonTextBuilder.columnText(WatchmenJson.mapper().convertValue(log.build(), Map.class)));
        Map<String, Object> copied = MonitorLogDocument.of(log, false);
        copied.remove("stages");
        shared.remove("stages");
        assertEquals(copied, shared, "the top-level fields as maps");
    }

    @Test
    void document_sharingAValueNestedBeyondTheMappersLimit_keepsTheStagesAsMapsAndFailsAlike() {
        PipelineLog log = fullLog();
        List<Object> deep = new ArrayList<>();
        List<Object> inner = deep;
        for (int i = 0; i < 1200; i++) {
            List<Object> next = new ArrayList<>();
            inner.add(next);
            inner = next;
        }
        log.stages.get(0).units.get(0).actions.get(0).touched = deep;

        Map<String, Object> shared = MonitorLogDocument.of(log, true);
        assertInstanceOf(List.class, shared.get("stages"));
        Map<String, Object> copied = MonitorLogDocument.of(log, false);
        assertEquals(assertThrows(WatchmenException.class, () -> JsonTextBuilder.columnText(copied)).getMessage(),
                assertThrows(WatchmenException.class, () -> JsonTextBuilder.columnText(shared)).getMessage());
    }

    @Test
    void document_ofAFailedLogWithoutStages_equalsJacksonsConversionOfTheRecords() throws Exception {
        PipelineLog log = new PipelineLog("9", "trace", "p1", "t1", null, LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                null, null);
        log.fail("boom");
        log.prerequisite = null;
        Map<?, ?> expected = WatchmenJson.mapper().convertValue(log.build(), Map.class);
        Map<String, Object> actual = MonitorLogDocument.of(log);
        assertEquals(expected, actual);
        assertEquals(WatchmenJson.mapper().writeValueAsString(expected),
                WatchmenJson.mapper().writeValueAsString(actual));
    }

    @Test
    void plain_ofEveryKindOfValue_equalsJacksonsConversion() {
        List<Object> values = Arrays.asList(null, "s", true, 1, 1L, Long.MAX_VALUE, 2.5d, 1.5f, (short) 3,
                (byte) 4, new BigDecimal("1.50"), new BigDecimal("1E+3"), BigInteger.TEN,
                LocalDate.of(2026, 2, 3), LocalDateTime.of(2026, 2, 3, 4, 5, 6, 7_000_000), LocalTime.of(1, 2, 3), LocalTime.of(1, 2, 3, 400), LocalDateTime.of(2026, 2, 3, 4, 5),
                LocalDate.of(12026, 1, 1),
                Set.of("x"), new int[] {1, 2}, Map.of(1, "numeric key"), new HashMap<>(Map.of("k", List.of(1, 2.5))));
        for (Object value : values) {
            Object expected = WatchmenJson.mapper().convertValue(Arrays.asList(value), List.class).get(0);
            assertEquals(expected, MonitorLogDocument.plain(value), String.valueOf(value));
        }
    }

    @Test
    void plain_ofAFindByTree_equalsJacksonsConversion() {
        Factor factor = new Factor("f1", FactorType.TEXT, "name", null, null, null, null, null, null, null, null);
        Criteria by = new CriteriaJoint(ParameterJointType.AND, List.of(
                new CriteriaExpression(new ColumnOperand(false, "customer", "name", factor), CriteriaOperator.EQUALS,
                        new ValueOperand("HOT")),
                new CriteriaExpression(new ColumnOperand(true, "v", "at", factor), CriteriaOperator.IS_EMPTY, null),
                new CriteriaJoint(ParameterJointType.OR, List.of(
                        new CriteriaExpression(new ValueOperand(List.of(new BigDecimal("1.5"), 2L)),
                                CriteriaOperator.IN, new ValueOperand(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 60))),
                        new CriteriaExpression(new ArithmeticOperand(ParameterComputeType.ADD,
                                List.of(new ColumnOperand(false, "c", "n", factor), new ValueOperand(null))),
                                CriteriaOperator.GREATER_THAN, new ValueOperand(LocalDate.of(2026, 5, 6))))),
                new CriteriaJoint(ParameterJointType.AND, List.of())));
        Object expected = WatchmenJson.mapper().convertValue(Arrays.asList(by), List.class).get(0);
        assertEquals(expected, MonitorLogDocument.plain(by));
    }

    @Test
    void isoText_ofAnyDateTime_equalsTheIsoFormatter() {
        java.util.Random random = new java.util.Random(7);
        List<LocalDateTime> times = new ArrayList<>(List.of(LocalDateTime.of(0, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.of(10000, 1, 1, 0, 0),
                LocalDateTime.of(-1, 1, 1, 0, 0), LocalDateTime.of(2026, 11, 27, 23, 5, 0, 100),
                LocalDateTime.of(2026, 11, 27, 23, 5, 0, 1_000_000)));
        for (int i = 0; i < 2000; i++) {
            times.add(LocalDateTime.of(random.nextInt(10000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextBoolean() ? random.nextInt(1_000_000_000) : random.nextInt(1000) * 1_000_000));
        }
        for (LocalDateTime time : times) {
            assertEquals(time.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME), IsoText.of(time));
        }
    }

    private static PipelineLog fullLog() {
        Map<String, Object> oldValue = new LinkedHashMap<>();
        oldValue.put("amount", new BigDecimal("12.30"));
        oldValue.put("count", 3);
        oldValue.put("big", 12345678901L);
        oldValue.put("day", LocalDate.of(2026, 3, 4));
        oldValue.put("at", LocalDateTime.of(2026, 3, 4, 5, 6, 7, 123_400_000));
        oldValue.put("ratio", 0.25d);
        oldValue.put("items", new ArrayList<>(List.of(Map.of("name", "a"), "b")));
        oldValue.put("none", null);
        Map<String, Object> newValue = new LinkedHashMap<>(oldValue);
        newValue.put("count", 4);
        PipelineLog log = new PipelineLog("1", "trace-1", "p1", "t1", 42L,
                LocalDateTime.of(2026, 3, 4, 5, 6, 7, 891_000_000), oldValue, newValue);
        log.prerequisiteDefinedAs = Map.of("conditional", false);
        log.spentInMills = 17;
        StageLog stage = new StageLog("s1", "Stage", LocalDateTime.of(2026, 3, 4, 5, 6, 0));
        stage.prerequisiteDefinedAs = new LinkedHashMap<>(Map.of("conditional", true,
                "on", Map.of("jointType", "and", "filters", List.of())));
        log.stages.add(stage);
        UnitLog unit = new UnitLog("u1", "Unit", "item", Map.of("x", new BigDecimal("1")),
                LocalDateTime.of(2026, 3, 4, 5, 6, 7, 1));
        stage.units.add(unit);
        ActionLog write = new ActionLog("a-log", "a1", "insert-or-merge-row",
                Map.of("actionId", "a1", "type", "insert-or-merge-row", "mapping", List.of(Map.of("f", 1))),
                LocalDateTime.of(2026, 3, 4, 5, 6, 8), false);
        write.insertCount = 1;
        write.touched = Map.of("id_", 7L, "amount", new BigDecimal("2.5"), "when", LocalDate.of(2026, 1, 1));
        write.findBy = new CriteriaJoint(ParameterJointType.AND, List.of(new CriteriaExpression(
                new ColumnOperand(false, "customer", "name", null), CriteriaOperator.EQUALS, new ValueOperand("HOT"))));
        unit.actions.add(write);
        ActionLog alarm = new ActionLog("b-log", "a2", "alarm", null, LocalDateTime.of(2026, 3, 4, 5, 6, 9), true);
        alarm.fail("bad");
        alarm.prerequisite = false;
        unit.actions.add(alarm);
        UnitLog empty = new UnitLog("u2", null, null, null, LocalDateTime.of(2026, 3, 4, 5, 6, 10));
        stage.units.add(empty);
        return log;
    }
}
