package org.threadlab.ui;

import java.util.List;
import org.threadlab.text.Words;

/** Boxes drawn over the screen: the help, the workload dialog, the quit question, an event's whole text, the signal and sort menus. */
final class Overlays {
    /** Room for "q Q ^C F10"; what a key does gets one column less, so two columns still fit in 80. */
    private static final int KEY_W = 10;
    private static final int WHAT_W = 27;

    private Overlays() {}

    static void draw(Canvas c, UiState st, org.threadlab.model.Snapshot s) {
        switch (st.overlay) {
            case HELP -> help(c, st.help);
            case WORKLOAD -> workload(c, st.dialog);
            case QUIT -> quit(c, st.quitRunning);
            case EVENT -> event(c, st, s);
            case SIGNAL, SORT -> MenuView.draw(c, st);
            case NONE -> { }
        }
    }

    /**
     * The selected event whole (Enter in the events pane): the detail pane has three rows at 80x24,
     * too few for a long refusal or a child's failure; this box has the screen's height.
     */
    private static void event(Canvas c, UiState st, org.threadlab.model.Snapshot s) {
        java.util.Optional<org.threadlab.worker.Event> sel = EventRows.selected(s.events(), st);
        int w = Math.min(c.width - 2, 100);
        int inner = w - 4;
        List<DetailView.Line> lines = sel.isEmpty() ? List.of(new DetailView.Line("No event selected.", Theme.Role.DIALOG))
                : DetailView.eventLines(c, sel.get(), s, inner, Integer.MAX_VALUE);
        int h = Math.min(c.height, lines.size() + 4);
        int x = (c.width - w) / 2;
        int y = Math.max(0, (c.height - h) / 2);
        c.box(x, y, w, h, sel.map(e -> "Event " + e.seq()).orElse("Event"));
        int rows = h - 4;
        for (int i = 0; i < lines.size() && i < rows; i++) {
            String text = i == rows - 1 && lines.size() > rows ? lines.get(i).text() + " " + c.theme.ellipsis : lines.get(i).text();
            c.text(x + 2, y + 1 + i, c.fit(text, inner), Theme.Role.DIALOG, inner);
        }
        c.text(x + 2, y + h - 2, "Any key closes this.", Theme.Role.DIALOG, inner);
    }

    /** What the states mean: the help's second part. */
    static final KeyMap.HelpSection STATES = new KeyMap.HelpSection("States", List.of(
            new KeyMap.HelpLine("NEW", "not started yet"),
            new KeyMap.HelpLine("RUN", "ran in the last interval"),
            new KeyMap.HelpLine("WAIT", "did not run: sleep, I/O"),
            new KeyMap.HelpLine("BLOCK", "waiting for the GIL"),
            new KeyMap.HelpLine("STOP", "asked to stop, still runs"),
            new KeyMap.HelpLine("DONE", "finished (dimmed until c)"),
            new KeyMap.HelpLine("FAIL", "failed: the detail says why"),
            new KeyMap.HelpLine("TERM", "terminated (k, K, quit)")));

    /** What the terse columns mean: the help's third part. */
    static final KeyMap.HelpSection COLUMNS = new KeyMap.HelpSection("Columns", List.of(
            new KeyMap.HelpLine("d", "daemon (d) or not (.)"),
            new KeyMap.HelpLine("alloc", "bytes the thread allocated"),
            new KeyMap.HelpLine("rss", "a process's resident memory"),
            new KeyMap.HelpLine("core", "the CPU it last ran on"),
            new KeyMap.HelpLine("gil h/w", "% held / waited for the GIL"),
            new KeyMap.HelpLine("pid tid", "process / native thread id")));

    /**
     * The keys (generated from the key table: see {@link KeyMap#help}), then what states and columns
     * mean, in one column when the screen is tall enough, else two. Where even two columns do not
     * fit (a replay's keys added to the live ones, at 80x24) the explanations go first, columns then
     * states, so that every key stays listed.
     */
    private static void help(Canvas c, List<KeyMap.HelpSection> keys) {
        List<KeyMap.HelpSection> sections = new java.util.ArrayList<>(keys);
        for (KeyMap.HelpSection extra : List.of(STATES, COLUMNS)) {
            sections.add(extra);
            if (rows(sections, false) + FRAME > c.height) {
                sections.remove(sections.size() - 1);
                break;
            }
        }
        int entryW = KEY_W + 1 + WHAT_W;
        int rowsOne = rows(sections, true);
        int rowsTwo = rows(sections, false);
        boolean oneColumn = c.height >= rowsOne + FRAME;
        int w = Math.min(c.width, oneColumn ? entryW + 4 : 2 * entryW + 4);
        int h = Math.min(c.height, (oneColumn ? rowsOne : rowsTwo) + FRAME);
        int x = (c.width - w) / 2;
        int y = Math.max(0, (c.height - h) / 2);
        c.box(x, y, w, h, "Keys");
        int ey = y + 1;
        for (KeyMap.HelpSection section : sections) {
            List<KeyMap.HelpLine> entries = section.lines();
            String title = section.title();
            if (title != null) {
                String line = c.theme.hline + " " + title + " " + String.valueOf(c.theme.hline).repeat(Math.max(0, w - 5 - title.length()));
                c.text(x + 1, ey++, line, Theme.Role.DIALOG, w - 2);
            }
            int perColumn = oneColumn ? entries.size() : (entries.size() + 1) / 2;
            for (int i = 0; i < entries.size(); i++) {
                int ex = x + 1 + (oneColumn ? 1 : (i / perColumn) * (entryW + 2));
                int ry = ey + i % perColumn;
                if (ry < y + h - 1) {
                    c.text(ex, ry, pad(entries.get(i).keys(), KEY_W), Theme.Role.KEY, KEY_W);
                    c.text(ex + KEY_W + 1, ry, entries.get(i).what(), Theme.Role.DIALOG, WHAT_W);
                }
            }
            ey += perColumn;
        }
        // on the bottom border, so the keys have that row too
        c.text(x + 2, y + h - 1, " Any key closes this help. ", Theme.Role.TITLE_FOCUS, w - 4);
    }

    /** Rows the help's box adds to its entries: the top and bottom borders (the bottom one says how to close it). */
    private static final int FRAME = 2;

    /** Rows the sections take, with their titles, in one column or two. */
    private static int rows(List<KeyMap.HelpSection> sections, boolean oneColumn) {
        int rows = 0;
        for (KeyMap.HelpSection s : sections) {
            rows += (oneColumn ? s.lines().size() : (s.lines().size() + 1) / 2) + (s.title() != null ? 1 : 0);
        }
        return rows;
    }

    private static void workload(Canvas c, WorkloadDialog d) {
        WorkloadDialogView.draw(c, d);
    }

    private static void quit(Canvas c, int running) {
        int w = Math.min(c.width - 2, 74);
        int h = 6;
        int x = (c.width - w) / 2;
        int y = Math.max(0, (c.height - h) / 2);
        c.box(x, y, w, h, "Quit");
        c.text(x + 2, y + 1, stillRunning(running) + ".", Theme.Role.DIALOG, w - 4);
        c.text(x + 2, y + 2, "Daemon workers are killed either way, as when a Python main ends.", Theme.Role.DIALOG, w - 4);
        c.text(x + 2, y + 4, running == 0 ? "w quit now    c or Esc cancel" : "w wait for them    k kill them    c or Esc cancel",
                Theme.Role.KEY, w - 4);
    }

    /** "3 non-daemon workers are still running", or that none is any more (they ended while it was asked). */
    static String stillRunning(int running) {
        return running == 0 ? "No non-daemon worker is running any more"
                : Words.count(running, "non-daemon worker") + (running == 1 ? " is" : " are") + " still running";
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
