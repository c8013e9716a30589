package io.watchmen.core.storage.criteria;

import io.watchmen.core.model.pipeline.ParameterComputeType;

/** year-of ... day-of-week of one operand, computed by the database with the reference's numbering (3.6). */
public record DatePartOperand(ParameterComputeType type, Operand operand) implements Operand {
}
