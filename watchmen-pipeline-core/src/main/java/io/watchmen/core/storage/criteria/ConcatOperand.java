package io.watchmen.core.storage.criteria;

import java.util.List;

/** A template of several segments: the database concatenates the parts' text. */
public record ConcatOperand(List<Operand> parts) implements Operand {
    public ConcatOperand {
        parts = List.copyOf(parts);
    }
}
