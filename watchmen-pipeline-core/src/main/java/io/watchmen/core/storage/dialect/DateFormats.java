package io.watchmen.core.storage.dialect;

import java.util.Map;

/** Translates Watchmen's {@code &fmtDate} letters (spec pipeline 3.5) into a database's format string. */
final class DateFormats {

    private DateFormats() {
    }

    /** Letters found in the map are replaced; every other character goes through {@code literal}. */
    static String translate(String format, Map<Character, String> letters,
                            java.util.function.Function<String, String> literal) {
        StringBuilder out = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        for (char c : format.toCharArray()) {
            String mapped = letters.get(c);
            if (mapped == null) {
                pending.append(c);
            } else {
                if (!pending.isEmpty()) {
                    out.append(literal.apply(pending.toString()));
                    pending.setLength(0);
                }
                out.append(mapped);
            }
        }
        if (!pending.isEmpty()) {
            out.append(literal.apply(pending.toString()));
        }
        return out.toString();
    }
}
