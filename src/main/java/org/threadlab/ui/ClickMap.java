package org.threadlab.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.threadlab.model.WorkerSample;

/**
 * Where the last frame put what a click can hit: each table's header columns and rows, and the
 * events pane. The renderer notes it as it draws (no second layout to drift from the first), so a
 * click acts on what the user saw; a table the frame did not draw (under the timeline) is not there.
 */
final class ClickMap {
    /**
     * A table as drawn: its columns from {@code x + 1}, each followed by one space; its rows from
     * {@code headerY + 1}, the first being {@code rows.get(offset)}, at most {@code visible} of them.
     */
    record Table(Pane pane, int x, int width, int titleY, int headerY, List<WorkerTableView.Placed> columns,
                 List<WorkerSample> rows, int offset, int visible) {
        boolean contains(int cx, int cy) {
            return cx >= x && cx < x + width && cy >= titleY && cy <= headerY + visible;
        }

        /** The key of the column drawn at {@code cx} (its header), if any. */
        Optional<String> columnAt(int cx) {
            int left = x + 1;
            for (WorkerTableView.Placed p : columns) {
                if (cx >= left && cx < left + p.width()) {
                    return Optional.of(p.column().key());
                }
                left += p.width() + 1;
            }
            return Optional.empty();
        }

        /** The row drawn on line {@code cy}, if one is. */
        Optional<WorkerSample> rowAt(int cy) {
            int i = offset + cy - headerY - 1;
            return cy > headerY && cy <= headerY + visible && i < rows.size() ? Optional.of(rows.get(i)) : Optional.empty();
        }
    }

    /** One column of the all-processes view as drawn: its header from {@code left}, {@code width} cells. */
    record Span(ProcColumn column, int left, int width) {}

    /**
     * The all-processes view as drawn: its column headers on line {@code headerY}, its rows' PIDs from
     * line {@code headerY + 1}, the first being row {@code top} of the list.
     */
    record Procs(int headerY, List<Span> columns, List<Long> pids, int top) {
        /** The column whose header is drawn at {@code cx}, if any (not the mark column nor the gaps). */
        Optional<ProcColumn> columnAt(int cx) {
            return columns.stream().filter(s -> cx >= s.left() && cx < s.left() + s.width()).map(Span::column).findFirst();
        }

        /** The row drawn on line {@code cy} (its index in the list), if one is. */
        OptionalInt rowAt(int cy) {
            int i = cy - headerY - 1;
            return i >= 0 && i < pids.size() ? OptionalInt.of(i) : OptionalInt.empty();
        }
    }

    private final Map<Pane, Table> tables = new EnumMap<>(Pane.class);
    /** The events pane as drawn, or null. */
    private Layout.Rect events;
    /** The all-processes view as drawn, or null. */
    private Procs procs;

    /** At the start of each frame: what it does not draw cannot be clicked. */
    void clear() {
        tables.clear();
        events = null;
        procs = null;
    }

    void procs(Procs p) {
        procs = p;
    }

    /** The all-processes view, if the last frame drew it. */
    Optional<Procs> procs() {
        return Optional.ofNullable(procs);
    }

    void table(Table t) {
        tables.put(t.pane(), t);
    }

    void events(Layout.Rect r) {
        events = r;
    }

    Optional<Table> tableAt(int x, int y) {
        return tables.values().stream().filter(t -> t.contains(x, y)).findFirst();
    }

    boolean inEvents(int x, int y) {
        return events != null && x >= events.x() && x < events.x() + events.w() && y >= events.y() && y < events.y() + events.h();
    }
}
