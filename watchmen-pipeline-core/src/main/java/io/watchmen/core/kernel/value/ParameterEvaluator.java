package io.watchmen.core.kernel.value;

import io.watchmen.core.model.pipeline.ComputedParameter;
import io.watchmen.core.model.pipeline.ConstantParameter;
import io.watchmen.core.model.pipeline.Parameter;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.model.pipeline.TopicFactorParameter;
import io.watchmen.core.model.pipeline.VariableParameter;
import io.watchmen.core.value.DateFunctions;
import io.watchmen.core.value.Decimals;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;

/** In-memory evaluation of parameters (spec 3.1, 3.6) and of conditions (3.8). */
public final class ParameterEvaluator {

    private final Definitions definitions;
    private final Conditions conditions;

    public ParameterEvaluator(Definitions definitions) {
        this.definitions = definitions;
        this.conditions = new Conditions(this);
    }

    public Conditions conditions() {
        return conditions;
    }

    public Definitions definitions() {
        return definitions;
    }

    public Object evaluate(Parameter parameter, EvalContext context) {
        if (parameter instanceof TopicFactorParameter topicFactor) {
            String name = definitions.factor(topicFactor.topicId(), topicFactor.factorId()).name();
            return PathResolver.resolveCurrent(context, name);
        }
        if (parameter instanceof ConstantParameter constant) {
            return Constants.evaluate(context, constant.value());
        }
        if (parameter instanceof VariableParameter variable) {
            String path = variable.variableName();
            if (variable.factorName() != null && !variable.factorName().isBlank()) {
                path = path + "." + variable.factorName();
            }
            return PathResolver.resolve(context, path);
        }
        if (parameter instanceof ComputedParameter computed) {
            return computed(computed, context);
        }
        throw Values.invalid("Parameter cannot be null.");
    }

    private Object computed(ComputedParameter computed, EvalContext context) {
        ParameterComputeType type = computed.type();
        List<Parameter> parameters = computed.parameters();
        switch (type) {
            case ADD:
            case SUBTRACT: {
                BigDecimal result = null;
                for (Parameter parameter : parameters) {
                    BigDecimal operand = Values.decimalOrZero(evaluate(parameter, context));
                    result = result == null ? operand
                            : type == ParameterComputeType.ADD ? result.add(operand, Decimals.CONTEXT)
                            : result.subtract(operand, Decimals.CONTEXT);
                }
                return result;
            }
            case MULTIPLY:
            case DIVIDE:
            case MODULUS: {
                BigDecimal result = null;
                for (int i = 0; i < parameters.size(); i++) {
                    Object value = evaluate(parameters.get(i), context);
                    Optional<BigDecimal> operand = value == null ? Optional.empty() : Values.decimal(value);
                    if (operand.isEmpty()) {
                        throw Values.invalid("Operand[index=" + i + ", value=" + Values.text(value) + "] of "
                                + type.json() + " is not numeric.");
                    }
                    result = result == null ? operand.get() : fold(type, result, operand.get(), i);
                }
                return result;
            }
            case CASE_THEN: {
                Parameter otherwise = null;
                for (Parameter route : parameters) {
                    if (Boolean.TRUE.equals(route.conditional())) {
                        if (conditions.prerequisite(true, route.on(), context)) {
                            return evaluate(route, context);
                        }
                    } else {
                        otherwise = route;
                    }
                }
                return otherwise == null ? null : evaluate(otherwise, context);
            }
            case NONE:
                throw Values.invalid("Compute type not declared.");
            default:
                return datePart(type, evaluate(parameters.get(0), context), context);
        }
    }

    private static BigDecimal fold(ParameterComputeType type, BigDecimal left, BigDecimal right, int index) {
        if (type == ParameterComputeType.MULTIPLY) {
            return left.multiply(right, Decimals.CONTEXT);
        }
        if (right.signum() == 0) {
            throw Values.invalid("Operand[index=" + index + "] of " + type.json() + " is zero, division by zero.");
        }
        return type == ParameterComputeType.DIVIDE ? left.divide(right, Decimals.CONTEXT)
                : left.remainder(right, Decimals.CONTEXT);
    }

    private static Object datePart(ParameterComputeType type, Object value, EvalContext context) {
        if (value == null) {
            return null;
        }
        Object date = Values.dateOrDateTime(value, context.runtime().parser());
        return DateFunctions.datePart(type, (Temporal) date);
    }
}
