package io.watchmen.core.model.topic;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One factor (column) of a topic. Hierarchical names use dots ({@code order.items.sku}).
 * {@code indexGroup} is blank, {@code i-1}..{@code i-10} or {@code u-1}..{@code u-10}.
 */
public record Factor(
        String factorId,
        FactorType type,
        String name,
        String enumId,
        String label,
        String description,
        String defaultValue,
        Boolean flatten,
        String indexGroup,
        FactorEncryptMethod encrypt,
        String precision) {

    /** Whether the factor is copied into its own column of a raw topic. */
    @JsonIgnore
    public boolean isFlatten() {
        return Boolean.TRUE.equals(flatten);
    }

    /** Whether the factor's value is encrypted or masked on write. */
    @JsonIgnore
    public boolean isEncrypted() {
        return encrypt != null && encrypt != FactorEncryptMethod.NONE;
    }
}
