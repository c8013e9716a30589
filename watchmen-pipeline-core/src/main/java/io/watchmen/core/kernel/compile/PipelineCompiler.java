package io.watchmen.core.kernel.compile;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.meta.MetadataService;
import io.watchmen.core.model.pipeline.Action;
import io.watchmen.core.model.pipeline.AlarmAction;
import io.watchmen.core.kernel.value.Placeholders;
import io.watchmen.core.kernel.value.Template;
import io.watchmen.core.model.pipeline.ComputedParameter;
import io.watchmen.core.model.pipeline.ConstantParameter;
import io.watchmen.core.model.pipeline.CopyToMemoryAction;
import io.watchmen.core.model.pipeline.MappingFactor;
import io.watchmen.core.model.pipeline.Parameter;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.model.pipeline.ParameterCondition;
import io.watchmen.core.model.pipeline.ParameterExpression;
import io.watchmen.core.model.pipeline.ParameterJoint;
import io.watchmen.core.model.pipeline.Pipeline;
import io.watchmen.core.model.pipeline.ReadFactorAction;
import io.watchmen.core.model.pipeline.ReadFactorsAction;
import io.watchmen.core.model.pipeline.Stage;
import io.watchmen.core.model.pipeline.TopicFactorParameter;
import io.watchmen.core.model.pipeline.Unit;
import io.watchmen.core.model.pipeline.WriteFactorAction;
import io.watchmen.core.model.pipeline.WriteToExternalAction;
import io.watchmen.core.model.system.ExternalWriter;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves and validates a pipeline definition once (spec 2.6); failures are DEFINITION_INVALID. A writer row
 * whose code has no implementation is not a compile error here: the action fails at run time with
 * "External writer[...] is not configured." so that the rest of the pipeline definition stays usable.
 */
public final class PipelineCompiler {

    private final MetadataService metadata;

    public PipelineCompiler(MetadataService metadata) {
        this.metadata = metadata;
    }

    private final class Scope {
        final String tenantId;
        final Map<String, Topic> topics = new HashMap<>();
        final Map<String, ExternalWriter> writers = new HashMap<>();

        Scope(String tenantId) {
            this.tenantId = tenantId;
        }

        Topic topic(String topicId, String actionId) {
            if (topicId == null || topicId.isBlank()) {
                throw invalid("Topic not declared in action[" + actionId + "].");
            }
            Topic topic = topics.get(topicId);
            if (topic == null) {
                topic = metadata.topicById(topicId, tenantId)
                        .orElseThrow(() -> invalid("Topic[id=" + topicId + "] not found."));
                topics.put(topicId, topic);
            }
            return topic;
        }

        Factor factor(Topic topic, String factorId) {
            return topic.factorById(factorId).orElseThrow(() -> invalid("Factor[id=" + factorId + "] in topic[id="
                    + topic.topicId() + ", name=" + topic.name() + "] not found."));
        }
    }

    public CompiledPipeline compile(Pipeline pipeline, Topic triggerTopic) {
        Scope scope = new Scope(pipeline.tenantId() == null ? triggerTopic.tenantId() : pipeline.tenantId());
        scope.topics.put(triggerTopic.topicId(), triggerTopic);
        joint(scope, pipeline.on(), null);
        for (Stage stage : pipeline.stages()) {
            joint(scope, stage.on(), null);
            for (Unit unit : stage.units()) {
                joint(scope, unit.on(), null);
                for (Action action : unit.actions()) {
                    action(scope, action);
                }
            }
        }
        return new CompiledPipeline(pipeline, triggerTopic, scope.topics, scope.writers);
    }

    private void action(Scope scope, Action action) {
        if (action == null) {
            throw invalid("Action cannot be null.");
        }
        if (action instanceof AlarmAction alarm) {
            joint(scope, alarm.on(), null);
            return;
        }
        if (action instanceof CopyToMemoryAction copy) {
            if (copy.variableName() == null || copy.variableName().isBlank()) {
                throw invalid("Variable not declared in copy to variable action.");
            }
            parameter(scope, copy.source(), null);
            return;
        }
        if (action instanceof WriteToExternalAction external) {
            ExternalWriter writer = metadata.externalWriter(external.externalWriterId(), scope.tenantId)
                    .orElseThrow(() -> invalid("External writer[id=" + external.externalWriterId() + "] not found."));
            scope.writers.put(external.externalWriterId(), writer);
            return;
        }
        Action.TopicAction topicAction = (Action.TopicAction) action;
        Topic topic = scope.topic(topicAction.topicId(), action.actionId());
        if (action instanceof Action.ReadAction read
                && (read.variableName() == null || read.variableName().isBlank())) {
            throw invalid("Variable not declared in read action.");
        }
        if (action instanceof ReadFactorAction readFactor) {
            scope.factor(topic, readFactor.factorId());
        }
        if (action instanceof ReadFactorsAction readFactors) {
            scope.factor(topic, readFactors.factorId());
        }
        if (action instanceof Action.FindByAction findBy) {
            if (findBy.by() == null) {
                throw invalid("Condition cannot be none.");
            }
            joint(scope, findBy.by(), topic);
        }
        if (action instanceof Action.WriteAction write) {
            if (write.mapping() == null) {
                throw invalid("Mapping cannot be none.");
            }
            if (write.mapping().isEmpty()) {
                throw invalid("At least one mapping is required.");
            }
            for (MappingFactor mapping : write.mapping()) {
                if (mapping == null) {
                    throw invalid("Mapping factor cannot be none.");
                }
                scope.factor(topic, mapping.factorId());
                parameter(scope, mapping.source(), null);
            }
        }
        if (action instanceof WriteFactorAction writeFactor) {
            scope.factor(topic, writeFactor.factorId());
            parameter(scope, writeFactor.source(), null);
        }
    }

    /** storageTopic: the action's own topic when the joint is a find-by (its raw factors must be flatten). */
    private void joint(Scope scope, ParameterJoint joint, Topic storageTopic) {
        if (joint == null) {
            return;
        }
        for (ParameterCondition filter : joint.filters()) {
            if (filter instanceof ParameterJoint nested) {
                joint(scope, nested, storageTopic);
            } else if (filter instanceof ParameterExpression expression) {
                parameter(scope, expression.left(), storageTopic);
                if (expression.right() != null) {
                    parameter(scope, expression.right(), storageTopic);
                }
            } else {
                throw invalid("Condition cannot be none.");
            }
        }
    }

    private void parameter(Scope scope, Parameter parameter, Topic storageTopic) {
        if (parameter == null) {
            throw invalid("Parameter cannot be none.");
        }
        if (parameter instanceof TopicFactorParameter topicFactor) {
            Topic topic = scope.topic(topicFactor.topicId(), "parameter");
            Factor factor = scope.factor(topic, topicFactor.factorId());
            if (storageTopic != null && topic.topicId().equals(storageTopic.topicId()) && topic.isRaw()
                    && !factor.isFlatten()) {
                throw invalid("Factor[id=" + factor.factorId() + ", name=" + factor.name() + "] in topic[id="
                        + topic.topicId() + ", name=" + topic.name()
                        + "] is not flatten, cannot be used on storage directly.");
            }
        } else if (parameter instanceof ComputedParameter computed) {
            computed(scope, computed, storageTopic);
        } else if (parameter instanceof ConstantParameter constant && constant.value() != null) {
            constant(constant.value(), storageTopic != null);
        }
        if (Boolean.TRUE.equals(parameter.conditional())) {
            joint(scope, parameter.on(), null);
        }
    }

    /** {@code x{&old}} is never valid; {@code {&old}} alone is not valid in a find-by (spec 3.2, 3.9). */
    private static void constant(String value, boolean findBy) {
        Template template = Template.of(value);
        for (Template.Segment segment : template.segments()) {
            if (Placeholders.OLD.equals(segment.placeholder())
                    && (segment.hasPrefix() || findBy || template.segments().size() > 1)) {
                throw invalid("Constant[" + value + "] cannot use [&old] " + (findBy ? "in a find-by condition."
                        : "with other text."));
            }
        }
    }

    private void computed(Scope scope, ComputedParameter computed, Topic storageTopic) {
        ParameterComputeType type = computed.type();
        List<Parameter> parameters = computed.parameters();
        switch (type) {
            case NONE -> throw invalid("Compute type not declared.");
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULUS -> {
                if (parameters.size() < 2) {
                    throw invalid("At least 2 parameters on [" + type.json() + "] computation.");
                }
            }
            case CASE_THEN -> {
                if (parameters.isEmpty()) {
                    throw invalid("At least 1 route on [case-then] computation.");
                }
                long anyway = parameters.stream().filter(p -> p != null && !Boolean.TRUE.equals(p.conditional()))
                        .count();
                if (anyway > 1) {
                    throw invalid("Multiple anyway routes in case-then expression is not allowed.");
                }
            }
            default -> {
                if (parameters.size() != 1) {
                    throw invalid("Just one parameter is allowed on [" + type.json() + "] computation.");
                }
            }
        }
        for (Parameter parameter : parameters) {
            parameter(scope, parameter, storageTopic);
        }
    }

    private static WatchmenException invalid(String message) {
        return new WatchmenException(ErrorCode.DEFINITION_INVALID, message);
    }
}
