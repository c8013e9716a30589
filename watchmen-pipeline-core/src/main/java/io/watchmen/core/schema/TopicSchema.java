package io.watchmen.core.schema;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.Factor;
import io.watchmen.core.model.topic.FactorEncryptMethod;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.value.DateTimeParser;
import io.watchmen.core.value.FactorCaster;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A topic prepared for writing (spec storage 3.2): factor groups for defaults, date parsing, encryption, aid
 * hierarchy and flattening, built once per topic version and cached by the caller. Thread-safe.
 */
public final class TopicSchema {

    private final Topic topic;
    private final SchemaContext context;
    private final FactorTree<Object> defaults = new FactorTree<>();
    private final FactorTree<FactorType> dates = new FactorTree<>();
    private final FactorTree<FactorEncryptMethod> encryption = new FactorTree<>();
    private final List<String> flattenNames = new ArrayList<>();
    /** The segments of each flatten name, split once. */
    private final List<String[]> flattenPaths = new ArrayList<>();
    private final FactorCrypto crypto;

    private TopicSchema(Topic topic, SchemaContext context) {
        this.topic = topic;
        this.context = context;
        this.crypto = new FactorCrypto(context.parser(), context.crypto(), context.keyStores());
    }

    /** Builds the schema of a topic (casts default values once; a failing cast is a definition error). */
    public static TopicSchema of(Topic topic, SchemaContext context) {
        TopicSchema schema = new TopicSchema(topic, context);
        boolean ignoreDefaults = topic.isRaw()
                && (context.preparation() == null || context.preparation().ignoreDefaultOnRaw());
        FactorCaster caster = new FactorCaster(context.parser());
        for (Factor factor : topic.factors()) {
            if (!ignoreDefaults && factor.defaultValue() != null) {
                schema.defaults.add(factor, castDefault(caster, factor));
            }
            if (isDateOrTime(factor.type())) {
                schema.dates.add(factor, factor.type());
            }
            if (factor.isEncrypted()) {
                schema.encryption.add(factor, factor.encrypt());
            }
            if (topic.isRaw() && factor.isFlatten() && factor.name() != null && !factor.name().isBlank()) {
                schema.flattenNames.add(factor.name().strip());
                schema.flattenPaths.add(factor.name().strip().split("\\.", -1));
            }
        }
        return schema;
    }

    private static Object castDefault(FactorCaster caster, Factor factor) {
        try {
            return caster.cast(factor.defaultValue(), factor);
        } catch (WatchmenException e) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, e.getMessage(), e);
        }
    }

    private static boolean isDateOrTime(FactorType type) {
        return type == FactorType.FULL_DATETIME || type == FactorType.DATETIME || type == FactorType.DATE
                || type == FactorType.DATE_OF_BIRTH || type == FactorType.TIME;
    }

    public Topic topic() {
        return topic;
    }

    /**
     * Prepares trigger data in place, in the reference's order: defaults, dates, encryption, aid hierarchy (raw),
     * flatten (raw: the value at each flatten factor's path is copied to a root-level key named by the full
     * factor name). Returns the same map.
     */
    public Map<String, Object> prepareTriggerData(Map<String, Object> data, String tenantId) {
        prepareRow(data, tenantId);
        if (topic.isRaw() && !isMonitorLog()) {
            AidHierarchy.apply(data, context.ids());
        }
        if (topic.isRaw()) {
            flatten(data);
        }
        return data;
    }

    /** Prepares a row written by a pipeline action in place: defaults, dates, encryption. Returns the same map. */
    public Map<String, Object> prepareRow(Map<String, Object> row, String tenantId) {
        if (!isMonitorLog()) {
            defaults.walk(row, (container, key, value, defaultValue) -> {
                if (value == null) {
                    container.put(key, defaultValue);
                }
            });
        }
        boolean abandon = context.preparation() != null && context.preparation().abandonDateTimeOnParseFail();
        DateTimeParser parser = context.parser();
        dates.walk(row, (container, key, value, type) -> {
            if (value != null) {
                Optional<?> parsed = type == FactorType.TIME ? parseTime(parser, value) : parseDate(parser, value);
                if (parsed.isPresent()) {
                    container.put(key, parsed.get());
                } else if (abandon) {
                    container.put(key, null);
                }
            }
        });
        if (!topic.isSystem()) {
            encryption.walk(row, (container, key, value, method) -> {
                if (value != null) {
                    container.put(key, crypto.encrypt(value, method, tenantId));
                }
            });
        }
        return row;
    }

    /**
     * Whether {@link #prepareRow} may put a value somewhere inside the value of this top-level key: a date, an
     * encrypted (not on system topics) or a defaulted (not on the monitor-log topic) factor's name starts with it.
     */
    public boolean writesUnder(String key) {
        return dates.hasRoot(key) || !topic.isSystem() && encryption.hasRoot(key)
                || !isMonitorLog() && defaults.hasRoot(key);
    }

    /** Reverses encryption where possible (DECRYPT_FACTOR_VALUE on read actions). Returns the same map. */
    public Map<String, Object> decryptRow(Map<String, Object> row, String tenantId) {
        if (!topic.isSystem()) {
            encryption.walk(row, (container, key, value, method) -> {
                if (value != null) {
                    container.put(key, crypto.decrypt(value, method, tenantId));
                }
            });
        }
        return row;
    }

    /** The encryption of this topic's factors, for callers that encrypt single values (e.g. find-by criteria). */
    public FactorCrypto crypto() {
        return crypto;
    }

    private static Optional<?> parseDate(DateTimeParser parser, Object value) {
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            // a date or a date-time is kept as it is
            return Optional.of(value);
        }
        if (value instanceof String s) {
            return parser.parseDateTime(s);
        }
        return Optional.empty();
    }

    private static Optional<?> parseTime(DateTimeParser parser, Object value) {
        if (value instanceof LocalTime) {
            return Optional.of(value);
        }
        if (value instanceof String s) {
            return parser.parseTime(s);
        }
        return Optional.empty();
    }

    private boolean isMonitorLog() {
        return Topic.MONITOR_LOG_TOPIC_NAME.equals(topic.name());
    }

    /** Whether flattening reads the value of this top-level key or something inside it. */
    public boolean flattensUnder(String key) {
        for (String name : flattenNames) {
            if (name.equals(key) || name.startsWith(key) && name.length() > key.length()
                    && name.charAt(key.length()) == '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies the value at each flatten factor's dotted path to a root-level key named by the full name. Only
     * objects are descended: an array or a scalar in the middle of the path gives null (the reference fails).
     */
    private void flatten(Map<String, Object> data) {
        for (int i = 0; i < flattenNames.size(); i++) {
            String name = flattenNames.get(i);
            Object current = data;
            for (String segment : flattenPaths.get(i)) {
                if (current instanceof Map<?, ?> map) {
                    current = map.get(segment);
                } else {
                    current = null;
                    break;
                }
            }
            data.put(name, current);
        }
    }
}
