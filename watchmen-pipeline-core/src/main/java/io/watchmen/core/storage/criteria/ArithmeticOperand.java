package io.watchmen.core.storage.criteria;

import io.watchmen.core.model.pipeline.ParameterComputeType;
import java.util.List;

/** add / subtract / multiply / divide / modulus over operands, left to right, computed by the database. */
public record ArithmeticOperand(ParameterComputeType type, List<Operand> operands) implements Operand {
    public ArithmeticOperand {
        operands = List.copyOf(operands);
    }
}
