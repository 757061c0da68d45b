package org.threadlab.ui;

/**
 * Where each region goes for a terminal size and core count: a pure function, so the key handler
 * (page size) and the renderer agree, and a resize is just a new layout.
 *
 * @param coreRows   rows of core meters; cores are packed {@code coreCols} to a row
 * @param tablesY    the tables' title line; column headers follow, then {@code tableRows} rows
 * @param splitX     the column of the divider between the two tables
 * @param detail     detail pane, title line included
 * @param events     events log, title line included
 */
record Layout(int width, int height, boolean tooSmall, int coreRows, int coreCols, int memY, int tablesY,
              int tableRows, int splitX, Rect detail, Rect events, int statusY, int footerY) {

    static final int MIN_WIDTH = 80;
    static final int MIN_HEIGHT = 24;

    record Rect(int x, int y, int w, int h) {}

    static Layout of(int width, int height, int cores) {
        boolean tooSmall = width < MIN_WIDTH || height < MIN_HEIGHT;
        int budget = height < 30 ? 2 : height < 40 ? 4 : Math.min(12, (height - 20) / 4);
        int perRow = Math.max(1, width / 38);
        int n = Math.max(1, cores);
        int coreRows = Math.max(1, Math.min(budget, ceil(n, perRow)));
        int coreCols = Math.max(1, Math.min(ceil(n, coreRows), width / 10));
        int memY = 1 + coreRows;
        int tablesY = memY + 1;
        int statusY = height - 2;
        int avail = statusY - tablesY;
        Rect detail;
        Rect events;
        int tablesH;
        if (width >= 140) {
            int bottom = clamp(avail * 35 / 100, 5, 20);
            tablesH = avail - bottom;
            int dw = width / 2;
            detail = new Rect(0, tablesY + tablesH, dw, bottom);
            events = new Rect(dw, tablesY + tablesH, width - dw, bottom);
        } else {
            int dh = clamp(avail / 4, 4, 14);
            int eh = clamp(avail / 5, 4, 10);
            tablesH = avail - dh - eh;
            detail = new Rect(0, tablesY + tablesH, width, dh);
            events = new Rect(0, tablesY + tablesH + dh, width, eh);
        }
        return new Layout(width, height, tooSmall, coreRows, coreCols, memY, tablesY, Math.max(1, tablesH - 2),
                (width - 1) / 2, detail, events, statusY, height - 1);
    }

    int leftWidth() {
        return splitX;
    }

    int rightX() {
        return splitX + 1;
    }

    int rightWidth() {
        return width - splitX - 1;
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
