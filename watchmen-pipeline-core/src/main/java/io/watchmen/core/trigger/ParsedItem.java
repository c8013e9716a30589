package io.watchmen.core.trigger;

import io.watchmen.core.ErrorCode;

/**
 * One item of a storage object as parsed: its 0-based index (array element, or non-blank NDJSON line), the trigger
 * data, or an error (then {@code data} is null), and the item's raw text, kept for failure records and replay
 * ({@code null} when it could not be kept, e.g. an object over the size limit). {@code errorCode} is
 * {@link ErrorCode#TRIGGER_MALFORMED} or {@link ErrorCode#OBJECT_TOO_LARGE} when {@code error} is set, else null.
 *
 * <p>{@link #toString()} leaves out the raw content: it carries the PAT.
 */
public record ParsedItem(int index, PipelineTriggerDataWithPAT data, String error, String rawContent,
                         ErrorCode errorCode) {

    public ParsedItem {
        if ((data == null) == (error == null)) {
            throw new IllegalArgumentException("A parsed item has either data or an error");
        }
        errorCode = error == null ? null : (errorCode == null ? ErrorCode.TRIGGER_MALFORMED : errorCode);
    }

    /** The API form: an error, when present, is {@link ErrorCode#TRIGGER_MALFORMED}. */
    public ParsedItem(int index, PipelineTriggerDataWithPAT data, String error, String rawContent) {
        this(index, data, error, rawContent, null);
    }

    static ParsedItem ok(int index, PipelineTriggerDataWithPAT data, String rawContent) {
        return new ParsedItem(index, data, null, rawContent, null);
    }

    static ParsedItem failed(int index, ErrorCode code, String error, String rawContent) {
        return new ParsedItem(index, null, error, rawContent, code);
    }

    public boolean failed() {
        return error != null;
    }

    @Override
    public String toString() {
        return "ParsedItem[index=" + index + ", data=" + data + ", error=" + error + ", errorCode=" + errorCode
                + ", rawContent=" + (rawContent == null ? "none" : rawContent.length() + " chars") + "]";
    }
}
