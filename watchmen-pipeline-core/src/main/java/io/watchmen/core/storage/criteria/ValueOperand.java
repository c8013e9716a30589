package io.watchmen.core.storage.criteria;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value evaluated in memory and already coerced (spec pipeline 3.9): a String, BigDecimal, Long, Boolean,
 * LocalDate, LocalDateTime, LocalTime, a List of those (for in / not-in), or null. Rendered as a bind parameter.
 */
public record ValueOperand(@JsonValue Object value) implements Operand {
}
