package io.watchmen.core.kernel.value;

import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.value.DateTimeParser;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What an in-memory evaluation sees (spec 3.1): previous and current trigger data, the run's variables (with the
 * origins copy-to-memory recorded for array detection) and the pipeline's trigger topic.
 */
public final class EvalContext {

    private final Map<String, Object> previous;
    private final Map<String, Object> current;
    private final Map<String, Object> variables;
    private final Map<String, String> origins;
    private final Topic triggerTopic;
    private final Runtime runtime;

    /** The per-kernel services evaluation needs: clock, ids and the date parser. */
    public record Runtime(Clock clock, LongSupplier ids, DateTimeParser parser) {
        /** Local now truncated to seconds, as the reference's {@code &now}. */
        public LocalDateTime now() {
            return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        }
    }

    public EvalContext(Map<String, Object> previous, Map<String, Object> current, Topic triggerTopic,
                       Runtime runtime) {
        this(previous, current, new HashMap<>(), new HashMap<>(), triggerTopic, runtime);
    }

    private EvalContext(Map<String, Object> previous, Map<String, Object> current, Map<String, Object> variables,
                        Map<String, String> origins, Topic triggerTopic, Runtime runtime) {
        this.previous = previous;
        this.current = current;
        this.variables = variables;
        this.origins = origins;
        this.triggerTopic = triggerTopic;
        this.runtime = runtime;
    }

    /** A loop iteration's clone: same data, copies of the variable and origin maps (spec 2.9). */
    public EvalContext cloneForLoop() {
        return new EvalContext(previous, current, new HashMap<>(variables), new HashMap<>(origins), triggerTopic,
                runtime);
    }

    /** The "previous view" of aggregate arithmetic: current replaced by previous, variables shared (spec 2.14). */
    public EvalContext previousView() {
        return new EvalContext(previous, previous, variables, origins, triggerTopic, runtime);
    }

    public Map<String, Object> previous() {
        return previous;
    }

    public Map<String, Object> current() {
        return current;
    }

    public Map<String, Object> variables() {
        return variables;
    }

    public boolean hasVariable(String name) {
        return variables.containsKey(name);
    }

    public Object variable(String name) {
        return variables.get(name);
    }

    public void setVariable(String name, Object value) {
        variables.put(name, value);
    }

    public String origin(String variableName) {
        return origins.get(variableName);
    }

    public void setOrigin(String variableName, String origin) {
        if (origin == null) {
            origins.remove(variableName);
        } else {
            origins.put(variableName, origin);
        }
    }

    public Topic triggerTopic() {
        return triggerTopic;
    }

    public Runtime runtime() {
        return runtime;
    }
}
