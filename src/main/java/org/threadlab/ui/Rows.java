package org.threadlab.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.threadlab.model.Attached;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.worker.WorkerKind;

/** The rows of a table as shown: its kind of workers, filtered by name, sorted. */
final class Rows {
    private Rows() {}

    static List<WorkerSample> of(Snapshot s, UiState st, Pane pane) {
        if (pane == Pane.EVENTS) {
            return List.of(); // the events log has events, not workers: EventRows
        }
        return st.rows.of(s, st.sort, st.sortReversed, st.filter, pane);
    }

    /**
     * The rows of the snapshot on show, per table, sorted and filtered once for each snapshot, order
     * and filter: a frame asks for them several times (each table, the detail, the keys), and with
     * 1,000 workers a sort each time was a good part of a frame.
     */
    static final class Memo {
        private Snapshot snapshot;
        private SortKey sort;
        private boolean reversed;
        private String filter;
        private final Map<Pane, List<WorkerSample>> rows = new EnumMap<>(Pane.class);
        /** Each table's fitted columns' widest values over its rows, worked out with them (see {@link #widest}). */
        private final Map<Pane, Map<String, Integer>> widest = new EnumMap<>(Pane.class);

        List<WorkerSample> of(Snapshot s, SortKey sort, boolean reversed, String filter, Pane pane) {
            if (s != snapshot || sort != this.sort || reversed != this.reversed || !filter.equals(this.filter)) {
                snapshot = s;
                this.sort = sort;
                this.reversed = reversed;
                this.filter = filter;
                rows.clear();
                widest.clear();
            }
            return rows.computeIfAbsent(pane, p -> compute(s, sort, reversed, filter, p));
        }

        /**
         * The widest value of each fitted column over the rows last given for {@code pane} (by
         * {@link #of}, for this snapshot, order and filter), measured once: a frame drawn for a key
         * with 10,000 workers then measures nothing off screen; a new model measures again.
         */
        Map<String, Integer> widest(Pane pane, java.util.function.Supplier<Map<String, Integer>> measure) {
            return widest.computeIfAbsent(pane, p -> measure.get());
        }
    }

    private static List<WorkerSample> compute(Snapshot s, SortKey sort, boolean reversed, String filter, Pane pane) {
        String f = filter.toLowerCase(Locale.ROOT);
        List<WorkerSample> out = new ArrayList<>();
        for (WorkerSample w : s.workers()) {
            boolean mine = pane == Pane.PROCESSES ? w.info().kind() == WorkerKind.PROCESS : w.info().kind().inThisJvm();
            if (mine && (f.isEmpty() || w.info().name().toLowerCase(Locale.ROOT).contains(f))) {
                out.add(w);
            }
        }
        out.sort(reversed ? sort.comparator(s.takenAt()).reversed() : sort.comparator(s.takenAt()));
        List<WorkerSample> attached = attached(s, f, pane);
        if (!attached.isEmpty()) {
            // processes threadlab watches but did not start, after its own workers (never among them)
            if (sort != SortKey.ID) {
                // by id they keep the sampler's order (attach order, TIDs ascending): their ids are minus their TIDs
                attached.sort(reversed ? sort.comparator(s.takenAt()).reversed() : sort.comparator(s.takenAt()));
            }
            out = new ArrayList<>(underOwners(out));
            out.addAll(attached);
            return java.util.Collections.unmodifiableList(out);
        }
        // shared by every caller of this frame and model: not to be changed
        return java.util.Collections.unmodifiableList(underOwners(out));
    }

    /** The attached processes' rows of this table ({@link Attached}: the process, or its threads), filtered by name. */
    private static List<WorkerSample> attached(Snapshot s, String f, Pane pane) {
        List<WorkerSample> rows = pane == Pane.PROCESSES ? Attached.processRows(s) : Attached.threadRows(s);
        List<WorkerSample> out = new ArrayList<>(rows.size());
        for (WorkerSample w : rows) {
            if (f.isEmpty() || w.info().name().toLowerCase(Locale.ROOT).contains(f)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Puts the processes a worker started (pool members, a queue's consumer) right under their
     * owner's row, in the order they started, as htop's tree does; one whose owner is not in the
     * list (a thread, in the other table) stays where the sort put it.
     */
    static List<WorkerSample> underOwners(List<WorkerSample> sorted) {
        boolean anyMember = false;
        for (WorkerSample w : sorted) {
            anyMember |= w.info().isMember();
        }
        if (!anyMember) {
            // the usual table (no pool members): no set of every id, 600 KB a model at 10,000 workers
            return sorted;
        }
        java.util.Set<Integer> shown = new java.util.HashSet<>();
        for (WorkerSample w : sorted) {
            shown.add(w.info().id());
        }
        java.util.Map<Integer, List<WorkerSample>> byOwner = new java.util.HashMap<>();
        for (WorkerSample w : sorted) {
            if (w.info().isMember() && shown.contains(w.info().owner())) {
                byOwner.computeIfAbsent(w.info().owner(), k -> new ArrayList<>()).add(w);
            }
        }
        if (byOwner.isEmpty()) {
            return sorted;
        }
        List<WorkerSample> out = new ArrayList<>(sorted.size());
        for (WorkerSample w : sorted) {
            if (w.info().isMember() && shown.contains(w.info().owner())) {
                continue;
            }
            out.add(w);
            List<WorkerSample> members = byOwner.get(w.info().id());
            if (members != null) {
                members.sort(java.util.Comparator.comparingInt(m -> m.info().id()));
                out.addAll(members);
            }
        }
        return out;
    }

    /** Index of the selected worker in the rows; the first row when the selection is gone. */
    static int selectedIndex(List<WorkerSample> rows, int selectedId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).info().id() == selectedId) {
                return i;
            }
        }
        return rows.isEmpty() ? -1 : 0;
    }

    static Optional<WorkerSample> selected(Snapshot s, UiState st) {
        List<WorkerSample> rows = of(s, st, st.focus);
        int i = selectedIndex(rows, st.selected(st.focus));
        return i < 0 ? Optional.empty() : Optional.of(rows.get(i));
    }
}
