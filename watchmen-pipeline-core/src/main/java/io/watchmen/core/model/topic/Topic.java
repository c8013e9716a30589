package io.watchmen.core.model.topic;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A topic: a typed table of data in a tenant, read and written by pipelines. */
public record Topic(
        String topicId,
        String name,
        TopicType type,
        TopicKind kind,
        String dataSourceId,
        List<Factor> factors,
        String description,
        String tenantId,
        LocalDateTime createdAt,
        String createdBy,
        LocalDateTime lastModifiedAt,
        String lastModifiedBy,
        Long version) {

    public Topic {
        type = type == null ? TopicType.DISTINCT : type;
        kind = kind == null ? TopicKind.BUSINESS : kind;
        factors = factors == null ? List.of() : List.copyOf(factors);
    }

    /** The name of the system topic that receives pipeline monitor logs. */
    public static final String MONITOR_LOG_TOPIC_NAME = "raw_pipeline_monitor_log";

    @JsonIgnore
    public boolean isRaw() {
        return type == TopicType.RAW;
    }

    /** Aggregation topics (aggregate, time, ratio) carry {@code version_} and {@code aggregate_assist_}. */
    @JsonIgnore
    public boolean isAggregation() {
        return type == TopicType.AGGREGATE || type == TopicType.TIME || type == TopicType.RATIO;
    }

    @JsonIgnore
    public boolean isSynonym() {
        return kind == TopicKind.SYNONYM;
    }

    @JsonIgnore
    public boolean isSystem() {
        return kind == TopicKind.SYSTEM;
    }

    public Optional<Factor> factorById(String factorId) {
        for (Factor factor : factors) {
            if (factor.factorId() != null && factor.factorId().equals(factorId)) {
                return Optional.of(factor);
            }
        }
        return Optional.empty();
    }

    public Optional<Factor> factorByName(String factorName) {
        for (Factor factor : factors) {
            if (factor.name() != null && factor.name().equals(factorName)) {
                return Optional.of(factor);
            }
        }
        return Optional.empty();
    }
}
