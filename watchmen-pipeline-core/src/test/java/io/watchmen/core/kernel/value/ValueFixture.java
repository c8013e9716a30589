package io.watchmen.core.kernel.value;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.model.pipeline.ConstantParameter;
import io.watchmen.core.model.pipeline.Parameter;
import io.watchmen.core.model.pipeline.ParameterExpression;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.value.DateTimeParser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** An evaluation context over a small trigger topic, with a clock tests can move. */
final class ValueFixture implements Definitions {

    static final String TOPIC = """
            {"topicId": "t1", "name": "event", "type": "raw", "tenantId": "T1", "factors": [
              {"factorId": "f1", "name": "s", "type": "text"},
              {"factorId": "f2", "name": "n", "type": "number"},
              {"factorId": "f3", "name": "items", "type": "array"},
              {"factorId": "f4", "name": "items.qty", "type": "number"},
              {"factorId": "f5", "name": "d", "type": "date"},
              {"factorId": "f6", "name": "flag", "type": "boolean", "flatten": true},
              {"factorId": "f7", "name": "amount", "type": "number", "flatten": true},
              {"factorId": "f8", "name": "when", "type": "datetime", "flatten": true}]}""";

    static final class MovableClock extends Clock {
        Instant now = LocalDateTime.of(2024, 3, 20, 10, 0, 0).toInstant(ZoneOffset.UTC);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Topic topic = read(TOPIC, new TypeReference<>() { });
    final MovableClock clock = new MovableClock();
    final AtomicLong ids = new AtomicLong(500);
    final ParameterEvaluator evaluator = new ParameterEvaluator(this);

    EvalContext context(Map<String, Object> previous, Map<String, Object> current) {
        return new EvalContext(previous, current, topic,
                new EvalContext.Runtime(clock, ids::incrementAndGet, DateTimeParser.defaults()));
    }

    Object constant(EvalContext context, String value) {
        return evaluator.evaluate(new ConstantParameter(value, null, null), context);
    }

    Parameter parameter(String json) {
        return read(json, new TypeReference<>() { });
    }

    boolean expression(EvalContext context, String json) {
        return evaluator.conditions().expression(read(json, new TypeReference<ParameterExpression>() { }), context);
    }

    static Map<String, Object> data(String json) {
        return read(json, new TypeReference<>() { });
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return WatchmenJson.mapper().readValue(json, type);
        } catch (Exception failure) {
            throw new IllegalArgumentException(failure);
        }
    }

    @Override
    public Topic topic(String topicId) {
        if (!topic.topicId().equals(topicId)) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Topic[id=" + topicId + "] not found.");
        }
        return topic;
    }

    @Override
    public Factor factor(String topicId, String factorId) {
        return topic(topicId).factorById(factorId).orElseThrow();
    }

    static List<Object> list(Object... values) {
        return new java.util.ArrayList<>(java.util.Arrays.asList(values));
    }
}
