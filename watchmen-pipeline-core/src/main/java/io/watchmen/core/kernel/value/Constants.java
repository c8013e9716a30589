package io.watchmen.core.kernel.value;

import java.util.List;

/** In-memory evaluation of constant parameters (spec 3.2). */
public final class Constants {

    private Constants() {
    }

    public static Object evaluate(EvalContext context, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Template template = Template.of(value);
        if (template.literal()) {
            return value;
        }
        List<Template.Segment> segments = template.segments();
        if (segments.size() == 1) {
            return segment(context, segments.get(0));
        }
        StringBuilder text = new StringBuilder();
        for (Template.Segment segment : segments) {
            Object result = segment(context, segment);
            if (result != null) {
                text.append(result instanceof String string ? string : Values.text(result));
            }
        }
        return text.toString();
    }

    /** The typed value without prefix; {@code prefix + text(value)} with one ("None" for null). */
    private static Object segment(EvalContext context, Template.Segment segment) {
        if (segment.placeholder() == null) {
            return segment.prefix();
        }
        if (segment.hasPrefix() && segment.placeholder().equals(Placeholders.OLD)) {
            throw Values.invalid("Prefix is not allowed on [&old] in constant.");
        }
        Object value = Placeholders.evaluate(context, segment.placeholder());
        if (!segment.hasPrefix()) {
            return value;
        }
        return segment.prefix() + Values.text(value);
    }
}
