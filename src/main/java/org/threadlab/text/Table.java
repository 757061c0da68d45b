package org.threadlab.text;

import java.util.ArrayList;
import java.util.List;

/** An aligned plain-text table for the headless commands: numbers right-aligned, text left-aligned. */
public final class Table {
    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Headers starting with '>' are right-aligned (the marker is not printed). */
    public Table(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(1) : headers[i]);
        }
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size());
        }
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headers.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, headers, width);
        for (List<String> r : rows) {
            appendRow(sb, r, width);
        }
        return sb.toString();
    }

    private void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            if (i > 0) {
                line.append("  ");
            }
            line.append(rightAligned[i] ? pad + c : c + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
