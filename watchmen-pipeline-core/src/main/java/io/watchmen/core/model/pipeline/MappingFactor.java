package io.watchmen.core.model.pipeline;

/** One row of a write action's mapping: target factor, value source and arithmetic (null means none). */
public record MappingFactor(String factorId, Parameter source, AggregateArithmetic arithmetic) {
}
