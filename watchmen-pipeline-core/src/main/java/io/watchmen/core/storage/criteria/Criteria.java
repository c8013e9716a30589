package io.watchmen.core.storage.criteria;

/**
 * A find-by condition evaluated by the storage (spec pipeline 2.16, 3.9): the kernel translates an action's
 * {@code by} joint into this tree of columns and already-evaluated values; the storage renders it as
 * parameterised SQL (values are always bound, never concatenated). Its JSON form is the monitor log's
 * {@code findBy}.
 */
public sealed interface Criteria permits CriteriaJoint, CriteriaExpression {
}
