package io.watchmen.core.kernel.value;

import io.watchmen.core.value.DateFunctions;
import io.watchmen.core.value.DateTimeParser;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Optional;

/**
 * Placeholder contents evaluated in memory (spec 3.4): {@code &nextSeq}, {@code &now}, {@code &old[.path]}, the
 * date functions, else a path. Deviations: {@code &now} is always evaluated at run time (never frozen at compile
 * time) and date-function arguments are trimmed ([RB] section 5 items 6, 7).
 */
public final class Placeholders {

    public static final String NOW = "&now";
    public static final String NEXT_SEQ = "&nextSeq";
    public static final String OLD = "&old";

    private Placeholders() {
    }

    /** The date function named at the start of a placeholder, or null. */
    public static String dateFunction(String content) {
        for (String name : new String[]{"&yearDiff", "&monthDiff", "&dayDiff", "&moveDate", "&fmtDate",
                "&combineDateTime"}) {
            if (content.startsWith(name)) {
                return name;
            }
        }
        return null;
    }

    public static Object evaluate(EvalContext context, String content) {
        if (content.equals(NEXT_SEQ)) {
            return context.runtime().ids().getAsLong();
        }
        if (content.equals(NOW)) {
            return context.runtime().now();
        }
        if (content.equals(OLD)) {
            return context.previous();
        }
        if (content.startsWith(OLD + ".")) {
            return PathResolver.resolvePrevious(context, content.substring(OLD.length() + 1));
        }
        String function = dateFunction(content);
        if (function != null) {
            String[] args = arguments(content, function);
            return dateFunction(context, function, args[0], args[1]);
        }
        return PathResolver.resolve(context, content);
    }

    /** {@code name(X,Y)}, split at the last comma, arguments trimmed. */
    public static String[] arguments(String content, String function) {
        String rest = content.substring(function.length()).stripLeading();
        int comma = rest.lastIndexOf(',');
        if (!rest.startsWith("(") || !rest.endsWith(")") || comma < 0) {
            throw Values.invalid("Incorrect function[" + content + "], two arguments in parentheses are required.");
        }
        return new String[]{rest.substring(1, comma).trim(), rest.substring(comma + 1, rest.length() - 1).trim()};
    }

    private static Object dateFunction(EvalContext context, String function, String first, String second) {
        DateTimeParser parser = context.runtime().parser();
        switch (function) {
            case "&yearDiff":
                return DateFunctions.yearDiff(Values.asDate(dateArgument(context, first)),
                        Values.asDate(dateArgument(context, second)));
            case "&monthDiff":
                return DateFunctions.monthDiff(Values.asDate(dateArgument(context, first)),
                        Values.asDate(dateArgument(context, second)));
            case "&dayDiff":
                return DateFunctions.dayDiff(Values.asDate(dateArgument(context, first)),
                        Values.asDate(dateArgument(context, second)));
            case "&moveDate":
                return DateFunctions.moveDate((Temporal) temporalArgument(context, first), second);
            case "&fmtDate":
                return DateFunctions.fmtDate((Temporal) temporalArgument(context, first), second);
            case "&combineDateTime":
                return DateFunctions.combineDateTime(Values.asDate(dateArgument(context, first)),
                        timeArgument(context, second, parser));
            default:
                throw Values.invalid("Unsupported function[" + function + "].");
        }
    }

    /** {@code &now}, a literal date, or a path whose value is a date / date-time / parseable string. */
    static Object dateArgument(EvalContext context, String argument) {
        if (argument.equals(NOW)) {
            return context.runtime().now();
        }
        Optional<LocalDateTime> literal = context.runtime().parser().parseDateTime(argument);
        if (literal.isPresent()) {
            return literal.get();
        }
        Object value = argument.startsWith(OLD + ".")
                ? PathResolver.resolvePrevious(context, argument.substring(OLD.length() + 1))
                : PathResolver.resolve(context, argument);
        return Values.dateOrDateTime(value, context.runtime().parser());
    }

    /** Like a date argument, but a time value is accepted too (moveDate and fmtDate work on times). */
    private static Object temporalArgument(EvalContext context, String argument) {
        if (argument.equals(NOW)) {
            return context.runtime().now();
        }
        Optional<LocalDateTime> literal = context.runtime().parser().parseDateTime(argument);
        if (literal.isPresent()) {
            return literal.get();
        }
        Object value = argument.startsWith(OLD + ".")
                ? PathResolver.resolvePrevious(context, argument.substring(OLD.length() + 1))
                : PathResolver.resolve(context, argument);
        return value instanceof LocalTime ? value : Values.dateOrDateTime(value, context.runtime().parser());
    }

    private static LocalTime timeArgument(EvalContext context, String argument, DateTimeParser parser) {
        // a literal time is digits (4 or 6) with optional colons; anything else is a path
        if (argument.matches("[0-9:]+")) {
            Optional<LocalTime> literal = parser.parseTime(argument);
            if (literal.isPresent()) {
                return literal.get();
            }
        }
        Object value = argument.equals(NOW) ? context.runtime().now() : PathResolver.resolve(context, argument);
        if (value instanceof LocalTime time) {
            return time;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalTime();
        }
        if (value instanceof String text) {
            Optional<LocalTime> parsed = parser.parseTime(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        throw Values.invalid("Value[" + Values.text(value) + "] cannot be parsed to time.");
    }
}
