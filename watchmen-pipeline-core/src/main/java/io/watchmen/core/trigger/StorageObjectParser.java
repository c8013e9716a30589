package io.watchmen.core.trigger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.json.WatchmenJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a storage object into trigger items. Three layouts are accepted:
 * <ul>
 *   <li>one JSON document {@code {"pat", "code", "data", "tenantId"?, "triggerType"?}} (Watchmen's serverless layout);</li>
 *   <li>a JSON array of such documents;</li>
 *   <li>NDJSON: one document per line, blank lines ignored.</li>
 * </ul>
 * A content that is one JSON value (after trailing white space) is a document or an array. Otherwise it is NDJSON
 * when it has at least two non-blank lines and one of them is a complete JSON object on its own; anything else is
 * one broken document. Each NDJSON line is an item of its own: a bad line fails alone. A broken array fails as a
 * whole (its elements cannot be told apart reliably).
 *
 * <p>Checks, in order: size (before any decoding), strict UTF-8, JSON syntax with nesting and string limits, the
 * item shape. Every error names the object, the item index and the problem; messages are capped and never quote
 * the PAT. Thread-safe.
 */
public final class StorageObjectParser {

    /** Deepest JSON nesting accepted; Watchmen data is rarely deeper than ten levels. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 200;
    /** Longest JSON string accepted, in characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 4 * 1024 * 1024;

    private final long maxObjectBytes;
    private final ObjectMapper mapper;

    public StorageObjectParser(long maxObjectBytes) {
        this(maxObjectBytes, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH);
    }

    public StorageObjectParser(long maxObjectBytes, int maxNestingDepth, int maxStringLength) {
        if (maxObjectBytes < 1 || maxNestingDepth < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException("Parser limits must be positive");
        }
        this.maxObjectBytes = maxObjectBytes;
        // A private copy: WatchmenJson's number types, our own read limits.
        this.mapper = WatchmenJson.mapper().copy();
        this.mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .build());
        this.mapper.getFactory().disable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION);
    }

    public long maxObjectBytes() {
        return maxObjectBytes;
    }

    public ParsedObject parse(StorageObject object) {
        ObjectRef ref = object.ref();
        byte[] bytes = object.content();
        if (bytes.length > maxObjectBytes || ref.size() > maxObjectBytes) {
            long size = Math.max(bytes.length, ref.size());
            return whole(ref, ErrorCode.OBJECT_TOO_LARGE, "the object has " + size
                    + " bytes, more than the limit of " + maxObjectBytes + " (WATCHMEN_MAX_OBJECT_BYTES)", null);
        }
        int start = Utf8.bomLength(bytes);
        Utf8.Decoded decoded = Utf8.decode(bytes, start, bytes.length);
        if (decoded.ok()) {
            return parseText(ref, bytes, start, decoded.text());
        }
        if (firstNonBlank(bytes, start) != '[') {
            List<Utf8.Line> lines = Utf8.nonBlankLines(bytes, start);
            if (looksLikeNdjson(lines)) {
                return ndjson(ref, lines);
            }
        }
        return whole(ref, ErrorCode.TRIGGER_MALFORMED, "not valid UTF-8 (malformed bytes at offset "
                + decoded.errorOffset() + ")", Utf8.lossy(bytes, start, bytes.length));
    }

    /** Parses one item's raw text again (replay of a failure record) as item {@code index} of {@code ref}. */
    public ParsedItem parseItem(ObjectRef ref, int index, String rawContent) {
        if (rawContent == null) {
            return item(ref, index, ErrorCode.TRIGGER_MALFORMED, "no raw content was kept for this item", null);
        }
        try {
            return single(ref, index, rawContent, readSingle(rawContent));
        } catch (IOException e) {
            return item(ref, index, ErrorCode.TRIGGER_MALFORMED, Messages.describeJsonFailure(e), rawContent);
        }
    }

    private ParsedObject parseText(ObjectRef ref, byte[] bytes, int start, String text) {
        if (text.isBlank()) {
            return whole(ref, ErrorCode.TRIGGER_MALFORMED, "the object is empty", text);
        }
        if (firstNonBlank(bytes, start) == '[') {
            try (JsonParser parser = mapper.createParser(text)) {
                parser.nextToken();
                return array(ref, parser, text);
            } catch (IOException e) {
                return whole(ref, ErrorCode.TRIGGER_MALFORMED, "the JSON array is broken, so none of its items ran: "
                        + Messages.describeJsonFailure(e), text);
            }
        }
        try {
            Object value = readSingle(text);
            return new ParsedObject(ref, List.of(single(ref, 0, text, value)));
        } catch (IOException e) {
            List<Utf8.Line> lines = Utf8.nonBlankLines(bytes, start);
            if (looksLikeNdjson(lines)) {
                return ndjson(ref, lines);
            }
            return whole(ref, ErrorCode.TRIGGER_MALFORMED, Messages.describeJsonFailure(e), text);
        }
    }

    /** Reads a JSON array element by element, keeping each element's source text as its raw content. */
    private ParsedObject array(ObjectRef ref, JsonParser parser, String text) throws IOException {
        List<Object> values = new ArrayList<>();
        List<String> raws = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new Messages.ShapeException("truncated JSON: the array is not closed");
            }
            int begin = (int) parser.currentTokenLocation().getCharOffset();
            values.add(mapper.readValue(parser, Object.class));
            int end = (int) parser.currentLocation().getCharOffset();
            raws.add(text.substring(begin, Math.max(begin, Math.min(end, text.length()))).strip());
        }
        if (parser.nextToken() != null) {
            throw new Messages.ShapeException("content after the end of the JSON array"
                    + Messages.at(parser.currentTokenLocation()));
        }
        if (values.isEmpty()) {
            return whole(ref, ErrorCode.TRIGGER_MALFORMED, "the JSON array has no items", text);
        }
        List<ParsedItem> items = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            items.add(single(ref, i, raws.get(i), values.get(i)));
        }
        return new ParsedObject(ref, items);
    }

    private ParsedObject ndjson(ObjectRef ref, List<Utf8.Line> lines) {
        List<ParsedItem> items = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Utf8.Line line = lines.get(i);
            String where = "line " + line.number() + ": ";
            if (line.text() == null) {
                items.add(item(ref, i, ErrorCode.TRIGGER_MALFORMED, where + "not valid UTF-8 (malformed bytes at offset "
                        + line.errorOffset() + ")", line.lossy()));
                continue;
            }
            try {
                items.add(single(ref, i, line.text(), readSingle(line.text())));
            } catch (IOException e) {
                items.add(item(ref, i, ErrorCode.TRIGGER_MALFORMED, where + Messages.describeJsonFailure(e), line.text()));
            }
        }
        return new ParsedObject(ref, items);
    }

    /** NDJSON needs two or more non-blank lines, one of which is a whole JSON object by itself. */
    private boolean looksLikeNdjson(List<Utf8.Line> lines) {
        if (lines.size() < 2) {
            return false;
        }
        for (Utf8.Line line : lines) {
            if (line.text() != null && line.text().stripLeading().startsWith("{")) {
                try {
                    if (readSingle(line.text()) instanceof java.util.Map<?, ?>) {
                        return true;
                    }
                } catch (IOException ignored) {
                    // not a whole object: look at the next line
                }
            }
        }
        return false;
    }

    private Object readSingle(String text) throws IOException {
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new Messages.ShapeException("no JSON value");
            }
            Object value = mapper.readValue(parser, Object.class);
            if (parser.nextToken() != null) {
                throw new Messages.ShapeException("content after the end of the JSON document"
                        + Messages.at(parser.currentTokenLocation()));
            }
            return value;
        }
    }

    private ParsedItem single(ObjectRef ref, int index, String raw, Object value) {
        TriggerItemReader.Result result = TriggerItemReader.read(value);
        if (result.data() != null) {
            return ParsedItem.ok(index, result.data(), raw);
        }
        return item(ref, index, ErrorCode.TRIGGER_MALFORMED, String.join("; ", result.problems()), raw);
    }

    private static ParsedItem item(ObjectRef ref, int index, ErrorCode code, String problem, String raw) {
        String message = Messages.safe(ref.display() + " item " + index + ": " + problem, null);
        return ParsedItem.failed(index, code, message, raw);
    }

    private static ParsedObject whole(ObjectRef ref, ErrorCode code, String problem, String raw) {
        String message = Messages.safe(ref.display() + " item 0 (whole object): " + problem, null);
        return new ParsedObject(ref, List.of(ParsedItem.failed(0, code, message, raw)));
    }

    private static int firstNonBlank(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }
}
