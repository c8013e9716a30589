package io.watchmen.core.value;

import io.watchmen.core.model.topic.Factor;

/** Casts a value to a factor's type (spec pipeline 3.7, storage 3.2.1). Thread-safe. */
public final class FactorCaster {

    private final DateTimeParser parser;

    public FactorCaster(DateTimeParser parser) {
        this.parser = parser;
    }

    /**
     * The cast value (null stays null).
     *
     * @throws io.watchmen.core.WatchmenException DATA_INVALID with the reference's message
     *         {@code Value[<v>, type=...] is incompatible with factor[name=..., type=...].}
     */
    public Object cast(Object value, Factor factor) {
        throw new UnsupportedOperationException("implemented by the value package");
    }
}
