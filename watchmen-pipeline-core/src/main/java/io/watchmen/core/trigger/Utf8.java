package io.watchmen.core.trigger;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Strict UTF-8 decoding that reports where it failed, and splitting into lines on the byte level. */
final class Utf8 {

    private Utf8() {
    }

    /** The decoded text, or the offset of the first malformed byte. */
    record Decoded(String text, long errorOffset) {
        boolean ok() {
            return text != null;
        }
    }

    /**
     * A non-blank line: its 1-based line number, its text (null when not valid UTF-8), the error offset within the
     * object, and a lossy decoding for failure records.
     */
    record Line(int number, String text, long errorOffset, String lossy) {
    }

    static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
    }

    static Decoded decode(byte[] bytes, int from, int to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            return new Decoded(null, in.position());
        }
        out.flip();
        return new Decoded(out.toString(), -1);
    }

    static String lossy(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** Splits on LF (a byte that never occurs inside a multi-byte UTF-8 sequence); drops CR and blank lines. */
    static List<Line> nonBlankLines(byte[] bytes, int start) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        int from = start;
        while (from <= bytes.length) {
            int to = from;
            while (to < bytes.length && bytes[to] != '\n') {
                to++;
            }
            number++;
            int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
            if (!blank(bytes, from, end)) {
                Decoded decoded = decode(bytes, from, end);
                lines.add(new Line(number, decoded.text(), decoded.ok() ? -1 : decoded.errorOffset(),
                        decoded.ok() ? decoded.text() : lossy(bytes, from, end)));
            }
            from = to + 1;
        }
        return lines;
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
