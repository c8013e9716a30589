package io.watchmen.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares a topic's rows with its {@link Expectation}. Numbers compare numerically within 0.00001 (averages are
 * stored with six decimals), dates and date-times by their ISO text, everything else by text.
 */
public final class ExpectedResults {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.00001");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ExpectedResults() {
    }

    /** Checks every sample topic of the runtime's database; returns the differences, empty when all match. */
    public static List<String> check(io.watchmen.core.trigger.CoreRuntime runtime) {
        List<String> problems = new ArrayList<>();
        for (Expectation expectation : Samples.expectations()) {
            io.watchmen.core.model.topic.Topic topic = Samples.topic(expectation.topic());
            problems.addAll(differences(expectation, TopicRows.read(runtime.registry().forTopic(topic), topic)));
        }
        return problems;
    }

    /** The differences, each a readable sentence; empty when the rows match. */
    public static List<String> differences(Expectation expected, List<Map<String, Object>> actualRows) {
        List<Map<String, Object>> actual = expected.countBy().isEmpty()
                ? project(expected, actualRows) : count(expected.countBy(), actualRows);
        List<String> problems = new ArrayList<>();
        if (actual.size() != expected.rows().size()) {
            problems.add(expected.topic() + ": expected " + expected.rows().size() + " rows, found " + actual.size());
        }
        for (int i = 0; i < Math.min(actual.size(), expected.rows().size()); i++) {
            Map<String, Object> want = expected.rows().get(i);
            Map<String, Object> got = actual.get(i);
            for (Map.Entry<String, Object> field : want.entrySet()) {
                if (!same(field.getValue(), got.get(field.getKey()))) {
                    problems.add(expected.topic() + " row " + keyOf(expected.key(), want) + ": " + field.getKey()
                            + " expected [" + text(field.getValue()) + "], found [" + text(got.get(field.getKey())) + "]");
                }
            }
        }
        return problems;
    }

    /** How a value is shown in tables and messages: numbers without trailing zeros, date-times with seconds. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        return value.toString();
    }

    private static List<Map<String, Object>> project(Expectation expected, List<Map<String, Object>> rows) {
        Set<String> fields = new LinkedHashSet<>();
        expected.rows().forEach(row -> fields.addAll(row.keySet()));
        List<Map<String, Object>> projected = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> only = new java.util.LinkedHashMap<>();
            fields.forEach(field -> only.put(field, row.get(field)));
            projected.add(only);
        }
        projected.sort(Comparator.comparing(row -> keyOf(expected.key(), row)));
        return projected;
    }

    private static List<Map<String, Object>> count(List<String> countBy, List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> groups = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            String key = keyOf(countBy, row);
            Map<String, Object> group = groups.computeIfAbsent(key, k -> {
                Map<String, Object> fresh = new java.util.LinkedHashMap<>();
                countBy.forEach(field -> fresh.put(field, text(row.get(field))));
                fresh.put("count", 0);
                return fresh;
            });
            group.put("count", (Integer) group.get("count") + 1);
        }
        return new ArrayList<>(groups.values());
    }

    private static String keyOf(List<String> key, Map<String, Object> row) {
        List<String> parts = new ArrayList<>();
        key.forEach(field -> parts.add(text(row.get(field))));
        return String.join("|", parts);
    }

    private static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && (actual == null || text(actual).isEmpty());
        }
        if (expected instanceof Number want) {
            BigDecimal got = decimal(actual);
            return got != null && new BigDecimal(want.toString()).subtract(got).abs().compareTo(TOLERANCE) <= 0;
        }
        String want = expected.toString();
        if (actual instanceof LocalDateTime dateTime && want.length() == 10) {
            // a date factor read back as midnight on databases without a DATE type mapping
            return dateTime.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    && want.equals(dateTime.toLocalDate().toString());
        }
        if (actual instanceof LocalDate date) {
            return want.equals(date.toString());
        }
        return want.equals(text(actual));
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
