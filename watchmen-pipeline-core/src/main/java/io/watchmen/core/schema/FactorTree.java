package io.watchmen.core.schema;

import io.watchmen.core.model.topic.Factor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Factors grouped by their dotted names, so one walk over the data serves every factor of a step (storage 3.2):
 * objects are descended, arrays are transparent (their object elements are descended), nothing is created.
 */
final class FactorTree<T> {

    /** What a step does at a leaf: {@code container.get(key)} is the current value (null when missing). */
    interface LeafAction<T> {
        void apply(Map<String, Object> container, String key, Object value, T leaf);
    }

    private final Map<String, Node<T>> roots = new LinkedHashMap<>();

    private static final class Node<T> {
        T leaf;
        final Map<String, Node<T>> children = new LinkedHashMap<>();
    }

    /** Adds a factor under its trimmed dotted name; blank names are ignored. */
    void add(Factor factor, T leaf) {
        String name = factor.name() == null ? "" : factor.name().strip();
        if (name.isEmpty()) {
            return;
        }
        Map<String, Node<T>> level = roots;
        Node<T> node = null;
        for (String segment : name.split("\\.", -1)) {
            node = level.computeIfAbsent(segment, k -> new Node<>());
            level = node.children;
        }
        if (node.leaf == null) {
            // like the reference, the first of several factors with one name wins
            node.leaf = leaf;
        }
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    /** Whether a factor's name starts with this top-level key (a walk may reach into its value). */
    boolean hasRoot(String key) {
        return roots.containsKey(key);
    }

    void walk(Map<String, Object> data, LeafAction<T> action) {
        walk(data, roots, action);
    }

    private static <T> void walk(Map<String, Object> data, Map<String, Node<T>> level, LeafAction<T> action) {
        for (Map.Entry<String, Node<T>> entry : level.entrySet()) {
            String key = entry.getKey();
            Node<T> node = entry.getValue();
            Object value = data.get(key);
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                descend(value, node.children, action);
            } else if (node.leaf != null) {
                action.apply(data, key, value, node.leaf);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void descend(Object value, Map<String, Node<T>> level, LeafAction<T> action) {
        if (level.isEmpty()) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            walk((Map<String, Object>) map, level, action);
        } else if (value instanceof Collection<?> list) {
            for (Object element : list) {
                descend(element, level, action);
            }
        }
    }
}
