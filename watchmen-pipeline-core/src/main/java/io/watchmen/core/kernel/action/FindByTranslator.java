package io.watchmen.core.kernel.action;

import io.watchmen.core.kernel.value.Constants;
import io.watchmen.core.kernel.value.EvalContext;
import io.watchmen.core.kernel.value.ParameterEvaluator;
import io.watchmen.core.kernel.value.PathResolver;
import io.watchmen.core.kernel.value.Placeholders;
import io.watchmen.core.kernel.value.Template;
import io.watchmen.core.kernel.value.Values;
import io.watchmen.core.model.pipeline.ComputedParameter;
import io.watchmen.core.model.pipeline.ConstantParameter;
import io.watchmen.core.model.pipeline.Parameter;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.model.pipeline.ParameterCondition;
import io.watchmen.core.model.pipeline.ParameterExpression;
import io.watchmen.core.model.pipeline.ParameterExpressionOperator;
import io.watchmen.core.model.pipeline.ParameterJoint;
import io.watchmen.core.model.pipeline.TopicFactorParameter;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.ArithmeticOperand;
import io.watchmen.core.storage.criteria.CaseThenOperand;
import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.ConcatOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.CriteriaOperator;
import io.watchmen.core.storage.criteria.DateFunctionOperand;
import io.watchmen.core.storage.criteria.DatePartOperand;
import io.watchmen.core.storage.criteria.Operand;
import io.watchmen.core.storage.criteria.ValueOperand;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates an action's {@code by} joint into a storage criteria tree (spec 2.16, 3.9): factors of the action's
 * own topic become columns, everything else is evaluated in memory and coerced by the other side's types.
 * Deviations: {@code {x.&length}} is the length (not its digit count), {@code prefix{&now}} is run-time now, and
 * trailing template text carries no "None" ([RB] section 5 items 4-6, 15).
 */
public final class FindByTranslator {

    private final ParameterEvaluator evaluator;

    public FindByTranslator(ParameterEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Criteria translate(ParameterJoint by, Topic topic, EvalContext context) {
        List<Criteria> children = new ArrayList<>();
        for (ParameterCondition filter : by.filters()) {
            children.add(filter instanceof ParameterJoint nested ? translate(nested, topic, context)
                    : expression((ParameterExpression) filter, topic, context));
        }
        return new CriteriaJoint(by.jointType(), children);
    }

    private Criteria expression(ParameterExpression expression, Topic topic, EvalContext context) {
        ParameterExpressionOperator operator = expression.operator();
        Operand left = operand(expression.left(), topic, context);
        if (operator == ParameterExpressionOperator.EMPTY || operator == ParameterExpressionOperator.NOT_EMPTY) {
            return new CriteriaExpression(left, operator == ParameterExpressionOperator.EMPTY
                    ? CriteriaOperator.IS_EMPTY : CriteriaOperator.IS_NOT_EMPTY, null);
        }
        Operand right = operand(expression.right(), topic, context);
        List<StorageTypes.Kind> leftTypes = StorageTypes.of(expression.left(), topic, evaluator.definitions());
        List<StorageTypes.Kind> rightTypes = StorageTypes.of(expression.right(), topic, evaluator.definitions());
        switch (operator) {
            case EQUALS, NOT_EQUALS -> {
                left = StorageTypes.coerceForEquality(left, rightTypes);
                right = StorageTypes.coerceForEquality(right, leftTypes);
            }
            case LESS, LESS_EQUALS, MORE, MORE_EQUALS -> {
                left = StorageTypes.coerceForOrdering(left, rightTypes, context.runtime().parser());
                right = StorageTypes.coerceForOrdering(right, leftTypes, context.runtime().parser());
            }
            case IN, NOT_IN -> right = StorageTypes.inList(right, leftTypes);
            default -> {
            }
        }
        return new CriteriaExpression(left, operator(operator), right);
    }

    static CriteriaOperator operator(ParameterExpressionOperator operator) {
        return switch (operator) {
            case EMPTY -> CriteriaOperator.IS_EMPTY;
            case NOT_EMPTY -> CriteriaOperator.IS_NOT_EMPTY;
            case EQUALS -> CriteriaOperator.EQUALS;
            case NOT_EQUALS -> CriteriaOperator.NOT_EQUALS;
            case LESS -> CriteriaOperator.LESS_THAN;
            case LESS_EQUALS -> CriteriaOperator.LESS_THAN_OR_EQUALS;
            case MORE -> CriteriaOperator.GREATER_THAN;
            case MORE_EQUALS -> CriteriaOperator.GREATER_THAN_OR_EQUALS;
            case IN -> CriteriaOperator.IN;
            case NOT_IN -> CriteriaOperator.NOT_IN;
        };
    }

    Operand operand(Parameter parameter, Topic topic, EvalContext context) {
        if (parameter instanceof TopicFactorParameter topicFactor && topic.topicId().equals(topicFactor.topicId())) {
            return column(topic, evaluator.definitions().factor(topicFactor.topicId(), topicFactor.factorId()));
        }
        if (parameter instanceof ConstantParameter constant) {
            return constant(constant.value(), topic, context);
        }
        if (parameter instanceof ComputedParameter computed) {
            return computed(computed, topic, context);
        }
        return new ValueOperand(evaluator.evaluate(parameter, context));
    }

    static ColumnOperand column(Topic topic, Factor factor) {
        return new ColumnOperand(topic.isSynonym(), topic.name(), columnName(factor.name()), factor);
    }

    /** Storage rule 1 (validated: a bad factor name is IDENTIFIER_INVALID). */
    static String columnName(String factorName) {
        return io.watchmen.core.storage.Identifiers.columnName(factorName);
    }

    private Operand constant(String value, Topic topic, EvalContext context) {
        if (value == null || value.isBlank()) {
            return new ValueOperand(null);
        }
        Template template = Template.of(value);
        if (template.literal()) {
            return new ValueOperand(value);
        }
        List<Template.Segment> segments = template.segments();
        if (segments.size() == 1 && !segments.get(0).hasPrefix() && segments.get(0).placeholder() != null) {
            String placeholder = segments.get(0).placeholder();
            if (placeholder.equals(Placeholders.OLD)) {
                throw Values.invalid("[&old] alone is not allowed in find-by condition.");
            }
            String function = Placeholders.dateFunction(placeholder);
            if (function != null && hasColumnArgument(placeholder, function)) {
                return dateFunction(placeholder, function, topic, context);
            }
            return new ValueOperand(Constants.evaluate(context, value));
        }
        List<Operand> parts = new ArrayList<>();
        for (Template.Segment segment : segments) {
            Object part = segment.placeholder() == null ? segment.prefix()
                    : Constants.evaluate(context, segment.prefix() + "{" + segment.placeholder() + "}");
            if (part != null) {
                parts.add(new ValueOperand(part instanceof String text ? text : Values.text(part)));
            }
        }
        return new ConcatOperand(parts);
    }

    private static boolean hasColumnArgument(String placeholder, String function) {
        for (String argument : Placeholders.arguments(placeholder, function)) {
            if (isColumnArgument(argument)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isColumnArgument(String argument) {
        return argument.startsWith("&") && !argument.equals(Placeholders.NOW) && !argument.startsWith("&old");
    }

    private Operand dateFunction(String placeholder, String function, Topic topic, EvalContext context) {
        String[] arguments = Placeholders.arguments(placeholder, function);
        List<Operand> operands = new ArrayList<>();
        boolean dateArgumentsOnly = function.endsWith("Diff");
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (isColumnArgument(argument)) {
                Factor factor = topic.factorByName(argument.substring(1)).orElseThrow(() -> Values.invalid(
                        "Factor[name=" + argument.substring(1) + "] not found in topic[" + topic.name() + "]."));
                operands.add(column(topic, factor));
            } else if (i == 0 || dateArgumentsOnly) {
                operands.add(new ValueOperand(dateValue(argument, context)));
            } else {
                operands.add(new ValueOperand(argument));
            }
        }
        return new DateFunctionOperand(function.substring(1), operands);
    }

    private static Object dateValue(String argument, EvalContext context) {
        if (argument.equals(Placeholders.NOW)) {
            return context.runtime().now();
        }
        return context.runtime().parser().parseDateTime(argument).map(Object.class::cast).orElseGet(() ->
                Values.dateOrDateTime(argument.startsWith("&old.")
                        ? PathResolver.resolvePrevious(context, argument.substring(5))
                        : PathResolver.resolve(context, argument), context.runtime().parser()));
    }

    private Operand computed(ComputedParameter computed, Topic topic, EvalContext context) {
        ParameterComputeType type = computed.type();
        switch (type) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULUS -> {
                List<Operand> operands = new ArrayList<>();
                for (Parameter parameter : computed.parameters()) {
                    operands.add(StorageTypes.coerceForEquality(operand(parameter, topic, context),
                            List.of(StorageTypes.Kind.NUMBER)));
                }
                return new ArithmeticOperand(type, operands);
            }
            case CASE_THEN -> {
                List<CaseThenOperand.Route> routes = new ArrayList<>();
                Operand otherwise = null;
                for (Parameter route : computed.parameters()) {
                    Operand then = operand(route, topic, context);
                    if (Boolean.TRUE.equals(route.conditional())) {
                        ParameterJoint on = route.on() == null ? new ParameterJoint(null, List.of()) : route.on();
                        routes.add(new CaseThenOperand.Route(translate(on, topic, context), then));
                    } else {
                        otherwise = then;
                    }
                }
                return new CaseThenOperand(routes, otherwise);
            }
            case NONE -> throw Values.invalid("Compute type not declared.");
            default -> {
                return new DatePartOperand(type, operand(computed.parameters().get(0), topic, context));
            }
        }
    }
}
