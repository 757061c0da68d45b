package org.threadlab.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.threadlab.sample.Snapshot;
import org.threadlab.sample.WorkerSample;
import org.threadlab.text.Durations;
import org.threadlab.worker.WorkerInfo;

/**
 * A worker table. Columns have priorities: a narrow pane drops the least useful ones (for threads
 * the pid is the same on every row; for processes the tid says little), a wide one gives the
 * spare room to the name, the progress bar and the workload.
 */
final class WorkerTableView {
    private WorkerTableView() {}

    enum Col {
        ID("id", 3, true), NAME("name", 8, false), PID("pid", 7, true), TID("tid", 7, true), KIND("kind", 4, false),
        STATE("state", 5, false), DAEMON("d", 1, false), WORKLOAD("workload", 10, false), CPU("cpu%", 5, true),
        CORE("core", 4, true), MEM("mem", 5, true), PROGRESS("progress", 8, false), AGE("age", 6, true);

        final String header;
        final int width;
        final boolean right;

        Col(String header, int width, boolean right) {
            this.header = header;
            this.width = width;
            this.right = right;
        }
    }

    private static final List<Col> THREAD_PRIORITY = List.of(Col.ID, Col.NAME, Col.STATE, Col.CPU, Col.DAEMON, Col.MEM,
            Col.CORE, Col.PROGRESS, Col.AGE, Col.KIND, Col.TID, Col.WORKLOAD, Col.PID);
    private static final List<Col> PROCESS_PRIORITY = List.of(Col.ID, Col.NAME, Col.STATE, Col.CPU, Col.DAEMON, Col.MEM,
            Col.PID, Col.CORE, Col.PROGRESS, Col.AGE, Col.WORKLOAD, Col.TID, Col.KIND);

    /** The columns that fit in {@code width}, in display order, with their widths. */
    static List<int[]> columns(Pane pane, int width) {
        List<Col> chosen = new ArrayList<>();
        int used = -1;
        for (Col c : pane == Pane.THREADS ? THREAD_PRIORITY : PROCESS_PRIORITY) {
            if (used + 1 + c.width <= width) {
                chosen.add(c);
                used += 1 + c.width;
            }
        }
        chosen.sort(Comparator.naturalOrder());
        int spare = width - used;
        List<int[]> out = new ArrayList<>();
        int[] grow = new int[Col.values().length];
        spare = give(grow, chosen, Col.NAME, spare, 4);
        spare = give(grow, chosen, Col.WORKLOAD, spare, 12);
        spare = give(grow, chosen, Col.PROGRESS, spare, 6);
        spare = give(grow, chosen, Col.WORKLOAD, spare, Integer.MAX_VALUE);
        give(grow, chosen, Col.NAME, spare, Integer.MAX_VALUE);
        for (Col c : chosen) {
            out.add(new int[] {c.ordinal(), c.width + grow[c.ordinal()]});
        }
        return out;
    }

    private static int give(int[] grow, List<Col> chosen, Col c, int spare, int max) {
        if (spare <= 0 || !chosen.contains(c)) {
            return spare;
        }
        int g = Math.min(spare, max);
        grow[c.ordinal()] += g;
        return spare - g;
    }

    static void draw(Canvas c, Layout l, Snapshot s, UiState st, Pane pane, int x, int w) {
        List<WorkerSample> rows = Rows.of(s, st, pane);
        boolean focused = st.focus == pane;
        int titleY = l.tablesY();
        int headerY = titleY + 1;
        List<int[]> cols = columns(pane, w - 1);
        int cx = x + 1;
        for (int[] col : cols) {
            Col k = Col.values()[col[0]];
            String h = k == Col.MEM ? (pane == Pane.PROCESSES ? "rss" : "alloc") : k.header;
            boolean sorted = sortColumn(st.sort) == k;
            c.cell(cx, headerY, h, sorted ? Theme.Role.TITLE_FOCUS : Theme.Role.COLUMN, col[1], k.right);
            cx += col[1] + 1;
        }
        int visible = l.tableRows();
        int sel = Rows.selectedIndex(rows, st.selected(pane));
        int offset = sel >= visible ? sel - visible + 1 : 0;
        for (int i = 0; i < visible && offset + i < rows.size(); i++) {
            int idx = offset + i;
            drawRow(c, headerY + 1 + i, x, w, cols, rows.get(idx), s, focused && idx == sel);
        }
        if (rows.isEmpty()) {
            String hint = !st.filter.isEmpty() ? "no names match '" + st.filter + "'"
                    : pane == Pane.THREADS ? "no threads yet: t starts one, v a virtual one" : "no processes yet: p starts one";
            c.text(x + 1, headerY + 1, hint, Theme.Role.DIM, w - 1);
        }
        String range = rows.size() > visible ? " " + (offset + 1) + "-" + Math.min(rows.size(), offset + visible) + "/" + rows.size()
                : " (" + rows.size() + ")";
        String title = (pane == Pane.THREADS ? "Threads in pid " + s.selfPid() : "Processes") + range;
        if (st.sort != SortKey.ID) {
            title += " sort " + st.sort.label;
        }
        if (!st.filter.isEmpty()) {
            title += " /" + st.filter;
        }
        c.text(x + 1, titleY, " " + (focused ? "> " : "") + title + " ", focused ? Theme.Role.TITLE_FOCUS : Theme.Role.TITLE, w - 2);
    }

    private static Col sortColumn(SortKey k) {
        return switch (k) {
            case ID -> Col.ID;
            case NAME -> Col.NAME;
            case CPU -> Col.CPU;
            case MEMORY -> Col.MEM;
            case STATE -> Col.STATE;
            case AGE -> Col.AGE;
        };
    }

    private static void drawRow(Canvas c, int y, int x, int w, List<int[]> cols, WorkerSample ws, Snapshot s, boolean selected) {
        WorkerInfo i = ws.info();
        boolean ended = i.state().ended();
        Theme.Role base = selected ? Theme.Role.SELECTED : ended ? Theme.Role.DIM : Theme.Role.NORMAL;
        c.fill(x, y, w, base);
        int cx = x + 1;
        for (int[] col : cols) {
            Col k = Col.values()[col[0]];
            Theme.Role role = base;
            if (k == Col.CPU && base == Theme.Role.NORMAL && !Double.isNaN(ws.cpuPercent())) {
                role = Theme.level(ws.cpuPercent() / 100);
            } else if (k == Col.PROGRESS && base == Theme.Role.NORMAL) {
                role = Theme.Role.SPARK;
            } else if (k == Col.STATE && base == Theme.Role.NORMAL && "STOP".equals(Cells.state(i))) {
                role = Theme.Role.WARN;
            }
            c.cell(cx, y, cell(k, ws, s, col[1], c.theme), role, col[1], k.right);
            cx += col[1] + 1;
        }
    }

    static String cell(Col k, WorkerSample ws, Snapshot s, int width, Theme t) {
        WorkerInfo i = ws.info();
        return switch (k) {
            case ID -> Integer.toString(i.id());
            // a process another worker started hangs under it, as in htop's tree
            case NAME -> i.isMember() ? (t.ascii ? "`" : "└") + i.name() : i.name();
            case PID -> i.pid() > 0 ? Long.toString(i.pid()) : "-";
            case TID -> i.tid() > 0 ? Long.toString(i.tid()) : "-";
            case KIND -> Cells.kind(i.kind());
            case STATE -> Cells.state(i);
            case DAEMON -> i.daemon() ? "d" : ".";
            // a live status (a queue's fill) says more than the parameters it was started with
            case WORKLOAD -> i.status() != null ? i.status() : i.workload().describe();
            case CPU -> i.state().ended() ? "-" : Cells.percent(ws.cpuPercent());
            case CORE -> i.state().ended() ? "-" : Cells.number(ws.core());
            case MEM -> Cells.bytes(ws.memoryBytes());
            case PROGRESS -> Cells.progress(i, width, t);
            case AGE -> i.startedAt() == null ? "-" : Durations.clock(i.age(s.takenAt()));
        };
    }
}
