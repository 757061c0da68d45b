package org.threadlab.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.threadlab.model.Attached;
import org.threadlab.model.ModelHub;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.text.Durations;
import org.threadlab.worker.WorkerInfo;

/**
 * A worker table. Each column is one entry in {@link #COLUMNS}, with its importance in each table:
 * a narrow pane drops the least important first and keeps the name, PID and TID longest (they are
 * what this tool is for); a wide one gives the names their full length, then the spare room to the
 * workload (or the name).
 */
final class WorkerTableView {
    private WorkerTableView() {}

    /** Rank of a column a table never shows. */
    static final int NEVER = Integer.MAX_VALUE;
    /** A name column widens to its longest name up to this; only spare room takes it further. */
    static final int MAX_FIT = 24;

    /** A row's text in a column {@code width} wide (width is large when measuring the widest value). */
    interface Text {
        String of(WorkerSample ws, Snapshot s, int width, Canvas c);
    }

    /** A cell's style, given the row's (normal, selected or dimmed); most columns keep it. */
    interface Style {
        Theme.Role of(WorkerSample ws, Theme.Role base);
    }

    /**
     * One column, everything about it in one place.
     *
     * @param key           the sort key it shows ({@link SortKey#label}), or its own name
     * @param processHeader its header in the processes table
     * @param width         its least width; a fitted column widens to its widest value
     * @param threadRank    its importance in the threads table: the lower, the longer it stays as the
     *                      table narrows; {@link #NEVER} leaves it out
     * @param processRank   the same in the processes table
     * @param fitRank       for a fitted column, the rank at which it widens to its widest value (at
     *                      once, for numbers, which must never be cut); {@link #NEVER} for fixed columns
     * @param grow          0, or the order in which a column takes the room left over (1 first)
     * @param when          whether the table has it at all in this snapshot (say, only while the GIL is on)
     */
    record Column(String key, String header, String processHeader, int width, boolean right, int threadRank,
                  int processRank, int fitRank, int grow, Predicate<Snapshot> when, Text text, Style style) {

        static Column of(String key, String header, int width, boolean right, Text text) {
            return new Column(key, header, header, width, right, NEVER, NEVER, NEVER, 0, s -> true, text, (w, base) -> base);
        }

        Column ranks(int threads, int processes) {
            return new Column(key, header, processHeader, width, right, threads, processes, fitRank, grow, when, text, style);
        }

        /** Widens to its widest value at {@code rank}; a number column passes its own ranks' minimum. */
        Column fit(int rank) {
            return new Column(key, header, processHeader, width, right, threadRank, processRank, rank, grow, when, text, style);
        }

        Column grow(int order) {
            return new Column(key, header, processHeader, width, right, threadRank, processRank, fitRank, order, when, text, style);
        }

        Column processHeader(String h) {
            return new Column(key, header, h, width, right, threadRank, processRank, fitRank, grow, when, text, style);
        }

        Column when(Predicate<Snapshot> p) {
            return new Column(key, header, processHeader, width, right, threadRank, processRank, fitRank, grow, p, text, style);
        }

        Column style(Style s) {
            return new Column(key, header, processHeader, width, right, threadRank, processRank, fitRank, grow, when, text, s);
        }

        int rank(Pane pane) {
            return pane == Pane.THREADS ? threadRank : processRank;
        }

        String header(Pane pane) {
            return pane == Pane.THREADS ? header : processHeader;
        }
    }

    /** A chosen column and the width it got. */
    record Placed(Column column, int width) {}

    private static final boolean RIGHT = true;
    private static final boolean LEFT = false;

    /**
     * Every column, in display order. Ranks are spaced by ten so a new column slots in between: the
     * threads table keeps name, TID, PID, state and cpu% longest; the processes table name, PID, TID,
     * state, cpu% and RSS. Names reach their full length before the progress bar, age, kind and workload.
     */
    static final List<Column> COLUMNS = List.of(
            // an attached process or thread has no worker id ("-"): it is not threadlab's
            Column.of("id", "id", 2, RIGHT, (w, s, width, c) -> Attached.is(w.info()) ? "-" : Integer.toString(w.info().id()))
                    .ranks(60, 70).fit(0),
            Column.of("name", "name", 8, LEFT, (w, s, width, c) -> name(w.info(), width, c))
                    .ranks(10, 10).fit(95).grow(2),
            Column.of("pid", "pid", 3, RIGHT, (w, s, width, c) -> w.info().pid() > 0 ? Long.toString(w.info().pid()) : "-")
                    .ranks(30, 20).fit(0),
            Column.of("tid", "tid", 3, RIGHT, (w, s, width, c) -> w.info().tid() > 0 ? Long.toString(w.info().tid()) : "-")
                    .ranks(20, 30).fit(0),
            Column.of("kind", "kind", 4, LEFT, (w, s, width, c) -> Attached.is(w.info()) ? "att" : Cells.kind(w.info().kind()))
                    .ranks(120, 130),
            Column.of("state", "state", 5, LEFT, (w, s, width, c) -> Cells.state(w)).ranks(40, 40)
                    .style((w, base) -> base == Theme.Role.NORMAL && "STOP".equals(Cells.state(w)) ? Theme.Role.WARN : base),
            Column.of("d", "d", 1, LEFT, (w, s, width, c) -> Attached.is(w.info()) ? "-" : w.info().daemon() ? "d" : ".").ranks(70, 80),
            // a live status (a queue's fill) says more than the parameters it was started with
            Column.of("workload", "workload", 10, LEFT, (w, s, width, c) -> w.info().status() != null ? w.info().status()
                    : w.info().workload().describe()).ranks(130, 120).grow(1),
            Column.of("cpu", "cpu%", 5, RIGHT, (w, s, width, c) -> w.info().state().ended() ? "-" : Cells.percent(w.cpuPercent()))
                    .ranks(50, 50).style((w, base) -> base == Theme.Role.NORMAL && !Double.isNaN(w.cpuPercent())
                            ? Theme.level(w.cpuPercent() / 100) : base),
            // held/waited percent of the interval, only while the GIL is on (threads only: a process has its own);
            // five columns hold any value (held + waited is at most the interval), so at 80 columns it shows as "gil"
            Column.of("gil", "gil h/w", 5, RIGHT, (w, s, width, c) -> w.info().state().ended() || Double.isNaN(w.gilHeld()) ? "-"
                    : Math.round(Math.min(1, w.gilHeld()) * 100) + "/" + Math.round(Math.min(1, w.gilWaited()) * 100))
                    .ranks(55, NEVER).when(s -> s.gil() != null && s.gil().enabled()),
            Column.of("core", "core", 4, RIGHT, (w, s, width, c) -> w.info().state().ended() ? "-" : Cells.number(w.core()))
                    .ranks(90, 90),
            Column.of("mem", "alloc", 5, RIGHT, (w, s, width, c) -> Cells.bytes(w.memoryBytes())).processHeader("rss")
                    .ranks(80, 60),
            Column.of("progress", "progress", 8, LEFT, (w, s, width, c) -> Cells.progress(w.info(), width, c.theme))
                    .ranks(100, 100).style((w, base) -> base == Theme.Role.NORMAL ? Theme.Role.SPARK : base),
            Column.of("age", "age", 6, RIGHT, (w, s, width, c) -> w.info().startedAt() == null ? "-"
                    : Durations.clock(w.info().age(s.takenAt()))).ranks(110, 110).fit(0));

    /** The columns that fit in {@code width} for these rows, in display order, with their widths. */
    static List<Placed> columns(Pane pane, int width, List<WorkerSample> rows, Snapshot s, Canvas c) {
        return columns(pane, width, s, fitted(pane, rows, s, c));
    }

    /**
     * The widest value of each fitted column (by its key) over {@code rows}: every row is measured, so
     * widths do not jump as the table scrolls; the screen measures once per model, order and filter
     * ({@link Rows.Memo#widest}), not per frame.
     */
    static Map<String, Integer> fitted(Pane pane, List<WorkerSample> rows, Snapshot s, Canvas c) {
        Map<String, Integer> out = new HashMap<>();
        for (Column col : COLUMNS) {
            if (col.rank(pane) == NEVER || col.fitRank() == NEVER || !col.when().test(s)) {
                continue;
            }
            out.put(col.key(), widest(col, rows, s, c));
        }
        return out;
    }

    /** The widest value of {@code col} over the rows (a loop of its own, as in {@link #draw}: no OSR compile of all of fitted). */
    private static int widest(Column col, List<WorkerSample> rows, Snapshot s, Canvas c) {
        int w = 0;
        for (WorkerSample ws : rows) {
            w = Math.max(w, widest(col, ws, s, c));
        }
        return w;
    }

    /**
     * Widens the pending names whose fit rank {@code rank} reached, as far as the room allows; returns the
     * columns used after. A loop of its own: {@link #columns} runs twice a frame, and this loop's back edges
     * made C2 compile all of it on-stack-replaced, about seven minutes after start (0.9 s of a compiler thread).
     */
    private static int widenDue(List<Column> pendingFit, int rank, Map<Column, Integer> chosen, Map<Column, Integer> widest,
                                int width, int used) {
        for (Iterator<Column> it = pendingFit.iterator(); it.hasNext(); ) {
            Column f = it.next();
            if (f.fitRank() <= rank) {
                used += widen(chosen, f, widest.get(f), width - used);
                it.remove();
            }
        }
        return used;
    }

    /** The columns that fit in {@code width}, given the fitted columns' widest values ({@link #fitted}). */
    static List<Placed> columns(Pane pane, int width, Snapshot s, Map<String, Integer> fitted) {
        List<Column> shown = new ArrayList<>();
        Map<Column, Integer> widest = new HashMap<>();
        for (Column col : COLUMNS) {
            if (col.rank(pane) == NEVER || !col.when().test(s)) {
                continue;
            }
            shown.add(col);
            int w = Math.max(col.width(), col.header(pane).length());
            if (col.fitRank() != NEVER) {
                w = Math.max(w, fitted.getOrDefault(col.key(), 0));
            }
            widest.put(col, w);
        }
        // in rank order: a column comes in at its least width (a number at its widest), and a name
        // widens to its longest at its fit rank, as far as the room allows
        List<Column> byRank = new ArrayList<>(shown);
        byRank.sort(Comparator.comparingInt(col -> col.rank(pane)));
        Map<Column, Integer> chosen = new HashMap<>();
        int used = -1;
        List<Column> pendingFit = new ArrayList<>();
        for (Column col : byRank) {
            used = widenDue(pendingFit, col.rank(pane), chosen, widest, width, used);
            int enter = col.fitRank() <= col.rank(pane) ? widest.get(col) : Math.max(col.width(), col.header(pane).length());
            boolean fixed = col.fitRank() == NEVER && col.grow() == 0;
            if (fixed && used + 1 + enter > width && used + 1 + shortWidth(col) <= width) {
                // a header wider than the values gives way to the column's short name ("gil h/w" to "gil");
                // never a fitted column's: a number is as wide as its widest value or not there at all
                enter = shortWidth(col);
            }
            if (used + 1 + enter > width) {
                // a smaller, less important column may fill the gap a wide one leaves, but never takes
                // the place of an id, PID, TID or age (numbers, which come in whole or not at all)
                if (col.fitRank() <= col.rank(pane)) {
                    break;
                }
                continue;
            }
            chosen.put(col, enter);
            used += 1 + enter;
            if (col.fitRank() != NEVER && col.fitRank() > col.rank(pane)) {
                pendingFit.add(col);
            }
        }
        for (Column f : pendingFit) {
            used += widen(chosen, f, widest.get(f), width - used);
        }
        int spare = width - used;
        Column grower = null;
        for (Column col : shown) {
            if (chosen.containsKey(col) && col.grow() > 0 && (grower == null || col.grow() < grower.grow())) {
                grower = col;
            }
        }
        if (grower != null && spare > 0) {
            chosen.put(grower, chosen.get(grower) + spare);
        }
        List<Placed> out = new ArrayList<>();
        for (Column col : shown) {
            if (chosen.containsKey(col)) {
                out.add(new Placed(col, chosen.get(col)));
            }
        }
        return out;
    }

    /**
     * The columns a fitted column's text takes at any width, for one row: every row of the table is
     * measured (so widths do not jump as it scrolls), 1,000 rows a model, so the numbers and names are
     * counted rather than written out; what the text would take, exactly (tested).
     */
    static int widest(Column col, WorkerSample ws, Snapshot s, Canvas c) {
        WorkerInfo i = ws.info();
        switch (col.key()) {
            case "id":
                return Attached.is(i) ? 1 : digits(i.id());
            case "pid":
                return i.pid() > 0 ? digits(i.pid()) : 1;
            case "tid":
                return i.tid() > 0 ? digits(i.tid()) : 1;
            case "name":
                return (i.isMember() ? 1 : 0) + c.columns(c.clean(i.name()));
            case "age":
                return i.startedAt() == null ? 1 : clockWidth(ageSeconds(i, s.takenAt()));
            default:
                return c.columns(c.clean(col.text().of(ws, s, Integer.MAX_VALUE, c)));
        }
    }

    /**
     * {@code i.age(now).getSeconds()} without making a Duration: measured for every row of a new model
     * (10,000 of them: 240 KB of garbage a model, where every young collection stops 10,000 threads).
     */
    static long ageSeconds(WorkerInfo i, java.time.Instant now) {
        java.time.Instant end = i.endedAt() != null ? i.endedAt() : now;
        long seconds = end.getEpochSecond() - i.startedAt().getEpochSecond();
        return end.getNano() < i.startedAt().getNano() ? seconds - 1 : seconds;
    }

    /** Digits of a number, its minus sign included. */
    private static int digits(long n) {
        if (n < 0) {
            return 1 + digits(-n);
        }
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    /** The width of {@link Durations#clock} for these seconds: 1d02h, 1:02:03, 12:34. */
    private static int clockWidth(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 86400 ? digits(s / 86400) + 4 : s >= 3600 ? digits(s / 3600) + 6 : digits(s / 60) + 3;
    }

    /** The least width of a fixed column under its short name (its key). */
    private static int shortWidth(Column col) {
        return Math.max(col.width(), col.key().length());
    }

    /** A column's header in {@code width}: its short name (its key) where the full one does not fit. */
    static String header(Column col, Pane pane, int width) {
        return col.header(pane).length() <= width ? col.header(pane) : col.key();
    }

    /** Widens a chosen column toward {@code to} within {@code room}; returns the columns it took. */
    private static int widen(Map<Column, Integer> chosen, Column col, int to, int room) {
        Integer now = chosen.get(col);
        if (now == null || room <= 0) {
            return 0;
        }
        int add = Math.max(0, Math.min(Math.min(to, MAX_FIT) - now, room));
        chosen.put(col, now + add);
        return add;
    }

    static void draw(Canvas c, Layout l, Snapshot s, UiState st, Pane pane, int x, int w) {
        List<WorkerSample> rows = Rows.of(s, st, pane);
        boolean focused = st.focus == pane;
        int titleY = l.tablesY();
        int headerY = titleY + 1;
        List<Placed> cols = columns(pane, w - 1, s, st.rows.widest(pane, () -> fitted(pane, rows, s, c)));
        // the loops are small methods of their own: draw runs twice a frame, so only its loops' back edges
        // made C2 compile it, on-stack-replaced with the whole table inlined (0.6 s of a compiler thread,
        // minutes after start, with 100 workers); see docs/PERFORMANCE.md, "UI's own CPU"
        drawHeaders(c, headerY, x, cols, st, pane);
        int visible = l.tableRows();
        int sel = Rows.selectedIndex(rows, st.selected(pane));
        int offset = sel >= visible ? sel - visible + 1 : 0;
        st.clicks.table(new ClickMap.Table(pane, x, w, titleY, headerY, cols, rows, offset, visible));
        drawRows(c, headerY + 1, x, w, cols, rows, offset, visible, s, focused ? sel : -1);
        List<ProcessSample> spares = pane == Pane.PROCESSES ? spares(s) : List.of();
        int used = Math.min(visible, rows.size() - offset);
        if (!spares.isEmpty() && (rows.isEmpty() ? visible > 1 : used < visible)) {
            // real processes, with their PIDs and memory, below the workers: never rows of their own (never workers)
            c.text(x + 1, headerY + 1 + Math.max(used, rows.isEmpty() ? 1 : 0), spareLine(spares), Theme.Role.DIM, w - 1);
        }
        if (rows.isEmpty()) {
            // the virtual-thread half goes when the pane is too narrow for it, rather than being cut mid-word
            String threads = "no threads yet: t starts one, v a virtual one";
            String hint = !st.filter.isEmpty() ? "no names match '" + st.filter + "'"
                    // a replay starts nothing: only what the recording had
                    : st.replay != null ? (pane == Pane.THREADS ? "no threads in this model" : "no processes in this model")
                    : pane == Pane.THREADS ? threads.length() <= w - 1 ? threads : "no threads yet: t starts one"
                    : "no processes yet: p starts one";
            c.text(x + 1, headerY + 1, hint, Theme.Role.DIM, w - 1);
        }
        String range = rows.size() > visible ? " " + (offset + 1) + "-" + Math.min(rows.size(), offset + visible) + "/" + rows.size()
                : " (" + rows.size() + ")";
        String tail = range;
        if (st.sort != SortKey.ID || st.sortReversed) {
            tail += " sort " + (st.sortReversed ? "-" : "") + st.sort.label;
        }
        if (!st.filter.isEmpty()) {
            tail += " /" + st.filter;
        }
        if (!spares.isEmpty()) {
            tail += " + " + spareCount(spares);
        }
        String lead = " " + (focused ? "> " : "");
        String title = (pane == Pane.THREADS ? "Threads in pid " + s.selfPid() + attachedPids(s) : "Processes") + tail;
        if (pane == Pane.THREADS && lead.length() + title.length() + 1 > w - 2) {
            // the pid is in every row's pid column: the sort and the filter being typed matter more
            title = "Threads" + tail;
        }
        c.text(x + 1, titleY, lead + title + " ", focused ? Theme.Role.TITLE_FOCUS : Theme.Role.TITLE, w - 2);
    }

    /** ", 4242, 4300": the attached processes whose threads are in the threads table too. */
    static String attachedPids(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        for (ProcessSample p : s.processes()) {
            if (Attached.is(p)) {
                sb.append(", ").append(p.pid());
            }
        }
        return sb.toString();
    }

    /** threadlab's warm spares in this snapshot ({@code --spares}): ready ones, then those still starting. */
    static List<ProcessSample> spares(Snapshot s) {
        List<ProcessSample> ready = new ArrayList<>();
        List<ProcessSample> starting = new ArrayList<>();
        for (ProcessSample p : s.processes()) {
            if (ModelHub.SPARE.equals(p.role())) {
                ready.add(p);
            } else if (ModelHub.SPARE_STARTING.equals(p.role())) {
                starting.add(p);
            }
        }
        ready.addAll(starting);
        return ready;
    }

    /** "2 spares ready", "1 spare ready, 1 starting". */
    static String spareCount(List<ProcessSample> spares) {
        long ready = spares.stream().filter(p -> ModelHub.SPARE.equals(p.role())).count();
        long starting = spares.size() - ready;
        return ready + (ready == 1 ? " spare" : " spares") + " ready" + (starting > 0 ? ", " + starting + " starting" : "");
    }

    /** "spares: pid 18801 38M, pid 18802 38M (starting)": each a real process, as htop would show it. */
    static String spareLine(List<ProcessSample> spares) {
        StringBuilder sb = new StringBuilder(spares.size() == 1 ? "spare: " : "spares: ");
        for (int i = 0; i < spares.size(); i++) {
            ProcessSample p = spares.get(i);
            sb.append(i == 0 ? "" : ", ").append("pid ").append(p.pid()).append(' ').append(Cells.bytes(p.rssBytes()));
            if (ModelHub.SPARE_STARTING.equals(p.role())) {
                sb.append(" (starting)");
            }
        }
        return sb.toString();
    }

    /** The columns' headers on row {@code y}, the sorted one marked. */
    private static void drawHeaders(Canvas c, int y, int x, List<Placed> cols, UiState st, Pane pane) {
        int cx = x + 1;
        for (Placed col : cols) {
            boolean sorted = st.sort.label.equals(col.column().key());
            c.cell(cx, y, header(col.column(), pane, col.width()), sorted ? Theme.Role.TITLE_FOCUS : Theme.Role.COLUMN, col.width(),
                    col.column().right());
            cx += col.width() + 1;
        }
    }

    /** Up to {@code visible} rows from {@code offset}, the first on row {@code y}; {@code selected} is the selected row's index (-1: none shown as such). */
    private static void drawRows(Canvas c, int y, int x, int w, List<Placed> cols, List<WorkerSample> rows, int offset, int visible,
                                 Snapshot s, int selected) {
        for (int i = 0; i < visible && offset + i < rows.size(); i++) {
            int idx = offset + i;
            drawRow(c, y + i, x, w, cols, rows.get(idx), s, idx == selected);
        }
    }

    private static void drawRow(Canvas c, int y, int x, int w, List<Placed> cols, WorkerSample ws, Snapshot s, boolean selected) {
        boolean ended = ws.info().state().ended();
        Theme.Role base = selected ? Theme.Role.SELECTED : ended ? Theme.Role.DIM : Theme.Role.NORMAL;
        if (base != Theme.Role.NORMAL) {
            // the screen starts each frame blank in NORMAL: only another style fills the gaps between cells
            c.fill(x, y, w, base);
        }
        int cx = x + 1;
        for (Placed col : cols) {
            Column k = col.column();
            c.cell(cx, y, k.text().of(ws, s, col.width(), c), k.style().of(ws, base), col.width(), k.right());
            cx += col.width() + 1;
        }
    }

    /** A process another worker started hangs under it, as in htop's tree; a cut name keeps its end. */
    static String name(WorkerInfo i, int width, Canvas c) {
        if (!i.isMember()) {
            return c.fitKeepingEnd(i.name(), width);
        }
        String mark = c.theme.ascii ? "`" : "└";
        return mark + c.fitKeepingEnd(i.name(), Math.max(1, width - 1));
    }
}
