package io.watchmen.core.storage.criteria;

import java.util.List;

/**
 * A date function with a column argument, computed by the database: {@code yearDiff}, {@code monthDiff},
 * {@code dayDiff} (two date operands, end then start), {@code moveDate} (date operand, pattern as a value),
 * {@code fmtDate} (date operand, format as a value).
 */
public record DateFunctionOperand(String function, List<Operand> arguments) implements Operand {
    public DateFunctionOperand {
        arguments = List.copyOf(arguments);
    }
}
