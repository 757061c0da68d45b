package org.threadlab.ui;

import java.time.Duration;
import org.threadlab.text.Durations;

/** The status line (messages, joins in progress, the filter being typed) and the key hints. */
final class FooterView {
    private static final String[][] HINTS = {
            {"t", "thread"}, {"v", "virtual"}, {"p", "process"}, {"w", "workload"}, {"d", "daemon"},
            {"k", "stop"}, {"j", "join"}, {"g", "GIL"}, {"K", "kill"}, {"J", "join all"}, {"s", "sort"},
            {"/", "filter"}, {"space", "freeze"}, {"c", "clear"}, {"+-", "interval"}, {"Tab", "pane"}};
    private static final String ALWAYS = " ? help  q quit";

    private FooterView() {}

    static void draw(Canvas c, Layout l, UiState st, long nowNanos) {
        drawStatus(c, l.statusY(), st, nowNanos);
        int x = 0;
        int y = l.footerY();
        // help and quit are always shown, at the right; the other hints fill what is left
        int rx = c.width - ALWAYS.length();
        c.text(rx, y, ALWAYS, Theme.Role.NORMAL);
        c.text(rx + 1, y, "?", Theme.Role.KEY);
        c.text(rx + 9, y, "q", Theme.Role.KEY);
        for (String[] h : HINTS) {
            String label = h[1].equals("daemon") ? "daemon:" + (st.daemon ? "ON" : "off") : h[1];
            if (x + h[0].length() + label.length() + 2 > rx) {
                break;
            }
            x += c.text(x, y, h[0], Theme.Role.KEY);
            x += c.text(x, y, " " + label + " ", h[1].equals("daemon") && st.daemon ? Theme.Role.ON : Theme.Role.NORMAL);
        }
    }

    private static void drawStatus(Canvas c, int y, UiState st, long nowNanos) {
        String right = "workload: " + st.workload.describe() + (st.count > 0 ? "  count " + st.count : "");
        int rw = Math.min(right.length(), c.width / 2);
        c.text(c.width - rw, y, right, Theme.Role.DIM, rw);
        int lw = c.width - rw - 1;
        if (st.editingFilter) {
            c.text(0, y, "filter: " + st.filter + "_   (Enter keeps, Esc clears)", Theme.Role.WARN, lw);
            return;
        }
        if (st.stopping != null) {
            c.text(0, y, st.stopping, Theme.Role.WARN, lw);
            return;
        }
        StringBuilder joins = new StringBuilder();
        for (UiState.PendingJoin j : st.joins.values()) {
            joins.append(joins.length() == 0 ? "" : ", ").append("joining ").append(j.name()).append(' ')
                    .append(Durations.seconds(Duration.ofNanos(nowNanos - j.startedNanos())));
        }
        if (joins.length() > 0) {
            int used = c.text(0, y, joins + "  ", Theme.Role.WARN, lw);
            c.text(used, y, st.status, st.statusError ? Theme.Role.ERROR : Theme.Role.NORMAL, lw - used);
        } else {
            c.text(0, y, st.status, st.statusError ? Theme.Role.ERROR : Theme.Role.NORMAL, lw);
        }
    }
}
