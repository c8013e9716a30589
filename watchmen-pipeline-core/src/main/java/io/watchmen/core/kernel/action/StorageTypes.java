package io.watchmen.core.kernel.action;

import io.watchmen.core.kernel.value.Definitions;
import io.watchmen.core.kernel.value.Placeholders;
import io.watchmen.core.kernel.value.Template;
import io.watchmen.core.kernel.value.Values;
import io.watchmen.core.model.pipeline.ComputedParameter;
import io.watchmen.core.model.pipeline.ConstantParameter;
import io.watchmen.core.model.pipeline.Parameter;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.model.pipeline.TopicFactorParameter;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.Operand;
import io.watchmen.core.storage.criteria.ValueOperand;
import io.watchmen.core.value.DateTimeParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The possible types of find-by nodes and the value coercions they drive (spec 3.9). */
final class StorageTypes {

    enum Kind { NUMBER, STRING, DATETIME, DATE, TIME, BOOLEAN, ANY }

    private static final Set<String> TRUE_TEXTS = Set.of("1", "t", "true", "y", "yes");
    private static final Set<String> FALSE_TEXTS = Set.of("0", "f", "false", "n", "no");

    private StorageTypes() {
    }

    static List<Kind> of(Parameter parameter, Topic topic, Definitions definitions) {
        if (parameter instanceof TopicFactorParameter topicFactor) {
            return List.of(ofFactor(definitions.factor(topicFactor.topicId(), topicFactor.factorId()).type()));
        }
        if (parameter instanceof ConstantParameter constant) {
            return ofConstant(constant.value());
        }
        if (parameter instanceof ComputedParameter computed) {
            if (computed.type() == ParameterComputeType.CASE_THEN) {
                List<Kind> kinds = new ArrayList<>();
                for (Parameter route : computed.parameters()) {
                    kinds.addAll(of(route, topic, definitions));
                }
                return kinds;
            }
            return List.of(Kind.NUMBER);
        }
        return List.of(Kind.ANY);
    }

    private static Kind ofFactor(FactorType type) {
        if (type == null) {
            return Kind.ANY;
        }
        switch (type) {
            case DATETIME, FULL_DATETIME, DATE_OF_BIRTH:
                return Kind.DATETIME;
            case DATE:
                return Kind.DATE;
            case TIME:
                return Kind.TIME;
            case BOOLEAN:
                return Kind.BOOLEAN;
            case OBJECT, ARRAY:
                throw Values.invalid("Factor type[" + type.json() + "] cannot be used in find-by condition.");
            case TEXT, ADDRESS, CONTINENT, REGION, COUNTRY, PROVINCE, CITY, DISTRICT, ROAD, COMMUNITY,
                    RESIDENCE_TYPE, EMAIL, PHONE, MOBILE, FAX, GENDER, OCCUPATION, ID_NO, RELIGION, NATIONALITY,
                    BIZ_TRADE, ENUM:
                return Kind.STRING;
            default:
                return Kind.NUMBER;
        }
    }

    private static List<Kind> ofConstant(String value) {
        if (value == null || value.isBlank()) {
            return List.of(Kind.ANY);
        }
        Template template = Template.of(value);
        if (template.literal()) {
            return List.of(Kind.ANY);
        }
        if (template.segments().size() > 1 || template.segments().get(0).hasPrefix()) {
            return List.of(Kind.STRING);
        }
        String placeholder = template.segments().get(0).placeholder();
        if (placeholder.equals(Placeholders.NEXT_SEQ) || placeholder.endsWith("&length")
                || placeholder.startsWith("&yearDiff") || placeholder.startsWith("&monthDiff")
                || placeholder.startsWith("&dayDiff")) {
            return List.of(Kind.NUMBER);
        }
        if (placeholder.equals(Placeholders.NOW)) {
            return List.of(Kind.DATETIME);
        }
        if (placeholder.startsWith("&moveDate")) {
            return List.of(Kind.DATE, Kind.DATETIME, Kind.TIME);
        }
        if (placeholder.startsWith("&fmtDate")) {
            return List.of(Kind.STRING);
        }
        return List.of(Kind.ANY);
    }

    static Operand coerceForEquality(Operand operand, List<Kind> otherTypes) {
        if (!(operand instanceof ValueOperand value) || otherTypes.size() != 1) {
            return operand;
        }
        Object raw = value.value();
        if (otherTypes.get(0) == Kind.BOOLEAN && raw instanceof String text) {
            String lower = text.trim().toLowerCase(Locale.ROOT);
            if (TRUE_TEXTS.contains(lower)) {
                return new ValueOperand(Boolean.TRUE);
            }
            if (FALSE_TEXTS.contains(lower)) {
                return new ValueOperand(Boolean.FALSE);
            }
        }
        if (otherTypes.get(0) == Kind.NUMBER && raw instanceof String text) {
            Optional<BigDecimal> decimal = Values.decimal(text);
            if (decimal.isPresent()) {
                return new ValueOperand(decimal.get());
            }
        }
        return operand;
    }

    static Operand coerceForOrdering(Operand operand, List<Kind> otherTypes, DateTimeParser parser) {
        if (!(operand instanceof ValueOperand value) || !(value.value() instanceof String text)) {
            return operand;
        }
        if (otherTypes.contains(Kind.NUMBER)) {
            Optional<BigDecimal> decimal = Values.decimal(text);
            if (decimal.isPresent()) {
                return new ValueOperand(decimal.get());
            }
        }
        if (otherTypes.contains(Kind.DATE) || otherTypes.contains(Kind.DATETIME)) {
            Optional<?> dateTime = parser.parseDateTime(text);
            if (dateTime.isPresent()) {
                return new ValueOperand(dateTime.get());
            }
        }
        if (otherTypes.contains(Kind.TIME)) {
            Optional<?> time = parser.parseTime(text);
            if (time.isPresent()) {
                return new ValueOperand(time.get());
            }
        }
        return operand;
    }

    /** in / not-in right side: a comma text split (blank items dropped), a list as is, a value as a singleton. */
    static Operand inList(Operand operand, List<Kind> leftTypes) {
        if (!(operand instanceof ValueOperand value)) {
            return operand;
        }
        List<Object> items = new ArrayList<>();
        Object raw = value.value();
        if (raw instanceof String text) {
            for (String item : text.trim().split(",")) {
                if (!item.isBlank()) {
                    items.add(item);
                }
            }
        } else if (raw instanceof Collection<?> list) {
            items.addAll(list);
        } else if (raw != null) {
            items.add(raw);
        }
        List<Object> coerced = new ArrayList<>();
        for (Object item : items) {
            coerced.add(((ValueOperand) coerceForEquality(new ValueOperand(item), leftTypes)).value());
        }
        return new ValueOperand(coerced);
    }
}
