package org.threadlab.ui;

import com.googlecode.lanterna.input.MouseAction;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The mouse on the main screen, as in htop: a click on a row selects it (and focuses its table), a
 * click on a column header sorts by that column (again: reversed), the wheel scrolls the pane under
 * the pointer. What is where comes from the last frame ({@link ClickMap}).
 */
final class Mouse {
    /** Rows the wheel moves per notch, as a terminal scrolls its own text. */
    static final int WHEEL_ROWS = 3;

    private final UiState st;
    private final Navigation nav;
    private final ProcsPane procs;

    Mouse(UiState st, Navigation nav, ProcsPane procs) {
        this.st = st;
        this.nav = nav;
        this.procs = procs;
    }

    Reaction act(MouseAction m) {
        int x = m.getPosition().getColumn();
        int y = m.getPosition().getRow();
        if (st.procs.open) {
            // the view covers the panes: only what it drew can be hit
            return inProcs(m, x, y);
        }
        Optional<ClickMap.Table> table = st.clicks.tableAt(x, y);
        switch (m.getActionType()) {
            case SCROLL_UP, SCROLL_DOWN -> {
                focusUnder(table, x, y);
                return nav.scroll(m.getActionType() == com.googlecode.lanterna.input.MouseActionType.SCROLL_UP ? -WHEEL_ROWS : WHEEL_ROWS);
            }
            case CLICK_DOWN -> {
                // the left button; others (middle, right) are left to what terminals do with them
                return m.getButton() == 1 ? click(table, x, y) : Reaction.NONE;
            }
            default -> {
                return Reaction.NONE;
            }
        }
    }

    private Reaction click(Optional<ClickMap.Table> table, int x, int y) {
        if (table.isEmpty()) {
            if (st.clicks.inEvents(x, y)) {
                st.focus = Pane.EVENTS;
                return Reaction.REDRAW;
            }
            return Reaction.NONE;
        }
        ClickMap.Table t = table.get();
        st.focus = t.pane();
        if (y == t.headerY()) {
            Optional<String> col = t.columnAt(x);
            Optional<SortKey> key = col.flatMap(c -> Arrays.stream(SortKey.values()).filter(k -> k.label.equals(c)).findFirst());
            if (key.isPresent()) {
                return nav.sortBy(key.get());
            }
            if (col.isPresent()) {
                st.status("the tables do not sort by " + col.get() + ": they sort by id, name, cpu, mem, state and age", false);
            }
            return Reaction.REDRAW;
        }
        t.rowAt(y).ifPresent(w -> st.selected.put(t.pane(), w.info().id()));
        return Reaction.REDRAW;
    }

    /**
     * The all-processes view, as htop's list: a click on a row selects its process (a PID, so the
     * selection follows it), on a column header sorts by that column (again: reversed); the wheel
     * moves the selection, the list scrolling with it.
     */
    private Reaction inProcs(MouseAction m, int x, int y) {
        Optional<ClickMap.Procs> drawn = st.clicks.procs();
        switch (m.getActionType()) {
            case SCROLL_UP, SCROLL_DOWN -> {
                return procs.move(m.getActionType() == com.googlecode.lanterna.input.MouseActionType.SCROLL_UP ? -WHEEL_ROWS : WHEEL_ROWS);
            }
            case CLICK_DOWN -> {
                if (m.getButton() != 1 || drawn.isEmpty()) {
                    return Reaction.NONE;
                }
                ClickMap.Procs p = drawn.get();
                if (y == p.headerY()) {
                    return p.columnAt(x).map(procs::sortBy).orElse(Reaction.NONE);
                }
                OptionalInt row = p.rowAt(y);
                return row.isPresent() ? procs.select(p.pids().get(row.getAsInt()), p.top() + row.getAsInt()) : Reaction.NONE;
            }
            default -> {
                return Reaction.NONE;
            }
        }
    }

    /** The wheel scrolls the table or events under the pointer, which gets the focus (as a click would give it). */
    private void focusUnder(Optional<ClickMap.Table> table, int x, int y) {
        if (table.isPresent()) {
            st.focus = table.get().pane();
        } else if (st.clicks.inEvents(x, y)) {
            st.focus = Pane.EVENTS;
        }
    }
}
