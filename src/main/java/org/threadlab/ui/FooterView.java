package org.threadlab.ui;

import com.googlecode.lanterna.TerminalTextUtils;
import java.time.Duration;
import java.util.List;
import org.threadlab.text.Durations;

/** The status line (messages, joins in progress, the filter being typed) and the key hints, from the key table. */
final class FooterView {
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
        List<KeyMap.Hint> hints = st.hints;
        if (st.procs.open) {
            // the view's own keys only: the others act on the workers, which it covers
            hints = LiveKeys.PROCS_HINTS;
        } else if (st.timelinePane) {
            // the pane's own keys first while it is open; T says close there, so it is not named twice
            hints = new java.util.ArrayList<>(LiveKeys.TIMELINE_HINTS);
            for (KeyMap.Hint h : st.hints) {
                if (h.binding() != LiveKeys.TIMELINE) {
                    hints.add(h);
                }
            }
        }
        for (KeyMap.Hint h : hints) {
            // the daemon hint shows the setting the next workers get
            boolean daemon = h.binding() == LiveKeys.D;
            String label = daemon ? "daemon:" + (st.daemon ? "ON" : "off") : h.word();
            if (x + h.keys().length() + label.length() + 2 > rx) {
                break;
            }
            x += c.text(x, y, h.keys(), Theme.Role.KEY);
            x += c.text(x, y, " " + label + " ", daemon && st.daemon ? Theme.Role.ON : Theme.Role.NORMAL);
        }
    }

    /** Columns always left blank between the status message and the workload, so they never run together. */
    static final int STATUS_GAP = 2;

    /**
     * The outcome of the last key on the left, the workload for the next spawns on the right. The
     * message comes first (it may be an error); the workload keeps at least a third of the line; each
     * side is cut with an ellipsis, never drawn over the other.
     */
    private static void drawStatus(Canvas c, int y, UiState st, long nowNanos) {
        String count = st.count > 0 ? "  count " + st.count : "";
        // a replay starts no worker: no workload to show
        String workload = st.replay != null ? "" : "workload: " + st.workload.describe();
        String leftText;
        String lead = "";
        Theme.Role role = st.statusError ? Theme.Role.ERROR : Theme.Role.NORMAL;
        if (st.editingFilter) {
            leftText = "filter: " + st.filter + "_   (Enter keeps, Esc clears)";
            role = Theme.Role.WARN;
        } else if (st.procs.open && st.procs.typing != ProcsState.Typing.NONE) {
            leftText = st.procs.typing == ProcsState.Typing.FILTER
                    ? "filter processes: " + st.procs.filter + "_   (command, user or PID; Enter keeps, Esc clears)"
                    : "search: " + st.procs.search + "_   (F3 or Enter keeps, then n next; Esc clears)";
            role = Theme.Role.WARN;
        } else if (st.stopping != null) {
            leftText = st.stopping;
            role = Theme.Role.WARN;
        } else {
            StringBuilder joins = new StringBuilder();
            for (UiState.PendingJoin j : st.joins.values()) {
                joins.append(joins.length() == 0 ? "" : ", ").append("joining ").append(j.name()).append(' ')
                        .append(Durations.seconds(Duration.ofNanos(nowNanos - j.startedNanos())));
            }
            lead = joins.length() > 0 ? joins + "  " : "";
            leftText = st.status;
        }
        int[] widths = split(c.width, columns(c, lead + leftText), columns(c, workload + count));
        int rw = widths[1];
        String right = rw >= columns(c, workload + count) ? workload + count
                : rw > count.length() ? c.fit(workload, rw - count.length()) + count : c.fit(workload + count, rw);
        c.text(c.width - rw, y, right, Theme.Role.DIM, rw);
        String left = c.fit(lead + leftText, widths[0]);
        int used = c.text(0, y, left.substring(0, Math.min(lead.length(), left.length())), Theme.Role.WARN, widths[0]);
        c.text(used, y, left.substring(Math.min(lead.length(), left.length())), role, widths[0] - used);
    }

    /** Columns the text takes on screen (a wide character takes two). */
    private static int columns(Canvas c, String s) {
        return TerminalTextUtils.getColumnWidth(c.clean(s));
    }

    /** Columns for the left and right halves of a status line {@code width} wide, a gap between them. */
    static int[] split(int width, int left, int right) {
        if (left + STATUS_GAP + right <= width) {
            return new int[] {left, right};
        }
        int rw = Math.min(right, Math.max(width / 3, width - STATUS_GAP - left));
        return new int[] {Math.max(0, width - STATUS_GAP - rw), rw};
    }
}
