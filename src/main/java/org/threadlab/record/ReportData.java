package org.threadlab.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threadlab.model.CellState;
import org.threadlab.model.Round;
import org.threadlab.model.RoundLine;
import org.threadlab.model.ModelHub;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.worker.Event;
import org.threadlab.worker.WorkerInfo;

/**
 * What the report draws, taken from a recording: every series is indexed by model, and every time is in
 * seconds from the first model (the x axis of every chart). Unknown values are NaN (null in the page).
 *
 * @param name     what the report calls the recording (its file name)
 * @param first    when the first model was taken (time 0)
 * @param times    each model's time, seconds from {@code first}
 * @param cores    one series per core, in core order
 * @param memory   threadlab's own RSS, its child processes' summed, attached processes' (when there were any)
 * @param memTotal the machine's memory, bytes (-1 unknown)
 * @param lanes    one per worker, in the order they first appeared
 * @param rounds   every round as last recorded, in the order they were asked for
 * @param events   every event the recording holds, oldest first
 */
public record ReportData(Header header, String name, Instant first, Duration duration, double[] times,
                         List<CoreSeries> cores, List<MemorySeries> memory, long memTotal, List<LaneRow> lanes,
                         List<RoundRow> rounds, List<EventMark> events, List<String> notes) {

    /**
     * One core's utilisation, percent of the interval before each model; NaN at a model that read no host
     * figures of its own (one published at an event repeats the last tick's), so a line joins real readings only.
     */
    public record CoreSeries(int core, double[] percent) {}

    /** Bytes held at each model; NaN where unknown or repeated from the model before (as for the cores). */
    public record MemorySeries(String label, double[] bytes) {}

    /**
     * One worker's lane: its state over the interval before each model ({@link CellState#NONE} where the
     * model does not have it).
     *
     * @param key   its id and its start: compare's runs number their workers from 1 again
     * @param cores the core it ran on at each model, -1 where not known
     * @param start when it started, seconds from the first model (NaN unknown)
     * @param end   when it ended (NaN while it ran)
     * @param what  its workload in full, as {@code run} takes it ("exec cmd=python3 demos/busy_threads.py 30")
     */
    public record LaneRow(String key, int worker, String label, int round, CellState[] states, int[] cores, double start,
                          double end, String what) {}

    /**
     * A round as the last model that had it said.
     *
     * @param start      when it was asked for, seconds from the first model
     * @param end        when its last worker ended; NaN while it ran (the recording stopped first)
     * @param comparison its speed-up as the screen says it ("" without a baseline)
     */
    public record RoundRow(int id, String label, double start, double end, long wallNanos, long cpuNanos, double coresBusy, int hostCores,
                           int finished, int failed, int stopped, long peakMemory, String comparison, String verdict) {}

    /** An event on the time axis. */
    public record EventMark(double at, String type, int worker, String text) {}

    /** The report's data for a recording; a recording without models has no report (the caller refuses it). */
    public static ReportData of(Recording r, String name) {
        List<Snapshot> models = r.models();
        int n = models.size();
        if (n == 0) {
            throw new IllegalArgumentException(name + ": nothing to report: the session ended before its first model");
        }
        Instant first = r.times().get(0);
        double[] times = new double[n];
        Map<Integer, double[]> cores = new TreeMap<>();
        double[] self = nans(n);
        double[] children = nans(n);
        double[] attached = nans(n);
        boolean anyAttached = false;
        long memTotal = -1;
        Lanes lanes = new Lanes(n, first);
        long lastRead = Long.MIN_VALUE;
        Map<String, Round> rounds = new LinkedHashMap<>();
        // the models are decoded one after another: each from the one before, not from a kept state
        for (int i = 0; i < n; i++) {
            Snapshot s = models.get(i);
            times[i] = seconds(first, r.times().get(i));
            long read = s.host().readNanos();
            // a model published at an event carries the last tick's host and process readings again
            boolean fresh = read == 0 || read != lastRead;
            lastRead = read;
            for (WorkerSample w : s.workers()) {
                Lane lane = lanes.lane(w.info());
                lane.states[i] = CellState.of(w, s.gil() != null && s.gil().enabled());
                lane.cores[i] = w.core();
            }
            for (Round round : s.rounds()) {
                // compare's runs number their rounds from 1 again: a round is its id and when it was asked for
                rounds.put(round.id() + "@" + round.info().requestedAt(), round);
            }
            if (!fresh) {
                continue;
            }
            for (CoreSample c : s.host().cores()) {
                cores.computeIfAbsent(c.id(), id -> nans(n))[i] = c.utilisation() * 100;
            }
            if (s.host().memoryTotalBytes() > 0) {
                memTotal = s.host().memoryTotalBytes();
            }
            for (ProcessSample p : s.processes()) {
                if (p.rssBytes() < 0 || org.threadlab.model.Attached.exited(p)) {
                    // an attached process that exited keeps its last figures on the screen: it holds no memory
                    continue;
                }
                if (p.pid() == s.selfPid() || "self".equals(p.role())) {
                    self[i] = add(self[i], p.rssBytes());
                } else if ("worker".equals(p.role()) || ModelHub.SPARE.equals(p.role()) || ModelHub.SPARE_STARTING.equals(p.role())) {
                    // a warm spare is a child JVM of threadlab's, idle or not: its memory is the children's
                    children[i] = add(children[i], p.rssBytes());
                } else {
                    attached[i] = add(attached[i], p.rssBytes());
                    anyAttached = true;
                }
            }
        }
        List<CoreSeries> coreSeries = new ArrayList<>();
        cores.forEach((id, percent) -> coreSeries.add(new CoreSeries(id, percent)));
        List<MemorySeries> memory = new ArrayList<>();
        memory.add(new MemorySeries("threadlab", self));
        memory.add(new MemorySeries("child processes", children));
        if (anyAttached) {
            memory.add(new MemorySeries("attached processes", attached));
        }
        List<Round> all = new ArrayList<>(rounds.values());
        List<RoundRow> roundRows = new ArrayList<>();
        for (Round round : all) {
            roundRows.add(new RoundRow(round.id(), round.info().label(), seconds(first, round.info().requestedAt()),
                    round.endedAt() == null ? Double.NaN : seconds(first, round.endedAt()), round.wall().toNanos(), round.cpuNanos(),
                    round.coresBusy(), round.hostCores(), round.finished(), round.failed(), round.stopped(), round.peakMemory(),
                    RoundLine.LESSON.comparison(round, all), round.verdict()));
        }
        List<EventMark> events = new ArrayList<>();
        for (Event e : r.events()) {
            events.add(new EventMark(seconds(first, e.at()), e.type().label(), e.workerId(), e.text()));
        }
        return new ReportData(r.header(), name, first, r.duration(), times, coreSeries, memory, memTotal, lanes.rows(),
                roundRows, events, r.notes());
    }

    private static double seconds(Instant from, Instant to) {
        return to == null ? Double.NaN : Duration.between(from, to).toNanos() / 1e9;
    }

    private static double[] nans(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }

    private static double add(double sum, long bytes) {
        return Double.isNaN(sum) ? bytes : sum + bytes;
    }

    /** The lanes so far, found again by worker id: a new lane where the id comes back with another start. */
    private static final class Lanes {
        private final int models;
        private final Instant first;
        private final List<Lane> all = new ArrayList<>();
        private final Map<Integer, Lane> byId = new HashMap<>();

        Lanes(int models, Instant first) {
            this.models = models;
            this.first = first;
        }

        Lane lane(WorkerInfo info) {
            Lane lane = byId.get(info.id());
            if (lane == null || lane.started != null && info.startedAt() != null && !lane.started.equals(info.startedAt())) {
                lane = new Lane(models);
                all.add(lane);
                byId.put(info.id(), lane);
            }
            if (info.startedAt() != null) {
                lane.started = info.startedAt();
            }
            lane.info = info;
            return lane;
        }

        List<LaneRow> rows() {
            List<LaneRow> rows = new ArrayList<>();
            for (Lane l : all) {
                WorkerInfo i = l.info;
                String what = i.kind().label() + " " + i.workload().type();
                rows.add(new LaneRow(i.id() + "@" + l.started, i.id(), "#" + i.id() + " " + i.name() + " (" + what + ")",
                        i.round(), l.states, l.cores, seconds(first, l.started), seconds(first, i.endedAt()), i.workload().describe()));
            }
            return rows;
        }
    }

    /** A lane being filled in. */
    private static final class Lane {
        final CellState[] states;
        final int[] cores;
        Instant started;
        WorkerInfo info;

        Lane(int models) {
            states = new CellState[models];
            Arrays.fill(states, CellState.NONE);
            cores = new int[models];
            Arrays.fill(cores, -1);
        }
    }
}
