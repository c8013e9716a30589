package io.watchmen.core.kernel.action;

import io.watchmen.core.kernel.value.EvalContext;
import io.watchmen.core.kernel.value.ParameterEvaluator;
import io.watchmen.core.kernel.value.Values;
import io.watchmen.core.model.pipeline.AccumulateMode;
import io.watchmen.core.model.pipeline.AggregateArithmetic;
import io.watchmen.core.model.pipeline.MappingFactor;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.value.Decimals;
import io.watchmen.core.value.FactorCaster;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mapping rows into a fresh map, with the aggregate arithmetic of spec 2.14. */
final class MappingEvaluator {

    static final String ASSIST = "aggregate_assist_";

    private MappingEvaluator() {
    }

    /** factorName → value, plus {@value #ASSIST} holding this action's avg counters when any avg row exists. */
    static Map<String, Object> evaluate(List<MappingFactor> mapping, Topic topic, AccumulateMode mode,
                                        Map<String, Object> original, boolean hasPrevious, EvalContext context,
                                        ParameterEvaluator evaluator, FactorCaster caster) {
        Map<String, Object> row = new LinkedHashMap<>();
        Map<String, Object> assist = null;
        for (MappingFactor entry : mapping) {
            Factor factor = evaluator.definitions().factor(topic.topicId(), entry.factorId());
            AggregateArithmetic arithmetic = entry.arithmetic() == null ? AggregateArithmetic.NONE : entry.arithmetic();
            String name = factor.name();
            switch (arithmetic) {
                case NONE -> {
                    Object value = evaluator.evaluate(entry.source(), context);
                    row.put(name, value == null ? null : caster.cast(value, factor));
                }
                case SUM -> row.put(name, sum(entry, mode, original, hasPrevious, context, evaluator, name));
                case COUNT -> row.put(name, count(mode, original, hasPrevious, name));
                case AVG -> {
                    if (assist == null) {
                        assist = new LinkedHashMap<>();
                    }
                    row.put(name, avg(entry, mode, original, hasPrevious, context, evaluator, name, assist));
                }
                default -> throw Values.invalid("Unsupported arithmetic[" + arithmetic + "].");
            }
        }
        if (assist != null) {
            row.put(ASSIST, assist);
        }
        return row;
    }

    private static BigDecimal cur(MappingFactor entry, EvalContext context, ParameterEvaluator evaluator) {
        return Values.decimalOrZero(evaluator.evaluate(entry.source(), context));
    }

    private static BigDecimal prev(MappingFactor entry, EvalContext context, ParameterEvaluator evaluator) {
        return Values.decimalOrZero(evaluator.evaluate(entry.source(), context.previousView()));
    }

    private static BigDecimal orig(Map<String, Object> original, String name) {
        return Values.decimalOrZero(original.get(name));
    }

    private static Object sum(MappingFactor entry, AccumulateMode mode, Map<String, Object> original,
                              boolean hasPrevious, EvalContext context, ParameterEvaluator evaluator, String name) {
        if (original == null) {
            if (mode == AccumulateMode.REVERSE) {
                throw Values.invalid("There is no existing aggregated data, therefore reverse accumulating cannot be "
                        + "performed here.");
            }
            return cur(entry, context, evaluator);
        }
        BigDecimal orig = orig(original, name);
        if (mode == AccumulateMode.CUMULATE) {
            return orig.add(cur(entry, context, evaluator), Decimals.CONTEXT);
        }
        if (hasPrevious) {
            BigDecimal reduced = orig.subtract(prev(entry, context, evaluator), Decimals.CONTEXT);
            return mode == AccumulateMode.REVERSE ? reduced : reduced.add(cur(entry, context, evaluator), Decimals.CONTEXT);
        }
        if (mode == AccumulateMode.REVERSE) {
            throw Values.invalid("There is no previous trigger data, therefore reverse accumulating cannot be "
                    + "performed here.");
        }
        return orig.add(cur(entry, context, evaluator), Decimals.CONTEXT);
    }

    private static Object count(AccumulateMode mode, Map<String, Object> original, boolean hasPrevious, String name) {
        if (original == null) {
            if (mode == AccumulateMode.REVERSE) {
                throw Values.invalid("There is no existing aggregated data, therefore reverse count cannot be "
                        + "performed here.");
            }
            return 1L;
        }
        long orig = orig(original, name).longValue();
        if (mode == AccumulateMode.CUMULATE) {
            return orig + 1;
        }
        if (hasPrevious) {
            if (mode == AccumulateMode.REVERSE) {
                if (orig <= 0) {
                    throw Values.invalid("Count <= 0, therefore reverse count cannot be performed here.");
                }
                return orig - 1;
            }
            return orig == 0 ? 1L : orig;
        }
        if (mode == AccumulateMode.REVERSE) {
            throw Values.invalid("There is no previous trigger data, therefore reverse count cannot be performed here.");
        }
        return orig + 1;
    }

    private static Object avg(MappingFactor entry, AccumulateMode mode, Map<String, Object> original,
                              boolean hasPrevious, EvalContext context, ParameterEvaluator evaluator, String name,
                              Map<String, Object> assist) {
        String key = name + ".avg_count";
        if (original == null) {
            if (mode == AccumulateMode.REVERSE) {
                throw Values.invalid("There is no existing aggregated data, therefore reverse accumulating cannot be "
                        + "performed here.");
            }
            assist.put(key, 1);
            return evaluator.evaluate(entry.source(), context);
        }
        BigDecimal orig = orig(original, name);
        BigDecimal n = counter(original, key);
        BigDecimal total = orig.multiply(n, Decimals.CONTEXT);
        if (mode == AccumulateMode.CUMULATE) {
            return next(assist, key, total.add(cur(entry, context, evaluator), Decimals.CONTEXT), n.add(BigDecimal.ONE));
        }
        if (hasPrevious) {
            if (n.signum() == 0) {
                throw Values.invalid("No existing accumulated average (count is 0), therefore average accumulating on "
                        + "data change cannot be performed here.");
            }
            BigDecimal prev = prev(entry, context, evaluator);
            if (mode == AccumulateMode.REVERSE) {
                if (n.compareTo(BigDecimal.ONE) == 0) {
                    assist.put(key, 0);
                    return BigDecimal.ZERO;
                }
                return next(assist, key, total.subtract(prev, Decimals.CONTEXT), n.subtract(BigDecimal.ONE));
            }
            return next(assist, key, total.add(cur(entry, context, evaluator), Decimals.CONTEXT)
                    .subtract(prev, Decimals.CONTEXT), n);
        }
        if (mode == AccumulateMode.REVERSE) {
            throw Values.invalid("There is no previous trigger data, therefore reverse accumulating cannot be "
                    + "performed here.");
        }
        return next(assist, key, total.add(cur(entry, context, evaluator), Decimals.CONTEXT), n.add(BigDecimal.ONE));
    }

    private static BigDecimal next(Map<String, Object> assist, String key, BigDecimal total, BigDecimal count) {
        assist.put(key, count.intValueExact());
        return total.divide(count, Decimals.CONTEXT);
    }

    private static BigDecimal counter(Map<String, Object> original, String key) {
        return Values.decimalOrZero(WriteActions.assistOf(original).get(key));
    }
}
