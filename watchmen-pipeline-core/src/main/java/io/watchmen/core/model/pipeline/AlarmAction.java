package io.watchmen.core.model.pipeline;

/** {@code alarm}: evaluates its message template when its own prerequisite holds. */
public record AlarmAction(String actionId, AlarmSeverity severity, String message, Boolean conditional, ParameterJoint on) implements Action {
    public AlarmAction {
        severity = severity == null ? AlarmSeverity.MEDIUM : severity;
    }

    @Override
    public String type() {
        return "alarm";
    }
}
