package io.watchmen.core.trigger;

import io.watchmen.core.model.pipeline.PipelineTriggerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one parsed JSON value against the trigger item shape ({@code pat}, {@code code}, {@code data} object,
 * optional {@code tenantId} and {@code triggerType}) and collects every problem, so one message tells the operator
 * all that is wrong. Problems never quote the PAT.
 */
final class TriggerItemReader {

    /** The longest quoted trigger type in a message: the value is user content, keep it short. */
    private static final int MAX_QUOTED_CHARS = 40;

    private TriggerItemReader() {
    }

    /** Either the trigger data or the problems (never both). */
    record Result(PipelineTriggerDataWithPAT data, List<String> problems) {
    }

    static Result read(Object value) {
        if (!(value instanceof Map<?, ?> item)) {
            return new Result(null, List.of("the item is " + jsonType(value) + ", not a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        String pat = requiredText(item, "pat", problems);
        String code = requiredText(item, "code", problems);
        Map<String, Object> data = dataObject(item.get("data"), problems);
        String tenantId = optionalText(item, "tenantId", problems);
        PipelineTriggerType triggerType = triggerType(item.get("triggerType"), problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new PipelineTriggerDataWithPAT(pat, code, data, tenantId, triggerType), List.of());
    }

    private static String requiredText(Map<?, ?> item, String field, List<String> problems) {
        Object value = item.get(field);
        if (value == null) {
            problems.add(field + " is missing");
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(field + " must be a string, not " + jsonType(value));
            return null;
        }
        if (text.isBlank()) {
            problems.add(field + " is blank");
            return null;
        }
        return text;
    }

    private static String optionalText(Map<?, ?> item, String field, List<String> problems) {
        Object value = item.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            problems.add(field + " must be a string, not " + jsonType(value));
            return null;
        }
        return text.isBlank() ? null : text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataObject(Object value, List<String> problems) {
        if (value == null) {
            problems.add("data is missing");
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            problems.add("data must be a JSON object, not " + jsonType(value));
            return null;
        }
        // Jackson's untyped reading builds LinkedHashMap<String, Object> with WatchmenJson's number types.
        return (Map<String, Object>) value;
    }

    private static PipelineTriggerType triggerType(Object value, List<String> problems) {
        if (value == null) {
            return PipelineTriggerType.INSERT;
        }
        if (value instanceof String text) {
            for (PipelineTriggerType candidate : PipelineTriggerType.values()) {
                if (candidate.json().equals(text)) {
                    return candidate;
                }
            }
            problems.add("triggerType [" + Messages.truncate(text, MAX_QUOTED_CHARS)
                    + "] is unknown: use insert, merge, insert-or-merge or delete");
            return null;
        }
        problems.add("triggerType must be a string, not " + jsonType(value));
        return null;
    }

    static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value.getClass().getSimpleName();
    }
}
