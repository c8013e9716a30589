package io.watchmen.core.trigger;

import java.util.List;

/** The outcome of one storage object: one entry per item, and what the adapter must do. */
public record ObjectOutcome(ObjectRef ref, List<ItemOutcome> items, Disposition disposition) {
    public ObjectOutcome {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean succeeded() {
        return disposition == Disposition.SUCCEEDED;
    }
}
