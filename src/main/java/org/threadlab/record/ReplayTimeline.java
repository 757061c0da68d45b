package org.threadlab.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threadlab.model.Cell;
import org.threadlab.model.CellState;
import org.threadlab.model.Lane;
import org.threadlab.model.Snapshot;
import org.threadlab.model.Timeline;
import org.threadlab.model.TimelineBook;
import org.threadlab.model.WorkerSample;
import org.threadlab.text.Durations;

/**
 * A replay's timeline: one column per recorded model (the refresh interval, not fine time, which a
 * recording does not keep), each worker's cell as {@link CellState#of} classifies its recorded sample,
 * its core as recorded. Columns are made once per model and kept (a model is decoded in about a
 * millisecond: a window of them is made once, then each step adds one).
 */
final class ReplayTimeline {
    /** What the note says: a replay is as fine as its recording. */
    static final String NOTE = "recorded at %s per column: a replay shows the refresh interval, not fine time";
    private static final String KEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** A worker in a recording is its id and its start (compare's runs reuse ids). */
    private record WorkerKey(int id, Instant startedAt) {}

    /** One lane's identity and what it is called. */
    private record LaneInfo(String label, int workerId, long pid, long tid) {}

    /**
     * One recorded model: its workers (as indexes into {@code keys}) with their cells, and how many
     * cores the host had.
     */
    private record Column(int[] workers, Cell[] cells, int cores, Duration interval) {}

    private final List<Snapshot> models;
    private final List<Instant> times;
    private final Column[] columns;
    /** Every worker met so far, numbered in order of meeting: columns refer to them by number. */
    private final Map<WorkerKey, Integer> index = new HashMap<>();
    private final List<LaneInfo> keys = new ArrayList<>();
    private int builtFor = -1;
    private Timeline built = Timeline.EMPTY;

    ReplayTimeline(List<Snapshot> models, List<Instant> times) {
        this.models = models;
        this.times = times;
        this.columns = new Column[models.size()];
    }

    /** The timeline whose newest column is model {@code index}: at most {@link TimelineBook#SLICES} columns. */
    synchronized Timeline at(int index) {
        if (index == builtFor) {
            return built;
        }
        int from = Math.max(0, index - TimelineBook.SLICES + 1);
        List<Column> window = new ArrayList<>(index - from + 1);
        for (int i = from; i <= index; i++) {
            if (columns[i] == null) {
                columns[i] = column(models.get(i)); // in order: the lazy models decode forward cheaply
            }
            window.add(columns[i]);
        }
        built = build(window, Duration.between(times.get(0), times.get(index)).toNanos());
        builtFor = index;
        return built;
    }

    private Column column(Snapshot s) {
        int n = s.workers().size();
        int[] workers = new int[n];
        Cell[] cells = new Cell[n];
        for (int i = 0; i < n; i++) {
            WorkerSample w = s.workers().get(i);
            WorkerKey key = new WorkerKey(w.info().id(), w.info().startedAt());
            Integer k = index.get(key);
            if (k == null) {
                k = keys.size();
                index.put(key, k);
                keys.add(new LaneInfo("#" + w.info().id() + " " + w.info().name(), w.info().id(), w.info().pid(),
                        w.info().tid() > 0 ? w.info().tid() : 0));
            }
            double cpu = Double.isNaN(w.cpuPercent()) || w.cpuPercent() < 0 ? Double.NaN : w.cpuPercent() / 100.0;
            workers[i] = k;
            cells[i] = new Cell(CellState.of(w, s.gil() != null && s.gil().enabled()), w.core(), cpu);
        }
        int cores = s.host() == null ? 0 : s.host().cores().size();
        return new Column(workers, cells, cores, s.interval());
    }

    /**
     * Lanes for the workers alive in some column of the window, in order of first appearance; a worker
     * missing from a column after it was seen had ended and been cleared. One pass over the cells.
     */
    private Timeline build(List<Column> window, long endNanos) {
        int[] lane = new int[keys.size()];
        Arrays.fill(lane, -1);
        List<Integer> order = new ArrayList<>();
        int cores = 0;
        for (Column c : window) {
            cores = Math.max(cores, c.cores());
            for (int i = 0; i < c.workers().length; i++) {
                CellState st = c.cells()[i].state();
                int w = c.workers()[i];
                if (lane[w] < 0 && st != CellState.NONE && st != CellState.ENDED) {
                    lane[w] = order.size();
                    order.add(w);
                }
            }
        }
        int n = window.size();
        Cell[][] cells = new Cell[order.size()][n];
        for (int col = 0; col < n; col++) {
            Column c = window.get(col);
            for (int i = 0; i < c.workers().length; i++) {
                int l = lane[c.workers()[i]];
                if (l >= 0) {
                    cells[l][col] = c.cells()[i];
                }
            }
        }
        Cell ended = new Cell(CellState.ENDED, -1, Double.NaN);
        List<Lane> lanes = new ArrayList<>(order.size());
        for (int l = 0; l < order.size(); l++) {
            boolean seen = false;
            for (int col = 0; col < n; col++) {
                seen |= cells[l][col] != null;
                if (cells[l][col] == null) {
                    cells[l][col] = seen ? ended : Cell.NONE;
                }
            }
            LaneInfo li = keys.get(order.get(l));
            lanes.add(new Lane(l < KEYS.length() ? KEYS.charAt(l) : '+', li.label(), li.workerId(), li.pid(), li.tid(),
                    Arrays.asList(cells[l])));
        }
        Duration interval = window.get(n - 1).interval();
        return new Timeline(interval, null, endNanos, n, lanes, TimelineBook.coreRows(lanes, n, cores),
                String.format(NOTE, Durations.format(interval).replaceAll("(\\d)([a-z])", "$1 $2")), null);
    }
}
