package io.watchmen.core.kernel;

import java.util.Map;

/**
 * What a writer receives: the writer row's PAT and URL, the action's event code and deep copies of the current
 * and previous data and of the variables. {@link #toString()} masks the PAT.
 */
public record ExternalWriteRequest(String pat, String url, String eventCode, Map<String, Object> currentData,
                                   Map<String, Object> previousData, Map<String, Object> variables) {
    @Override
    public String toString() {
        return "ExternalWriteRequest[url=" + url + ", eventCode=" + eventCode + ", pat=<masked>]";
    }
}
