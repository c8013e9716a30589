package io.watchmen.core.storage.criteria;

import java.util.List;

/** {@code CASE WHEN route.when THEN route.then ... ELSE otherwise END}; otherwise may be null. */
public record CaseThenOperand(List<Route> routes, Operand otherwise) implements Operand {
    public CaseThenOperand {
        routes = List.copyOf(routes);
    }

    /** One conditional route. */
    public record Route(Criteria when, Operand then) {
    }
}
