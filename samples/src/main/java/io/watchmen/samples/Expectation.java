package io.watchmen.samples;

import java.util.List;
import java.util.Map;

/**
 * The expected rows of one sample topic after every sample object has run ({@code expected/<topic>.json}).
 * Rows are keyed by factor name and hold only the factors worth checking. When {@code countBy} is not empty the
 * expected rows are counts: one row per distinct value combination of those factors, with a {@code count}.
 *
 * @param topic   the topic name
 * @param key     the factors that identify a row; rows are compared in this order
 * @param countBy the factors to group by, or empty to compare rows one by one
 * @param rows    the expected rows, sorted by {@code key}
 */
public record Expectation(String topic, List<String> key, List<String> countBy, List<Map<String, Object>> rows) {
    public Expectation {
        key = key == null ? List.of() : List.copyOf(key);
        countBy = countBy == null ? List.of() : List.copyOf(countBy);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
