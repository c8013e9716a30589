package io.watchmen.core.storage;

/**
 * Writes JSON column text (Watchmen's encoding) field by field, without building the maps and lists first: the
 * same characters {@link JsonValues} writes for the maps and lists these calls describe. A monitor log's stages
 * were built as maps only to be written as text.
 */
public final class JsonTextBuilder {

    /** The thread's text buffer while building (given back by {@link #result}). */
    private final StringBuilder out = JsonValues.takeBuffer();
    private int depth;
    private boolean comma;
    private boolean afterKey;
    private boolean failed;
    private boolean done;
    private RenderedJson result;

    /** {@code depth}: the nesting depth the written value has in its column's value (0 for the whole value). */
    public JsonTextBuilder(int depth) {
        this.depth = depth;
    }

    /** The JSON column text of any value (what a JSON column stores for it). */
    public static String columnText(Object value) {
        return JsonValues.write(value);
    }

    public void beginObject() {
        begin('{');
    }

    public void endObject() {
        end('}');
    }

    public void beginArray() {
        begin('[');
    }

    public void endArray() {
        end(']');
    }

    /** The next field's name, inside an object; its value follows. */
    public void key(String key) {
        if (comma) {
            out.append(',');
        }
        JsonText.string(out, key);
        out.append(':');
        afterKey = true;
    }

    /**
     * As {@link #key}, for a name the caller knows needs no escape (its own constant of letters and digits): not
     * scanned. A monitor log writes about seventy such names.
     */
    public void plainKey(String key) {
        if (comma) {
            out.append(',');
        }
        out.append('"').append(key).append("\":");
        afterKey = true;
    }

    /** A value: after a key, or an element of an array. */
    public void value(Object value) {
        separate();
        if (!failed && !JsonText.append(out, value, depth, JsonValues.MAX_DEPTH)) {
            // a value only the mapper writes (or one nested too deep): the caller writes the whole value its way
            failed = true;
        }
        comma = true;
    }

    /** The text written, or null when a value needed the mapper; the builder takes no more calls after it. */
    public RenderedJson result() {
        if (!done) {
            done = true;
            result = failed ? null : new RenderedJson(out.toString());
            JsonValues.returnBuffer(out);
        }
        return result;
    }

    private void begin(char bracket) {
        separate();
        if (depth >= JsonValues.MAX_DEPTH) {
            failed = true;
        }
        out.append(bracket);
        depth++;
        comma = false;
    }

    private void end(char bracket) {
        out.append(bracket);
        depth--;
        comma = true;
    }

    private void separate() {
        if (afterKey) {
            afterKey = false;
        } else if (comma) {
            out.append(',');
        }
    }
}
