package io.watchmen.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import io.watchmen.core.json.WatchmenJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code corpus/index.json}: a bad storage object (a file beside the index, or {@code generated:<kind>}
 * for the ones too big to commit), the error code and a fragment of the failure description it must give, which
 * items fail ({@code bad}, default item 0) and which must still be done ({@code good}). {@code expect} is
 * {@code failure} (default), {@code pipeline-error} (the item is done, its pipeline fails and writes nothing) or
 * {@code done} (a hostile but valid value, stored literally: {@code row} holds the values to find).
 */
public record CorpusCase(String name, String file, String code, String fragment, List<Integer> bad,
                         List<Integer> good, String expect, Map<String, String> row) {

    public CorpusCase {
        bad = bad == null ? (expect == null || expect.equals("failure") ? List.of(0) : List.of()) : List.copyOf(bad);
        good = good == null ? List.of() : List.copyOf(good);
        expect = expect == null ? "failure" : expect;
    }

    private static final String BASE = "corpus/";
    private static final String GENERATED = "generated:";

    public static List<CorpusCase> load() {
        try (InputStream in = CorpusCase.class.getResourceAsStream(BASE + "index.json")) {
            if (in == null) {
                throw new IllegalStateException("corpus/index.json is missing");
            }
            return WatchmenJson.mapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean generated() {
        return file.startsWith(GENERATED);
    }

    /** The object's bytes; generated ones are built for the given limits. */
    public byte[] content(Limits limits) {
        if (generated()) {
            return Generated.build(file.substring(GENERATED.length()), limits);
        }
        try (InputStream in = CorpusCase.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("corpus file " + file + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sizes of the generated objects: the object over the size limit, the nesting depth, the long string. */
    public record Limits(long bigObjectBytes, int nestingDepth, int longStringChars) {
    }

    /** The generated cases: never committed, built at run time. */
    static final class Generated {
        private Generated() {
        }

        static byte[] build(String kind, Limits limits) {
            return switch (kind) {
                case "big" -> big(limits.bigObjectBytes());
                case "deep" -> deep(limits.nestingDepth());
                case "long-string" -> longString(limits.longStringChars());
                default -> throw new IllegalArgumentException("Unknown generated corpus object " + kind);
            };
        }

        private static String head(String eventNo) {
            return "{\"code\": \"rel_event\", \"pat\": \"" + Fixture.PAT_ADMIN_A + "\", \"data\": {\"eventNo\": \""
                    + eventNo + "\", \"note\": ";
        }

        /** A well-formed object of exactly {@code bytes} bytes (a long note). */
        private static byte[] big(long bytes) {
            byte[] head = (head("corpus-big") + "\"").getBytes(StandardCharsets.UTF_8);
            byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
            int size = Math.toIntExact(Math.max(bytes, head.length + tail.length));
            byte[] content = new byte[size];
            System.arraycopy(head, 0, content, 0, head.length);
            java.util.Arrays.fill(content, head.length, size - tail.length, (byte) 'x');
            System.arraycopy(tail, 0, content, size - tail.length, tail.length);
            return content;
        }

        private static byte[] deep(int depth) {
            StringBuilder text = new StringBuilder(head("corpus-deep"));
            text.append("[".repeat(depth)).append("1").append("]".repeat(depth)).append("}}");
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] longString(int chars) {
            return (head("corpus-long") + "\"" + "y".repeat(chars) + "\"}}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
