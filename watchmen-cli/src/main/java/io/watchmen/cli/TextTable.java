package io.watchmen.cli;

import io.watchmen.samples.ExpectedResults;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A small left-aligned text table with a header rule, for the demo's summary. */
final class TextTable {

    private static final int MAX_CELL = 40;

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    TextTable add(List<?> values) {
        List<String> cells = new ArrayList<>();
        for (Object value : values) {
            String text = value instanceof String s ? s : ExpectedResults.text(value);
            cells.add(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text);
        }
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
            }
        }
        out.println("  " + line(header, widths));
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width));
        }
        out.println("  " + line(rules, widths));
        for (List<String> row : rows) {
            out.println("  " + line(row, widths));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            text.append(cell).append(" ".repeat(widths[i] - cell.length()));
            if (i < widths.length - 1) {
                text.append("  ");
            }
        }
        return text.toString().stripTrailing();
    }
}
