package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.model.WorkerSample;

/**
 * What the user looks at and where the cursor is: the snapshot on show (live or frozen), the
 * selection in each table, the focused table, the sort order. Changes only the UI state.
 */
final class Navigation {
    private final UiState st;
    private final SnapshotSource source;
    private final Supplier<TerminalSize> size;
    private final TimelinePane timeline;
    /** The all-processes view: while open, the moving and sorting keys are its own. */
    private ProcsPane procs;

    Navigation(UiState st, SnapshotSource source, Supplier<TerminalSize> size, TimelinePane timeline) {
        this.st = st;
        this.source = source;
        this.size = size;
        this.timeline = timeline;
    }

    /** Set once, by the controller: the view is made with this navigation. */
    void procs(ProcsPane p) {
        this.procs = p;
    }

    /**
     * What is on show: the frozen snapshot, or the newest. A worker started while frozen (keys still
     * act) would have no row and could not be selected, so the frozen display moves on, once, to the
     * first snapshot that has it: still one instant, and the status line says why it moved.
     */
    Snapshot shown() {
        Snapshot live = source.latest();
        if (st.frozen == null) {
            return live;
        }
        if (st.procs.open && st.frozen.table() == null && live.table() != null) {
            // frozen before the view opened: its first list of every process is taken, once, as a worker's row is
            st.frozen = live;
            st.status("display frozen again, later, to show every process (" + freezeKey() + " continues)", false);
            return st.frozen;
        }
        for (WorkerSample w : live.workers()) {
            if (st.frozen.worker(w.info().id()).isEmpty()) {
                st.frozen = live;
                st.status("display frozen again, later, to show " + w.info().name() + " (" + freezeKey() + " continues)", false);
                break;
            }
        }
        return st.frozen;
    }

    /** The selected row of the focused table, as shown. */
    Optional<WorkerSample> selected() {
        return Rows.selected(shown(), st);
    }

    /** Up and Down: one row. */
    Reaction step(Key key) {
        if (st.procs.open) {
            return procs.move(key.type() == KeyType.ArrowUp ? -1 : 1);
        }
        return move(key.type() == KeyType.ArrowUp ? -1 : 1);
    }

    /** The mouse wheel: {@code delta} rows in the focused pane (the lanes of the timeline, the rounds, the events). */
    Reaction scroll(int delta) {
        return move(delta);
    }

    /** Page Up and Page Down: a table's height less one, so one row stays in view. */
    Reaction page(Key key) {
        if (st.procs.open) {
            return procs.page(key);
        }
        TerminalSize s = size.get();
        Layout l = Layout.of(s.getColumns(), s.getRows(), shown().host().cores().size(), st.lesson != null);
        // the events log's rows are its height less its title line
        int page = Math.max(1, (st.timelinePane ? laneRows(l) : st.focus == Pane.EVENTS ? l.events().h() - 1 : l.tableRows()) - 1);
        return move(key.type() == KeyType.PageUp ? -page : page);
    }

    /** Home and End: the first or last row. */
    Reaction ends(Key key) {
        if (st.procs.open) {
            return procs.ends(key);
        }
        return move(key.type() == KeyType.Home ? Integer.MIN_VALUE / 2 : Integer.MAX_VALUE / 2);
    }

    /** Tab: the next pane (threads, processes, events); Shift-Tab the one before. */
    Reaction switchPane(Key key) {
        st.focus = key.type() == KeyType.ReverseTab ? st.focus.previous() : st.focus.next();
        return Reaction.REDRAW;
    }

    Reaction sort() {
        if (st.procs.open) {
            return procs.sort();
        }
        st.sort = st.sort.next();
        st.sortReversed = false;
        st.status("sorted by " + st.sort.label, false);
        return Reaction.REDRAW;
    }

    /** F6's menu and a click on a column header: sorts by {@code key}; by the same one again, reversed (as htop). */
    Reaction sortBy(SortKey key) {
        st.sortReversed = key == st.sort && !st.sortReversed;
        st.sort = key;
        st.status("sorted by " + key.label + (st.sortReversed ? ", reversed" : ""), false);
        return Reaction.REDRAW;
    }

    /** The key that lets a frozen display go: z during a lesson (whose Space goes on), else Space (z too). */
    private String freezeKey() {
        return st.lesson != null ? "z" : "space";
    }

    /** Space: holds the display at one instant (keys still act), the timeline too, or lets it go live again. */
    Reaction freeze() {
        st.frozen = st.frozen == null ? source.latest() : null;
        if (st.frozen == null && st.timelinePane) {
            st.timeline = source.timeline();
        }
        st.status(st.frozen != null ? "display frozen: " + freezeKey() + " continues (keys still act)" : "display live", false);
        return Reaction.REDRAW;
    }

    /** The lane rows the timeline pane shows at this size: what its Up/Down scroll within. */
    private int laneRows(Layout l) {
        return TimelineView.laneRows(l.tables(), st.timeline, st, new Theme(true, false));
    }

    private Reaction move(int delta) {
        if (st.timelinePane) {
            // the pane covers the tables: the arrows scroll its lanes
            TerminalSize s = size.get();
            timeline.scroll(delta, laneRows(Layout.of(s.getColumns(), s.getRows(), shown().host().cores().size(), st.lesson != null)));
            return Reaction.REDRAW;
        }
        if (st.roundsPane) {
            // the pane covers the tables: the arrows are its own
            RoundKeys.move(shown().rounds(), st, delta);
            return Reaction.REDRAW;
        }
        if (st.focus == Pane.EVENTS) {
            EventRows.move(shown().events(), st, delta);
            return Reaction.REDRAW;
        }
        List<WorkerSample> rows = Rows.of(shown(), st, st.focus);
        if (rows.isEmpty()) {
            return Reaction.REDRAW;
        }
        int i = Math.max(0, Rows.selectedIndex(rows, st.selected(st.focus)));
        int next = (int) Math.max(0, Math.min(rows.size() - 1, (long) i + delta));
        st.selected.put(st.focus, rows.get(next).info().id());
        return Reaction.REDRAW;
    }
}
