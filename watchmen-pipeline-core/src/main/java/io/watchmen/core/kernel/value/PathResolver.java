package io.watchmen.core.kernel.value;

import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Dotted paths with array flattening and path functions (spec 3.1, 3.3). */
public final class PathResolver {

    private PathResolver() {
    }

    /** Splits on dots outside parentheses, after trimming the whole path. */
    public static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        String trimmed = path.trim();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == '.' && depth == 0) {
                parts.add(trimmed.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(trimmed.substring(start));
        return parts;
    }

    /** A path whose first segment is a variable (even holding null) or a key of the current data. */
    public static Object resolve(EvalContext context, String path) {
        List<String> parts = split(path);
        String first = parts.get(0);
        Object value;
        String arrayPath;
        if (context.hasVariable(first)) {
            value = context.variable(first);
            arrayPath = context.origin(first);
        } else {
            value = from(context.current(), first, "current");
            arrayPath = first;
        }
        return navigate(context, value, parts, 1, arrayPath, path);
    }

    /** A topic parameter in memory: the factor name navigated from the current data only (spec 3.1). */
    public static Object resolveCurrent(EvalContext context, String path) {
        List<String> parts = split(path);
        Object value = from(context.current(), parts.get(0), "current");
        return navigate(context, value, parts, 1, parts.get(0), path);
    }

    /** {@code &old.path}: navigates the previous data; fails when there is none (spec 3.4). */
    public static Object resolvePrevious(EvalContext context, String path) {
        List<String> parts = split(path);
        Object value = from(context.previous(), parts.get(0), "previous");
        return navigate(context, value, parts, 1, parts.get(0), path);
    }

    private static Object from(Map<String, Object> data, String key, String which) {
        if (data == null) {
            throw Values.invalid("Cannot retrieve[key=" + key + "] from " + which + " data, it is null.");
        }
        return data.get(key);
    }

    private static Object navigate(EvalContext context, Object start, List<String> parts, int from,
                                   String arrayPath, String fullPath) {
        Object value = start;
        String soFar = arrayPath;
        Object stop = stopValue(context.triggerTopic(), value, soFar);
        if (stop != CONTINUE) {
            return stop;
        }
        for (int i = from; i < parts.size(); i++) {
            String segment = parts.get(i);
            if (segment.startsWith("&")) {
                if (segment.startsWith("&firstRow")) {
                    value = PathFunctions.firstRow(value, segment, context.runtime().parser());
                } else {
                    return PathFunctions.apply(value, segment, context.runtime().parser());
                }
            } else {
                soFar = soFar == null ? null : soFar + "." + segment;
                value = step(context.triggerTopic(), value, segment, soFar, fullPath);
            }
            stop = stopValue(context.triggerTopic(), value, soFar);
            if (stop != CONTINUE) {
                return stop;
            }
        }
        return value;
    }

    private static final Object CONTINUE = new Object();

    private static Object stopValue(Topic topic, Object value, String soFar) {
        if (value == null) {
            return isArrayFactor(topic, soFar) ? new ArrayList<>() : null;
        }
        if (value instanceof Collection<?> list && list.isEmpty()) {
            return new ArrayList<>();
        }
        return CONTINUE;
    }

    private static Object step(Topic topic, Object value, String segment, String soFar, String fullPath) {
        if (value instanceof Map<?, ?> map) {
            return map.get(segment);
        }
        if (value instanceof Collection<?> list) {
            List<Object> result = new ArrayList<>();
            boolean array = isArrayFactor(topic, soFar);
            for (Object element : list) {
                Object child;
                if (element == null) {
                    child = null;
                } else if (element instanceof Map<?, ?> map) {
                    child = map.get(segment);
                } else {
                    throw cannotRetrieve(fullPath, segment, element);
                }
                if (child == null) {
                    child = array ? new ArrayList<>() : null;
                }
                if (child instanceof Collection<?> nested) {
                    result.addAll(nested);
                } else {
                    result.add(child);
                }
            }
            return result;
        }
        throw cannotRetrieve(fullPath, segment, value);
    }

    private static RuntimeException cannotRetrieve(String path, String segment, Object data) {
        return Values.invalid("Cannot retrieve[key=" + path + ", current=" + segment + "] from ["
                + Values.text(data) + "].");
    }

    static boolean isArrayFactor(Topic topic, String path) {
        if (topic == null || path == null) {
            return false;
        }
        return topic.factorByName(path).map(Factor::type).map(type -> type == FactorType.ARRAY).orElse(false);
    }
}
