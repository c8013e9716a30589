package io.watchmen.core.trigger;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Error text of the trigger package: capped in length (as Jackson's ErrorReportConfiguration caps its snippets) and
 * scrubbed of input fragments, so a bad payload can neither flood the logs nor leak a PAT into them.
 */
final class Messages {

    /** The longest message an item error, a failure record or a log line carries. */
    static final int MAX_MESSAGE_CHARS = 500;

    private static final String MASK = "<masked>";

    private Messages() {
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** Caps the message and removes the PAT if it is known (belt and braces: no message should quote it). */
    static String safe(String message, String pat) {
        if (message == null) {
            return null;
        }
        String scrubbed = pat == null || pat.isEmpty() ? message : message.replace(pat, MASK);
        return truncate(scrubbed, MAX_MESSAGE_CHARS);
    }

    /** Describes a JSON reading failure by kind and position, never quoting the input. */
    static String describeJsonFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ShapeException shape) {
                return shape.getOriginalMessage();
            }
            if (t instanceof StreamConstraintsException limit) {
                // Jackson names the limit and its getter; it quotes no input.
                return "too large a JSON structure: " + limit.getOriginalMessage();
            }
            if (t instanceof JsonEOFException eof) {
                return "truncated JSON: the input ends inside a value" + at(eof.getLocation());
            }
            if (t instanceof JsonParseException parse) {
                return "not JSON: " + scrub(parse.getOriginalMessage()) + at(parse.getLocation());
            }
        }
        return "not JSON (" + failure.getClass().getSimpleName() + ")";
    }

    static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson quotes offending tokens in single quotes: blank them out, and keep only the first line. */
    private static String scrub(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String firstLine = message.lines().findFirst().orElse("");
        return truncate(firstLine.replaceAll("'[^']*'", "'…'"), 200);
    }

    /** A JSON value in the wrong place (trailing content, an unclosed array); its message quotes no input. */
    static final class ShapeException extends JsonProcessingException {
        ShapeException(String message) {
            super(message);
        }
    }
}
