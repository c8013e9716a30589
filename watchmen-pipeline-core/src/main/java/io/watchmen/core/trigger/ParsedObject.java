package io.watchmen.core.trigger;

import java.util.List;

/**
 * A storage object split into its items, in order. A failure of the whole object (too large, not UTF-8, not JSON,
 * a broken array) is one failed item with index 0.
 */
public record ParsedObject(ObjectRef ref, List<ParsedItem> items) {
    public ParsedObject {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
