package io.watchmen.core.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/** Decimal parsing and arithmetic as the reference's decimal context: 28 digits, half-even. */
public final class Decimals {

    public static final MathContext CONTEXT = new MathContext(28, RoundingMode.HALF_EVEN);

    private Decimals() {
    }

    /**
     * What Python's {@code Decimal(x)} accepts: integers, decimals, floats (via their shortest text), booleans
     * (1/0), numeric strings with surrounding spaces. Anything else is empty.
     */
    public static Optional<BigDecimal> parse(Object value) {
        throw new UnsupportedOperationException("implemented by the value package");
    }
}
