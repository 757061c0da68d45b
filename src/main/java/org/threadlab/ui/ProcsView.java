package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.threadlab.model.Snapshot;
import org.threadlab.sample.ProcessRow;
import org.threadlab.sample.ProcessTable;
import org.threadlab.text.Decimals;
import org.threadlab.text.Sizes;

/**
 * The all-processes view, htop's main list: every process on the machine over the whole space between
 * the meters and the status line (the header and meters stay). Columns PID USER S THR CPU% RSS COMMAND;
 * PIDs are never cut (their column is as wide as the longest), the command takes what is left.
 * threadlab is marked {@code *}, every process under it {@code +}; kernel threads are dimmed, by name,
 * as htop shows them.
 */
final class ProcsView {
    private ProcsView() {}

    /** Rows of processes a region shows: its height less the title and the column headers. */
    static int rows(Layout.Rect r) {
        return Math.max(0, r.h() - 2);
    }

    /** The USER column's width: htop's 9 on a narrow screen, more as the screen widens. */
    static int userWidth(int width) {
        return width < 100 ? 8 : width < 160 ? 10 : 12;
    }

    static void draw(Canvas c, Layout.Rect r, Snapshot s, UiState st) {
        ProcsState p = st.procs;
        ProcessTable table = s.table();
        List<ProcRows.Line> lines = p.lines(table, s.selfPid(), c.theme.ascii);
        int visible = rows(r);
        int sel = p.selected(lines);
        if (sel >= 0) {
            // the state names the row on show: the first one at first, the one that took the place of a process that ended
            p.select(lines, sel);
        }
        // the selection stays in view: the list scrolls only as far as it must
        int top = Math.max(0, Math.min(p.top, Math.max(0, lines.size() - visible)));
        if (sel >= 0 && sel < top) {
            top = sel;
        } else if (sel >= top + visible) {
            top = sel - visible + 1;
        }
        p.top = top;
        c.rule(r.x(), r.y(), r.w(), title(table, lines, p, top, visible), Theme.Role.TITLE_FOCUS, -1, ' ');
        int pidW = 5;
        int thrW = 3;
        for (ProcRows.Line l : lines) {
            pidW = Math.max(pidW, digits(l.row().pid()));
            thrW = Math.max(thrW, digits(l.row().threads()));
        }
        int userW = userWidth(r.w());
        int[] widths = {1, pidW, userW, 1, thrW, 5, 6};
        int y = r.y() + 1;
        int x = r.x();
        x += c.text(x, y, " ", Theme.Role.COLUMN, 1);
        ProcColumn[] cols = ProcColumn.values();
        List<ClickMap.Span> spans = new ArrayList<>(cols.length);
        for (int i = 0; i < cols.length; i++) {
            ProcColumn col = cols[i];
            Theme.Role role = col == p.sort ? Theme.Role.TITLE_FOCUS : Theme.Role.COLUMN;
            int w = i + 1 < widths.length ? widths[i + 1] : r.x() + r.w() - x;
            c.cell(x, y, col.header, role, w, col.right);
            spans.add(new ClickMap.Span(col, x, w));
            x += w + 1;
        }
        // what a click hits: the headers and the PIDs of the rows as drawn on this frame
        List<Long> pids = new ArrayList<>(Math.min(visible, lines.size()));
        for (int i = 0; i < visible && top + i < lines.size(); i++) {
            pids.add(lines.get(top + i).row().pid());
        }
        st.clicks.procs(new ClickMap.Procs(y, spans, pids, top));
        for (int i = 0; i < visible && top + i < lines.size(); i++) {
            row(c, r, y + 1 + i, lines.get(top + i), widths, top + i == sel, s.selfPid());
        }
        if (lines.isEmpty()) {
            String why = table == null ? (st.replay != null ? "a replay has no list of every process" : "reading every process...")
                    : table.error() != null ? "cannot list the processes: " + table.error()
                    : "no process matches '" + p.filter + "' (/ then Esc clears the filter)";
            c.text(r.x() + 1, y + 1, why, table != null && table.error() != null ? Theme.Role.ERROR : Theme.Role.DIM, r.w() - 1);
        }
    }

    /** " All processes  1-17/230  /java  by CPU%  * threadlab + under it ". */
    private static String title(ProcessTable table, List<ProcRows.Line> lines, ProcsState p, int top, int visible) {
        StringBuilder t = new StringBuilder(p.tree ? "All processes (tree)" : "All processes");
        if (table != null) {
            t.append("  ");
            if (lines.size() > visible) {
                t.append(top + 1).append('-').append(Math.min(lines.size(), top + visible)).append('/');
            }
            t.append(lines.size());
            if (lines.size() != table.rows().size()) {
                t.append(" of ").append(table.rows().size());
            }
        }
        if (!p.filter.isEmpty()) {
            t.append("  /").append(p.filter);
        }
        if (!p.search.isEmpty()) {
            t.append("  search ").append(p.search);
        }
        t.append("  by ").append(p.sort.header).append(p.reversed ? " reversed" : "");
        t.append("  * threadlab + under it");
        return t.toString();
    }

    private static void row(Canvas c, Layout.Rect r, int y, ProcRows.Line line, int[] widths, boolean selected, long selfPid) {
        ProcessRow p = line.row();
        Theme.Role base = selected ? Theme.Role.SELECTED : p.kernel() || line.context() ? Theme.Role.DIM : Theme.Role.NORMAL;
        if (base != Theme.Role.NORMAL) {
            c.fill(r.x(), y, r.w(), base);
        }
        Theme.Role own = selected ? base : line.own() ? Theme.Role.ON : base;
        int x = r.x();
        c.cell(x, y, line.own() ? p.pid() == selfPid ? "*" : "+" : " ", own, widths[0], false);
        x += widths[0];
        c.cell(x, y, Long.toString(p.pid()), own, widths[1], true);
        x += widths[1] + 1;
        c.cell(x, y, p.user(), base, widths[2], false);
        x += widths[2] + 1;
        c.cell(x, y, String.valueOf(p.state()), selected ? base : p.state() == 'R' ? Theme.Role.HIGH : base, widths[3], false);
        x += widths[3] + 1;
        c.cell(x, y, Integer.toString(p.threads()), base, widths[4], true);
        x += widths[4] + 1;
        c.cell(x, y, cpu(p.cpu()), base, widths[5], true);
        x += widths[5] + 1;
        c.cell(x, y, Sizes.compact(p.rss()), base, widths[6], true);
        x += widths[6] + 1;
        int w = r.x() + r.w() - x;
        if (w > 0) {
            int used = c.text(x, y, line.prefix(), base, w);
            c.text(x + used, y, c.fit(p.command(), w - used), own, w - used);
        }
    }

    /** One decimal up to 999.9, whole above (a 16-thread process at 1600%); blank at a first reading. */
    static String cpu(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v < 999.95 ? Decimals.fixed(v, 1) : Long.toString(Math.round(v));
    }

    private static int digits(long n) {
        return Long.toString(n).length();
    }
}
