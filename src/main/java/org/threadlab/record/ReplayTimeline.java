package org.threadlab.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadlab.model.Cell;
import org.threadlab.model.CellState;
import org.threadlab.model.CoreLane;
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

    /** One recorded model: each worker's cell, and how many cores the host had. */
    private record Column(Map<WorkerKey, Cell> cells, Map<WorkerKey, LaneInfo> lanes, int cores, Duration interval) {}

    private final List<Snapshot> models;
    private final List<Instant> times;
    private final Column[] columns;
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

    private static Column column(Snapshot s) {
        Map<WorkerKey, Cell> cells = new LinkedHashMap<>();
        Map<WorkerKey, LaneInfo> lanes = new LinkedHashMap<>();
        for (WorkerSample w : s.workers()) {
            WorkerKey key = new WorkerKey(w.info().id(), w.info().startedAt());
            double cpu = Double.isNaN(w.cpuPercent()) || w.cpuPercent() < 0 ? Double.NaN : w.cpuPercent() / 100.0;
            cells.put(key, new Cell(CellState.of(w), w.core(), cpu));
            lanes.put(key, new LaneInfo("#" + w.info().id() + " " + w.info().name(), w.info().id(), w.info().pid(),
                    w.info().tid() > 0 ? w.info().tid() : 0));
        }
        int cores = s.host() == null ? 0 : s.host().cores().size();
        return new Column(cells, lanes, cores, s.interval());
    }

    /** Lanes for the workers alive in some column of the window, in order of first appearance. */
    private static Timeline build(List<Column> window, long endNanos) {
        Set<WorkerKey> order = new LinkedHashSet<>();
        Map<WorkerKey, LaneInfo> info = new LinkedHashMap<>();
        int cores = 0;
        for (Column c : window) {
            cores = Math.max(cores, c.cores());
            for (Map.Entry<WorkerKey, Cell> e : c.cells().entrySet()) {
                CellState st = e.getValue().state();
                if (st != CellState.NONE && st != CellState.ENDED) {
                    order.add(e.getKey());
                    info.put(e.getKey(), c.lanes().get(e.getKey()));
                }
            }
        }
        List<Lane> lanes = new ArrayList<>();
        int k = 0;
        for (WorkerKey key : order) {
            List<Cell> cells = new ArrayList<>(window.size());
            boolean seen = false;
            for (Column c : window) {
                Cell cell = c.cells().get(key);
                seen |= cell != null;
                // cleared from the list after it was seen: it had ended
                cells.add(cell != null ? cell : seen ? new Cell(CellState.ENDED, -1, Double.NaN) : Cell.NONE);
            }
            LaneInfo li = info.get(key);
            lanes.add(new Lane(k < KEYS.length() ? KEYS.charAt(k) : '+', li.label(), li.workerId(), li.pid(), li.tid(), cells));
            k++;
        }
        List<CoreLane> coreLanes = new ArrayList<>();
        for (int core = 0; core < cores; core++) {
            List<Integer> holders = new ArrayList<>(window.size());
            for (int col = 0; col < window.size(); col++) {
                holders.add(TimelineBook.holder(lanes, col, core));
            }
            coreLanes.add(new CoreLane(core, holders));
        }
        Duration interval = window.get(window.size() - 1).interval();
        return new Timeline(interval, null, endNanos, window.size(), lanes, coreLanes,
                String.format(NOTE, Durations.format(interval).replaceAll("(\\d)([a-z])", "$1 $2")), null);
    }
}
