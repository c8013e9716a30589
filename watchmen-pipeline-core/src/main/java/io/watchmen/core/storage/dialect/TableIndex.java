package io.watchmen.core.storage.dialect;

import java.util.List;

/** An index of a topic table: a validated name, unique or not, and validated column names in order. */
public record TableIndex(String name, boolean unique, List<String> columns) {
    public TableIndex {
        columns = List.copyOf(columns);
    }
}
