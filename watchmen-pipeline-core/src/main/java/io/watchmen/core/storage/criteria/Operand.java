package io.watchmen.core.storage.criteria;

/**
 * One side of a criteria expression: a column of the action's topic, a value computed in memory, or an
 * expression the database computes over columns and values.
 */
public sealed interface Operand permits ColumnOperand, ValueOperand, ArithmeticOperand, DatePartOperand,
        CaseThenOperand, ConcatOperand, DateFunctionOperand {
}
