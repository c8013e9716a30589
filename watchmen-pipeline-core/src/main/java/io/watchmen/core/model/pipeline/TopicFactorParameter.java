package io.watchmen.core.model.pipeline;

/** {@code kind: topic}: the value of a factor, looked up by name in the current trigger data or as a column. */
public record TopicFactorParameter(String topicId, String factorId, Boolean conditional, ParameterJoint on)
        implements Parameter {
}
