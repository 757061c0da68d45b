package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;

/**
 * The all-processes view's commands: {@code a} opens and closes it (keys -> commands -> source: the
 * sampler reads every process only while it is open), the arrows and page keys move a selection that
 * follows its PID, {@code s} and {@code I} sort, {@code /} filters, F3 and {@code n} search (htop's:
 * the next match is selected, nothing hidden), F5 makes it a tree, Esc closes it.
 */
final class ProcsPane {
    private final UiState st;
    private final SnapshotSource source;
    private final Navigation nav;
    private final TimelinePane timeline;
    private final Supplier<TerminalSize> size;

    ProcsPane(UiState st, SnapshotSource source, Navigation nav, TimelinePane timeline, Supplier<TerminalSize> size) {
        this.st = st;
        this.source = source;
        this.nav = nav;
        this.timeline = timeline;
        this.size = size;
        nav.procs(this);
    }

    boolean open() {
        return st.procs.open;
    }

    /** a: the view on or off. */
    Reaction toggle() {
        if (st.procs.open) {
            return close();
        }
        st.procs.open = true;
        // the timeline pane is under the view, unseen: it stops reading every few milliseconds
        timeline.close();
        source.showProcesses(true);
        st.status("all processes: s sort, I reverse, / filter, F3 search, F5 tree, a or Esc closes", false);
        return Reaction.REDRAW;
    }

    /** Esc or a: closes the view; the sampler stops reading every process. */
    Reaction close() {
        st.procs.open = false;
        st.procs.typing = ProcsState.Typing.NONE;
        source.showProcesses(false);
        st.status("", false);
        return Reaction.REDRAW;
    }

    /** Esc in the view: clears the search, then the filter, then closes it (htop's order, its view last). */
    Reaction escape() {
        if (!st.procs.search.isEmpty()) {
            st.procs.search = "";
            st.status("search cleared", false);
            return Reaction.REDRAW;
        }
        return close();
    }

    /** The rows as shown now (the tree's glyphs do not change the order). */
    private List<ProcRows.Line> lines() {
        Snapshot s = nav.shown();
        return st.procs.lines(s.table(), s.selfPid(), false);
    }

    /** The selected process's PID (what Enter watches), if any row is on show. */
    OptionalLong selectedPid() {
        List<ProcRows.Line> lines = lines();
        int i = st.procs.selected(lines);
        return i < 0 ? OptionalLong.empty() : OptionalLong.of(lines.get(i).row().pid());
    }

    /** Up/Down, Page Up/Down, Home/End: moves the selection by {@code delta} rows. */
    Reaction move(int delta) {
        List<ProcRows.Line> lines = lines();
        int i = Math.max(0, st.procs.selected(lines));
        st.procs.select(lines, (int) Math.max(0, Math.min(lines.size() - 1L, (long) i + delta)));
        return Reaction.REDRAW;
    }

    /** Rows of processes on show at this size: what a page is. */
    int pageRows() {
        TerminalSize s = size.get();
        Layout l = Layout.of(s.getColumns(), s.getRows(), nav.shown().host().cores().size(), st.lesson != null);
        return ProcsView.rows(l.procs());
    }

    Reaction page(Key key) {
        int page = Math.max(1, pageRows() - 1);
        return move(key.type() == KeyType.PageUp ? -page : page);
    }

    Reaction ends(Key key) {
        return move(key.type() == KeyType.Home ? Integer.MIN_VALUE / 2 : Integer.MAX_VALUE / 2);
    }

    /** s: the next column; the selection stays on its process. */
    Reaction sort() {
        st.procs.sort = st.procs.sort.next();
        st.status("processes sorted by " + st.procs.sort.header + (st.procs.reversed ? ", reversed" : ""), false);
        return Reaction.REDRAW;
    }

    /** I: the order reversed, as htop's I. */
    Reaction reverse() {
        st.procs.reversed = !st.procs.reversed;
        st.status("processes sorted by " + st.procs.sort.header + (st.procs.reversed ? ", reversed" : ""), false);
        return Reaction.REDRAW;
    }

    /** A click on a row: selects the process drawn there, row {@code index} of the list (by PID: it follows its process). */
    Reaction select(long pid, int index) {
        st.procs.selectedPid = pid;
        st.procs.selectedIndex = index;
        return Reaction.REDRAW;
    }

    /** A click on a column header: sorts by that column; the one sorted by now again: reversed (as htop). */
    Reaction sortBy(ProcColumn column) {
        st.procs.reversed = column == st.procs.sort && !st.procs.reversed;
        st.procs.sort = column;
        st.status("processes sorted by " + column.header + (st.procs.reversed ? ", reversed" : ""), false);
        return Reaction.REDRAW;
    }

    /** F5: the tree on or off (children under their parent by PPID, sorted among their siblings). */
    Reaction tree() {
        st.procs.tree = !st.procs.tree;
        st.status(st.procs.tree ? "tree: each process under its parent; F5 flat again" : "flat list", false);
        return Reaction.REDRAW;
    }

    /** /: types the filter (rows that do not match go; in the tree their ancestors stay). */
    Reaction editFilter() {
        st.procs.typing = ProcsState.Typing.FILTER;
        return Reaction.REDRAW;
    }

    /** F3 and n: types a search (the first time), else selects the next match. */
    Reaction search(Key key) {
        if (st.procs.search.isEmpty() || key.type() == KeyType.F3 && st.procs.typing == ProcsState.Typing.SEARCH) {
            st.procs.typing = ProcsState.Typing.SEARCH;
            return Reaction.REDRAW;
        }
        return nextMatch(1, false);
    }

    /** Selects the next (step 1) or previous (-1) row the search matches; {@code here} counts the selected one. */
    Reaction nextMatch(int step, boolean here) {
        List<ProcRows.Line> lines = lines();
        int from = Math.max(0, st.procs.selected(lines));
        int i = here && from < lines.size() && ProcRows.matches(lines.get(from).row(), st.procs.search) ? from
                : ProcRows.next(lines, st.procs.search, from, step);
        if (i < 0) {
            st.status("no process matches '" + st.procs.search + "'", true);
        } else {
            st.procs.select(lines, i);
            st.status("search '" + st.procs.search + "': n next match, Esc clears", false);
        }
        return Reaction.REDRAW;
    }

    /**
     * Enter: watches the selected process ({@code attach}: the attach command's, which refuses threadlab
     * itself, its workers and spares, and a process gone since). Once watched, the view closes onto the
     * panes, where its threads now are; a refusal leaves the view open with the reason.
     */
    Reaction enter(java.util.function.LongFunction<Reaction> attach) {
        OptionalLong pid = selectedPid();
        if (pid.isEmpty()) {
            st.status("no process selected", false);
            return Reaction.REDRAW;
        }
        Reaction r = attach.apply(pid.getAsLong());
        if (r == Reaction.REBUILD) {
            String said = st.status;
            close();
            st.status(said, false);
        }
        return r;
    }

    /** Opens the signal menu on a process: {@link Commands#openSignalMenu(long, String, boolean)}. */
    @FunctionalInterface
    interface SignalMenuOpener {
        Reaction open(long pid, String name, boolean startedByThreadlab);
    }

    /**
     * k, K or F9 in the view: the signal menu on the selected process. Those under threadlab (its
     * workers, spares) keep a worker's ways; any other is signalled only after the user says y.
     */
    Reaction signal(SignalMenuOpener menu) {
        List<ProcRows.Line> lines = lines();
        int i = st.procs.selected(lines);
        if (i < 0) {
            st.status("no process selected", false);
            return Reaction.REDRAW;
        }
        ProcRows.Line line = lines.get(i);
        if (line.row().pid() == nav.shown().selfPid()) {
            st.status("pid " + line.row().pid() + " is threadlab itself: q quits it", true);
            return Reaction.REDRAW;
        }
        String name = line.row().command() == null ? "" : line.row().command();
        return menu.open(line.row().pid(), name, line.own());
    }
}
