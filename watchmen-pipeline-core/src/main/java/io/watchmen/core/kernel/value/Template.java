package io.watchmen.core.kernel.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A constant's text cut into segments of (literal prefix, trimmed placeholder) (spec 3.2). Parsed once per text
 * and cached: templates are part of the compiled pipeline's immutable definition.
 *
 * <p>Deviation: trailing literal text after the last placeholder is kept as plain text; the reference appends
 * "None" to it ([RB] 3.2 / section 5 item 4).
 */
public record Template(List<Segment> segments, boolean literal, String text) {

    private static final int MAX_CACHED = 4096;
    private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

    /** {@code placeholder} is null for trailing text. */
    public record Segment(String prefix, String placeholder) {
        public boolean hasPrefix() {
            return !prefix.isEmpty();
        }
    }

    public static Template of(String text) {
        Template cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        Template parsed = parse(text);
        if (CACHE.size() < MAX_CACHED) {
            CACHE.put(text, parsed);
        }
        return parsed;
    }

    /** A template with placeholders only when the text holds both braces (spec 3.2). */
    public boolean hasPlaceholders() {
        return !literal;
    }

    private static Template parse(String text) {
        if (text.indexOf('{') < 0 || text.indexOf('}') < 0) {
            return new Template(List.of(), true, text);
        }
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int open = text.indexOf('{', position);
            int close = open < 0 ? -1 : text.indexOf('}', open + 1);
            if (open < 0 || close < 0) {
                segments.add(new Segment(text.substring(position), null));
                break;
            }
            segments.add(new Segment(text.substring(position, open), text.substring(open + 1, close).trim()));
            position = close + 1;
        }
        return new Template(List.copyOf(segments), false, text);
    }
}
