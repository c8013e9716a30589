package io.watchmen.core.trigger.function;

import io.watchmen.core.trigger.ObjectRef;
import java.util.Objects;

/** One object announced by a notification: where it is, and how to read it (read only when its turn comes). */
public record PendingObject(ObjectRef ref, ObjectReader reader) {
    public PendingObject {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(reader, "reader");
    }

    /** An object whose bytes the platform already delivered (Azure binding). */
    public static PendingObject ofBytes(ObjectRef ref, byte[] content) {
        return new PendingObject(ref, () -> content);
    }
}
