package io.watchmen.core.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The aid hierarchy of raw topics (storage 2.7): every object gets {@code aid_me} and links to its ancestors,
 * depth-first pre-order, arrays transparent, root id taken first.
 */
final class AidHierarchy {

    static final String AID_ME = "aid_me";
    static final String AID_ROOT = "aid_root";

    private AidHierarchy() {
    }

    /** One step of the path from the root: the key descended by, and the aid of the object it leaves. */
    private record Ancestor(String key, long aid) {
    }

    static void apply(Map<String, Object> root, LongSupplier ids) {
        visit(root, List.of(), ids);
    }

    private static void visit(Map<String, Object> data, List<Ancestor> ancestors, LongSupplier ids) {
        long me = ids.getAsLong();
        data.put(AID_ME, me);
        int n = ancestors.size();
        Set<String> used = new HashSet<>();
        for (Ancestor ancestor : ancestors) {
            String name;
            if (used.isEmpty()) {
                name = AID_ROOT;
            } else {
                name = "aid_" + ancestor.key();
                if (used.contains(name)) {
                    // the pair number i is used.size() + 1, so the suffix is n - i + 1
                    name = name + "_" + (n - used.size());
                }
            }
            data.put(name, ancestor.aid());
            used.add(name);
        }
        // a snapshot: children only change their own maps, but keys must be visited in document order
        for (Map.Entry<String, Object> entry : new ArrayList<>(data.entrySet())) {
            List<Ancestor> mine = new ArrayList<>(ancestors);
            mine.add(new Ancestor(entry.getKey(), me));
            descend(entry.getValue(), mine, ids);
        }
    }

    @SuppressWarnings("unchecked")
    private static void descend(Object value, List<Ancestor> ancestors, LongSupplier ids) {
        if (value instanceof Map<?, ?> map) {
            visit((Map<String, Object>) map, ancestors, ids);
        } else if (value instanceof Collection<?> list) {
            for (Object element : list) {
                descend(element, ancestors, ids);
            }
        }
    }
}
