package io.watchmen.core.storage.criteria;

import com.fasterxml.jackson.annotation.JsonValue;

/** Storage operators, named as the reference records them in {@code findBy}. */
public enum CriteriaOperator {
    IS_EMPTY("is-empty"), IS_NOT_EMPTY("is-not-empty"), EQUALS("equals"), NOT_EQUALS("not-equals"),
    LESS_THAN("less-than"), LESS_THAN_OR_EQUALS("less-than-or-equals"), GREATER_THAN("greater-than"),
    GREATER_THAN_OR_EQUALS("greater-than-or-equals"), IN("in"), NOT_IN("not-in");

    private final String json;

    CriteriaOperator(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
