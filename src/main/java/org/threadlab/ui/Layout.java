package org.threadlab.ui;

/**
 * Where each region goes for a terminal size and core count: a pure function, so the key handler
 * (page size) and the renderer agree, and a resize is just a new layout.
 *
 * @param coreRows   rows of core meters; cores are packed {@code coreCols} to a row
 * @param tablesY    the tables' title line; column headers follow, then {@code tableRows} rows
 * @param splitX     the column of the divider between the two tables
 * @param detail     detail pane, title line included (height 0: not on show, a lesson's narration took its rows)
 * @param events     events log, title line included
 * @param narration  a lesson's narration pane under the tables, title line included; null without a lesson
 */
record Layout(int width, int height, boolean tooSmall, int coreRows, int coreCols, int memY, int tablesY,
              int tableRows, int splitX, Rect detail, Rect events, int statusY, int footerY, Rect narration) {

    static final int MIN_WIDTH = 80;
    static final int MIN_HEIGHT = 24;

    /** Rows the tables keep (title and column headers included) when a narration pane takes room from them. */
    static final int MIN_TABLES = 7;

    record Rect(int x, int y, int w, int h) {}

    static Layout of(int width, int height, int cores) {
        return of(width, height, cores, false);
    }

    /**
     * With {@code lesson}, a narration pane goes between the tables and the detail: the tables give
     * it rows down to {@link #MIN_TABLES} (five rows of workers, the PIDs still on show), then the
     * detail gives the rest (at 80x24 all of it: what the teacher says matters more in class).
     */
    static Layout of(int width, int height, int cores, boolean lesson) {
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
        Rect narration = null;
        if (lesson) {
            int want = clamp(avail / 4, 7, 12);
            int fromTables = Math.max(0, Math.min(want, tablesH - MIN_TABLES));
            int fromDetail = Math.min(want - fromTables, detail.h());
            boolean sideBySide = events.y() == detail.y();
            tablesH -= fromTables;
            narration = new Rect(0, tablesY + tablesH, width, fromTables + fromDetail);
            detail = new Rect(detail.x(), detail.y() + fromDetail, detail.w(), detail.h() - fromDetail);
            if (sideBySide) {
                // both sit under the narration and give it the same rows
                events = new Rect(events.x(), events.y() + fromDetail, events.w(), events.h() - fromDetail);
            } else if (detail.h() == 1) {
                // a detail of one row is a title over nothing (at 80x24 on 2 cores): the events take it
                events = new Rect(events.x(), detail.y(), events.w(), events.h() + 1);
                detail = new Rect(detail.x(), detail.y(), detail.w(), 0);
            }
        }
        return new Layout(width, height, tooSmall, coreRows, coreCols, memY, tablesY, Math.max(1, tablesH - 2),
                (width - 1) / 2, detail, events, statusY, height - 1, narration);
    }

    /** The tables' region, their title line included: where the rounds pane goes when open. */
    Rect tables() {
        return new Rect(0, tablesY, width, tableRows + 2);
    }

    /** The all-processes view's region: everything between the meters and the status line. */
    Rect procs() {
        return new Rect(0, tablesY, width, statusY - tablesY);
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
