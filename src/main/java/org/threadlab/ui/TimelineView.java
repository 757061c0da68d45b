package org.threadlab.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.threadlab.model.Cell;
import org.threadlab.model.CellState;
import org.threadlab.model.CoreLane;
import org.threadlab.model.Lane;
import org.threadlab.model.Timeline;
import org.threadlab.text.Durations;

/**
 * The timeline pane, over the tables: one row per lane (a worker, or a thread of a watched program)
 * with a cell per slice, newest at the right, as many as the width holds; one row per core with the
 * key of the lane that held it; the timeline's own note on how far its figures can be trusted; and a
 * legend. A running cell shows its core (0-9, then a-z), every other state a character of its own, so
 * it reads with no colour at all.
 */
final class TimelineView {
    /**
     * Lane rows kept (or all there are) before the core rows take the rest: the lanes are the sight (the
     * GIL lesson's four threads at 80x24 beside the narration), the cores' rows mostly repeat them.
     */
    private static final int MIN_LANES = 4;
    /** Lane and core rows the legend makes room for before it takes more than one row. */
    private static final int WANT_LANES = 4;
    private static final int WANT_CORES = 4;

    /** The axis's steps: the first at least 12 columns long is used. */
    private static final List<Duration> AXIS_STEPS = java.util.stream.Stream.of(50L, 100L, 200L, 500L, 1000L, 2000L, 5000L, 10_000L,
            20_000L, 30_000L, 60_000L, 120_000L, 300_000L, 600_000L).map(Duration::ofMillis).toList();

    private TimelineView() {}

    /** What goes where in a pane of this size for this timeline: rows per part, label width, columns of cells. */
    record Plan(List<String> note, int laneRows, List<Integer> cores, List<String> legend, int labelW, int cols, int top, boolean axis,
                List<Integer> order) {}

    static Plan plan(Layout.Rect r, Timeline t, UiState st, Theme theme) {
        int w = r.w() - 2;
        int longest = 0;
        for (Lane l : t.lanes()) {
            longest = Math.max(longest, l.label().length());
        }
        // a label as long as the longest, within a third of the width: the cells are what the pane is for
        int labelW = Math.max(6, Math.min(longest, Math.min(24, w / 3)));
        int cols = Math.max(1, w - labelW - 3);
        List<String> noteLines = t.note() == null || t.note().isEmpty() ? List.of() : Canvas.wrapLines(t.note(), w);
        int avail = Math.max(0, r.h() - 1 - Math.min(1, noteLines.size()) - (t.error() == null ? 0 : 1));
        List<String> legend = legendLines(legend(t, theme, Math.min(cols, t.slices())), w);
        int lanes = t.lanes().size();
        int cores = t.cores().size();
        // the legend gives way, down to one row (the states on show come first in it), to a few lanes and cores
        int want = Math.min(lanes, WANT_LANES) + Math.min(cores, WANT_CORES);
        // the note (how far the figures can be trusted) takes a second row where that leaves the rest their rows
        int noteRows = Math.min(noteLines.size(), avail - want - 1 >= 1 ? 2 : 1);
        avail -= Math.max(0, noteRows - 1);
        List<String> note = new ArrayList<>(noteLines.subList(0, noteRows));
        if (noteRows < noteLines.size()) {
            // the rest of it, cut with an ellipsis
            note.set(noteRows - 1, note.get(noteRows - 1) + " " + String.join(" ", noteLines.subList(noteRows, noteLines.size())));
        }
        int legendRows = Math.max(Math.min(1, avail), Math.min(legend.size(), avail - want));
        if (lanes + cores > avail - legendRows) {
            // rows are short for the lanes (fifty sleepers at 80x24): the legend keeps only the rows that
            // explain what is on show, the states not on show give their rows to lanes that were hidden
            legendRows = Math.max(Math.min(1, avail), Math.min(legendRows, onShowRows(t, theme, Math.min(cols, t.slices()), w)));
        }
        int body = Math.max(0, avail - legendRows);
        int laneRows = Math.min(lanes, Math.max(Math.min(lanes, MIN_LANES), body - cores));
        laneRows = Math.min(laneRows, body);
        int coreRows = Math.min(cores, body - laneRows);
        laneRows = Math.min(lanes, body - coreRows);
        int top = Math.max(0, Math.min(st.timelineTop, lanes - laneRows));
        List<Integer> shownCores = shownCores(t, coreRows, cols);
        // a time axis under the rows where one is free: how long ago each column was
        boolean axis = lanes > 0 && t.slices() > 0 && body - laneRows - shownCores.size() >= 1;
        return new Plan(note, laneRows, shownCores, legend.subList(0, Math.min(legend.size(), legendRows)),
                labelW, cols, top, axis, order(t, laneRows < lanes ? Math.min(cols, t.slices()) : 0));
    }

    /** How many lane rows this pane shows: what Up/Down scroll by. */
    static int laneRows(Layout.Rect r, Timeline t, UiState st, Theme theme) {
        return plan(r, t, st, theme).laneRows();
    }

    static void draw(Canvas c, Layout.Rect r, Timeline t, UiState st) {
        for (int y = r.y(); y < r.y() + r.h(); y++) {
            c.fill(r.x(), y, r.w(), Theme.Role.NORMAL);
        }
        Plan p = plan(r, t, st, c.theme);
        int shown = Math.min(p.cols(), t.slices());
        c.rule(r.x(), r.y(), r.w(), title(t, p, shown, r.w() - 4), Theme.Role.TITLE_FOCUS, -1, c.theme.teeUp);
        int x = r.x() + 1;
        int w = r.w() - 2;
        int y = r.y() + 1;
        for (String line : p.note()) {
            c.text(x, y++, c.fit(line, w), Theme.Role.DIM, w);
        }
        if (t.error() != null) {
            c.text(x, y++, c.fit(t.error(), w), Theme.Role.ERROR, w);
        }
        if (t.lanes().isEmpty() && t.error() == null) {
            int free = r.y() + r.h() - y - p.legend().size();
            // (a timeline that stopped, or never started, says why on the line above instead)
            y += c.wrap(x, y, w, Math.max(0, free), t.slices() == 0
                    ? "Waiting for the first slices. Each worker (and each thread of a watched program) gets a row here,"
                    + " a column per slice, newest at the right."
                    : st.replay != null
                    // a replay cannot start workers: the keys below would only puzzle
                    ? "No workers at this point of the recording: each gets a row here once it starts, a column per recorded sample."
                    : "No threads to follow: start workers (4t, p) and each gets a row here, a column per slice.", Theme.Role.DIM);
        }
        int cellX = x + p.labelW() + 3;
        int pad = p.cols() - shown;
        for (int i = 0; i < p.laneRows(); i++) {
            Lane lane = t.lanes().get(p.order().get(p.top() + i));
            c.text(x, y, String.valueOf(lane.key()), Theme.Role.KEY, 1);
            c.cell(x + 2, y, lane.label(), Theme.Role.NORMAL, p.labelW(), false);
            List<Cell> cells = lane.cells();
            // a lane shorter than the timeline (it should not be) is drawn blank on its old side, not refused
            for (int j = Math.max(0, shown - cells.size()); j < shown; j++) {
                Cell cell = cells.get(cells.size() - shown + j);
                char ch = cell.state() == CellState.RUNNING ? Theme.core(cell.core()) : c.theme.cell(cell.state());
                c.text(cellX + pad + j, y, String.valueOf(ch), Theme.cellRole(cell), 1);
            }
            y++;
        }
        for (int core : p.cores()) {
            CoreLane row = t.cores().get(core);
            c.cell(x, y, "cpu" + row.core(), Theme.Role.COLUMN, p.labelW() + 2, true);
            List<Integer> holders = row.holders();
            Theme.Role role = Theme.coreRole(row.core());
            for (int j = Math.max(0, shown - holders.size()); j < shown; j++) {
                int h = holders.get(holders.size() - shown + j);
                if (h >= 0 && h < t.lanes().size()) {
                    c.text(cellX + pad + j, y, String.valueOf(t.lanes().get(h).key()), role, 1);
                }
            }
            y++;
        }
        if (p.axis()) {
            c.cell(x, y, "ago", Theme.Role.DIM, p.labelW() + 2, true);
            c.text(cellX, y, axis(t.slice(), p.cols(), shown), Theme.Role.DIM, p.cols());
            y++;
        }
        // the legend right under the rows (a blank row between where there is room), not at the pane's foot
        int ly = Math.min(r.y() + r.h() - p.legend().size(), y + 1);
        for (int i = 0; i < p.legend().size(); i++) {
            c.text(x, ly + i, p.legend().get(i), Theme.Role.DIM, w);
        }
    }

    /**
     * The lanes in the order shown: the timeline's, but where they do not all fit, lanes with nothing to
     * see in the last {@code shown} slices (ended, or not followed, all along) go last, so an ended
     * baseline thread does not take the row of a thread at work.
     */
    static List<Integer> order(Timeline t, int shown) {
        List<Integer> live = new ArrayList<>();
        List<Integer> idle = new ArrayList<>();
        for (int i = 0; i < t.lanes().size(); i++) {
            List<Cell> cells = t.lanes().get(i).cells();
            boolean quiet = shown > 0;
            for (int j = Math.max(0, cells.size() - shown); j < cells.size() && quiet; j++) {
                CellState st = cells.get(j).state();
                quiet = st == CellState.ENDED || st == CellState.NONE;
            }
            (quiet ? idle : live).add(i);
        }
        live.addAll(idle);
        return live;
    }

    /**
     * The rule's title: what a column is and how much time is on show, which lanes when they do not all
     * fit, which cores when some are left out, then the keys; whole parts are left out from the end when
     * the width runs short.
     */
    static String title(Timeline t, Plan p, int shown, int room) {
        List<String> parts = new ArrayList<>();
        parts.add("> Timeline");
        parts.add(Durations.format(t.slice()) + " a column" + (shown > 0 ? ", last " + Durations.format(t.slice().multipliedBy(shown)) : ""));
        if (p.laneRows() < t.lanes().size()) {
            parts.add("lanes " + (p.top() + 1) + "-" + (p.top() + p.laneRows()) + " of " + t.lanes().size());
        }
        if (p.cores().isEmpty() && !t.cores().isEmpty()) {
            // "0 of 2 cores" read as none of them busy, in the GIL lesson of all places
            parts.add("no room for the cores");
        } else if (p.cores().size() < t.cores().size()) {
            parts.add(p.cores().size() + " of " + t.cores().size() + " cores");
        }
        parts.add("[ ] zoom");
        parts.add("T or Esc close");
        StringBuilder sb = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            if (sb.length() + 2 + parts.get(i).length() > room) {
                break;
            }
            sb.append("  ").append(parts.get(i));
        }
        return sb.toString();
    }

    /**
     * The time axis under the cells, {@code cols} wide, the newest column at the right: "now" ends there,
     * and "-1s", "-2s"... end at the column that long ago, as far apart as a 1-2-5 step keeps them 12
     * columns or more.
     */
    static String axis(Duration slice, int cols, int shown) {
        char[] row = " ".repeat(cols).toCharArray();
        long sliceNanos = Math.max(1, slice.toNanos());
        long step = AXIS_STEPS.get(AXIS_STEPS.size() - 1).toNanos();
        for (Duration d : AXIS_STEPS) {
            if (d.toNanos() / sliceNanos >= 12) {
                step = d.toNanos();
                break;
            }
        }
        put(row, cols - 1, "now");
        for (long k = 1; ; k++) {
            long cells = k * step / sliceNanos;
            if (cells >= shown) {
                break;
            }
            int end = cols - 1 - (int) cells;
            if (end < 4) {
                break;
            }
            put(row, end, "-" + Durations.format(Duration.ofNanos(k * step)));
        }
        return new String(row);
    }

    /** Writes {@code s} so that it ends at {@code end}, where the columns it needs (and one before) are free. */
    private static void put(char[] row, int end, String s) {
        int start = end - s.length() + 1;
        if (start < 0) {
            return;
        }
        for (int i = Math.max(0, start - 1); i <= end; i++) {
            if (row[i] != ' ') {
                return;
            }
        }
        for (int i = 0; i < s.length(); i++) {
            row[start + i] = s.charAt(i);
        }
    }

    /**
     * The cores to show in {@code rows} rows: all when they fit, else the ones the lanes held most in
     * the columns on show (a 64-core machine's idle cores say nothing), in core order.
     */
    private static List<Integer> shownCores(Timeline t, int rows, int cols) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < t.cores().size(); i++) {
            all.add(i);
        }
        if (rows >= all.size()) {
            return all;
        }
        int shown = Math.min(cols, t.slices());
        List<Integer> busiest = new ArrayList<>(all);
        busiest.sort(Comparator.comparingInt((Integer i) -> -held(t.cores().get(i), shown)).thenComparingInt(i -> i));
        // only cores some lane held: the count in the title says how many are left out
        List<Integer> out = new ArrayList<>(busiest.subList(0, Math.max(0, rows)).stream()
                .filter(i -> held(t.cores().get(i), shown) > 0).toList());
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static int held(CoreLane c, int last) {
        int n = 0;
        List<Integer> h = c.holders();
        for (int j = Math.max(0, h.size() - last); j < h.size(); j++) {
            n += h.get(j) >= 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * The legend's items: every state's character and words, those on show first, so that a legend
     * cut to one row (a lesson at 80x24) still explains what the class is looking at.
     */
    static List<String> legend(Timeline t, Theme theme, int shown) {
        java.util.EnumSet<CellState> present = present(t, shown);
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int cores = t.cores().size();
        // the machine's cores, once known (before the first slices: the digits)
        String digits = cores > 10 ? "0-9,a-" + Theme.core(Math.min(35, cores - 1)) : cores > 1 ? "0-" + (cores - 1) : cores == 1 ? "0" : "0-9";
        for (CellState s : CellState.values()) {
            String item = switch (s) {
                case RUNNING -> digits + " running on that core";
                case NONE -> "blank: " + s.words();
                default -> theme.cell(s) + " " + s.words();
            };
            (present.contains(s) ? first : rest).add(item);
            if (s == CellState.RUNNING && unknownCoreOnShow(t, shown)) {
                // a replay's samples often have no core: '*' is no digit of the line before
                first.add(Theme.core(-1) + " running, core unknown");
            }
        }
        first.addAll(rest);
        return first;
    }

    /** How many of the legend's {@code w}-column rows it takes to explain the states on show (at least one). */
    static int onShowRows(Timeline t, Theme theme, int shown, int w) {
        List<String> items = legend(t, theme, shown);
        int onShow = present(t, shown).size();
        return Math.max(1, legendLines(items.subList(0, Math.min(onShow, items.size())), w).size());
    }

    /** Whether a running cell among the last {@code shown} of any lane is drawn '*' (its core unknown, or 36 and up). */
    private static boolean unknownCoreOnShow(Timeline t, int shown) {
        for (Lane l : t.lanes()) {
            List<Cell> cells = l.cells();
            for (int j = Math.max(0, cells.size() - shown); j < cells.size(); j++) {
                Cell c = cells.get(j);
                if (c.state() == CellState.RUNNING && Theme.core(c.core()) == Theme.core(-1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The states in the last {@code shown} cells of any lane. */
    private static java.util.EnumSet<CellState> present(Timeline t, int shown) {
        java.util.EnumSet<CellState> present = java.util.EnumSet.noneOf(CellState.class);
        for (Lane l : t.lanes()) {
            List<Cell> cells = l.cells();
            for (int j = Math.max(0, cells.size() - shown); j < cells.size(); j++) {
                present.add(cells.get(j).state());
            }
        }
        return present;
    }

    /** The items flowed into lines of {@code w} columns, two spaces apart. */
    static List<String> legendLines(List<String> items, int w) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String item : items) {
            if (line.length() > 0 && line.length() + 2 + item.length() > w) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? "  " : "").append(item);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
