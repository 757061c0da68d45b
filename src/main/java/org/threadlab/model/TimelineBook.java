package org.threadlab.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadlab.sample.Slice;
import org.threadlab.sample.SliceBatch;
import org.threadlab.sample.SliceWatch;
import org.threadlab.sample.ThreadSlice;
import org.threadlab.work.SimulatedGil;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * The fine timeline's books, kept on the hub's thread (not thread-safe): the last {@link #SLICES} slices,
 * each turned into one cell per lane from the slice sampler's readings, the simulated GIL's exact spans
 * and the workers. Every batch makes a new immutable {@link Timeline}.
 *
 * <p>Lanes: a thread worker is its work thread (TID); a child-process worker is its work thread too
 * (the TID its child reports): the child JVM's other threads (JIT compiler, GC) are not the worker's
 * work, and at start-up the JIT alone would paint the row "running"; an exec'd program (its PID, whose
 * threads the program makes) gets one lane per thread of it; a virtual thread has no thread of its own to
 * read, so its lane shows the GIL's books where it uses the GIL and else what its workload reports (said
 * on the lane: "reported"), with no CPU or core.
 */
public final class TimelineBook {
    /** How many slices it keeps: wider than any screen, 12 s at the default 20 ms. */
    public static final int SLICES = 600;
    /**
     * Where a cell is a "most of the slice" call (the GIL held or waited, CPU, the run queue): half. A
     * thread that ran the whole slice reads at least half of it on a kernel whose figures lag by up to one
     * tick, as long as the slice is at least {@link #TRUSTED_TICKS} ticks long.
     */
    static final double MOST = 0.5;
    /** Two lanes that held the GIL within this fraction of each other's time in a slice held it about as long. */
    static final double NEAR_TIE = 0.25;
    /** The kernel's CPU figure is trusted for slices of at least this many ticks (see {@link #MOST}). */
    static final int TRUSTED_TICKS = 2;
    /** How long after a slice's end its threads' JVM states may be read (a step's reads, unless preempted). */
    static final long READ_LAG_NANOS = 2_000_000;
    private static final String KEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** A lane's identity: a worker's thread, a worker as a whole (virtual: tid 0), or a thread of no worker (id 0). */
    private record LaneId(int workerId, long pid, long tid) {}

    /** A lane: what it is called and keyed by (fixed when it first appears), and its cells in a ring. */
    private static final class LaneRow {
        final char key;
        final String label;
        /** Column k of the window's count is at {@code k % SLICES}. */
        final Cell[] ring = new Cell[SLICES];
        /** The newest column in which it was alive (neither "no reading" nor ended); -1 for none. */
        long lastAlive = -1;

        LaneRow(char key, String label) {
            this.key = key;
            this.label = label;
            Arrays.fill(ring, Cell.NONE);
        }
    }

    private final Map<LaneId, LaneRow> lanes = new LinkedHashMap<>();
    /** How many columns were added since the window began; the window is the last {@code min(added, SLICES)}. */
    private long added;
    private long endNanos;
    private final Map<LaneId, CellState> lastState = new HashMap<>();
    private Duration slice = org.threadlab.sample.SliceSource.DEFAULT_SLICE;
    private Duration kernelTick;
    private boolean gilSeen;
    private Timeline timeline = Timeline.EMPTY;

    /** The newest timeline made. */
    public Timeline timeline() {
        return timeline;
    }

    /** Forgets every slice (a new start after a pause: the gap is not a stretch of "no reading"). */
    public void clear() {
        lanes.clear();
        lastState.clear();
        added = 0;
        timeline = Timeline.EMPTY;
    }

    /** The same timeline saying why it stopped (or none): the source failed or cannot read here. */
    public Timeline failed(String error) {
        Timeline t = timeline;
        timeline = new Timeline(t.slice(), t.kernelTick(), t.endNanos(), t.slices(), t.lanes(), t.cores(), t.note(), error);
        return timeline;
    }

    /**
     * What the slice source must follow for these workers: a live thread worker's or child-process
     * worker's work thread, every thread of an exec'd program; virtual threads have no TID to follow.
     */
    public static SliceWatch watch(List<WorkerInfo> workers) {
        Map<Long, Set<Long>> threads = new LinkedHashMap<>();
        Map<Long, Long> javaIds = new HashMap<>();
        for (WorkerInfo w : workers) {
            if (!w.state().alive() || w.pid() <= 0) {
                continue;
            }
            if (isExec(w)) {
                threads.put(w.pid(), Set.of()); // every thread of the program
            } else if (w.tid() > 0 && w.kind() != WorkerKind.VIRTUAL) {
                Set<Long> tids = threads.computeIfAbsent(w.pid(), p -> new LinkedHashSet<>());
                if (tids instanceof LinkedHashSet) { // not a program followed whole
                    tids.add(w.tid());
                }
                if (w.kind() == WorkerKind.THREAD && w.javaThreadId() >= 0) {
                    javaIds.put(w.tid(), w.javaThreadId());
                }
            }
        }
        return new SliceWatch(threads, javaIds);
    }

    /**
     * An exec'd program: the worker is announced with the program's PID as its thread (its main thread).
     * An attached process ({@link Attached#timelineWorkers}) is followed whole the same way.
     */
    static boolean isExec(WorkerInfo w) {
        return w.kind() == WorkerKind.PROCESS && w.workload() != null
                && ("exec".equals(w.workload().type()) || Attached.is(w));
    }

    /**
     * Adds a batch of slices and makes the new timeline.
     *
     * @param workers the supervisor's workers as the batch arrived
     * @param gil     the simulated GIL's spans over the batch (any order; more is fine); empty without one
     * @param cores   the host's cores (per-core rows); a core a thread reports beyond them adds rows
     *                A batch at another slice length than the last starts a new window.
     */
    public Timeline add(SliceBatch batch, List<WorkerInfo> workers, List<SimulatedGil.Span> gil, int cores) {
        if (!batch.slice().equals(slice)) {
            // one column is one slice: columns of another length would draw time unevenly
            clear();
        }
        slice = batch.slice();
        kernelTick = batch.kernelTick();
        Map<Long, List<SimulatedGil.Span>> spans = new HashMap<>();
        for (SimulatedGil.Span s : gil) {
            spans.computeIfAbsent(s.threadId(), k -> new ArrayList<>()).add(s);
        }
        gilSeen |= !gil.isEmpty();
        for (Slice s : batch.slices()) {
            Map<LaneId, Cell> cells = column(s, workers, spans);
            int at = (int) (added % SLICES);
            for (Map.Entry<LaneId, LaneRow> e : lanes.entrySet()) {
                Cell c = cells.getOrDefault(e.getKey(), Cell.NONE);
                e.getValue().ring[at] = c;
                if (c.state() != CellState.NONE && c.state() != CellState.ENDED) {
                    e.getValue().lastAlive = added;
                }
            }
            added++;
            endNanos = s.endNanos();
        }
        dropGoneLanes();
        timeline = build(cores, batch.error());
        return timeline;
    }

    /** One slice's cells, by lane (opening the lanes of what shows for the first time). */
    private Map<LaneId, Cell> column(Slice s, List<WorkerInfo> workers, Map<Long, List<SimulatedGil.Span>> spans) {
        long span = Math.max(1, s.spanNanos());
        Map<Long, ThreadSlice> byTid = new LinkedHashMap<>();
        for (ThreadSlice t : s.threads()) {
            byTid.put(t.tid(), t);
        }
        Set<Long> claimed = new HashSet<>();
        Map<LaneId, Cell> cells = new LinkedHashMap<>();
        Map<LaneId, double[]> gilUsers = new HashMap<>();
        for (WorkerInfo w : workers) {
            if (isExec(w)) {
                for (ThreadSlice t : s.threads()) {
                    if (t.pid() == w.pid()) {
                        claimed.add(t.tid());
                        put(cells, new LaneId(w.id(), t.pid(), t.tid()), (Attached.is(w) ? "pid " + w.pid() : "#" + w.id()) + " " + t.name() + " " + t.tid(),
                                cell(t, span, Double.NaN, Double.NaN, kernelTick));
                    }
                }
                // a program's threads not read this slice (it ended, or they did): as their worker says
                for (LaneId id : lanes.keySet()) {
                    if (id.workerId() == w.id() && !cells.containsKey(id)) {
                        cells.put(id, unread(id, w));
                    }
                }
            } else if (w.kind() == WorkerKind.VIRTUAL) {
                LaneId id = new LaneId(w.id(), w.pid(), 0);
                double[] g = gilShares(spans.get(w.javaThreadId()), s);
                gilUsers.put(id, g);
                put(cells, id, "#" + w.id() + " " + w.name() + " (reported)", reported(w, g));
            } else if (w.tid() > 0) {
                LaneId id = new LaneId(w.id(), w.pid(), w.tid());
                ThreadSlice t = byTid.get(w.tid());
                Cell c;
                if (t != null) {
                    claimed.add(t.tid());
                    double[] g = w.kind() == WorkerKind.THREAD ? gilShares(spans.get(w.javaThreadId()), s)
                            : new double[] {Double.NaN, Double.NaN, 0};
                    gilUsers.put(id, g);
                    c = cell(t, span, g, kernelTick);
                } else {
                    c = unread(id, w);
                }
                put(cells, id, "#" + w.id() + " " + w.name(), c);
            }
        }
        Set<LaneId> heldBefore = new HashSet<>();
        for (LaneId id : gilUsers.keySet()) {
            if (lastState.get(id) == CellState.GIL_HELD) {
                heldBefore.add(id);
            }
        }
        whoHeldTheGil(cells, gilUsers, heldBefore);
        // threads of no worker (a watched PID): a lane each, so nothing read goes unseen
        for (ThreadSlice t : s.threads()) {
            if (!claimed.contains(t.tid())) {
                put(cells, new LaneId(0, t.pid(), t.tid()), t.name() + " " + t.tid(),
                        cell(t, span, Double.NaN, Double.NaN, kernelTick));
            }
        }
        // lanes whose worker was cleared from the list: ended (their earlier cells stay in the window)
        for (LaneId id : lanes.keySet()) {
            if (!cells.containsKey(id) && lastState.get(id) != null && lastState.get(id) != CellState.NONE) {
                cells.put(id, new Cell(CellState.ENDED, -1, Double.NaN));
            }
        }
        for (Map.Entry<LaneId, Cell> e : cells.entrySet()) {
            lastState.put(e.getKey(), e.getValue().state());
        }
        return cells;
    }

    /**
     * The GIL in one slice, as the core rows show a core: the lane that held it longest is the holder, and
     * every other lane that spent most of the slice holding or waiting for it is waiting. Without this,
     * a slice longer than the switch interval shows nobody holding it: four threads taking 5 ms turns
     * each hold a quarter of a 20 ms slice, never the half {@link #classify} asks of a state.
     *
     * <p>Where two held it about as long ({@link #NEAR_TIE}), the one that did not hold it in the slice
     * before is the holder: two threads handing over every 5 ms, seen in 10 ms slices, each hold about 5 ms
     * of every slice, and the strict longest would be the same thread column after column for as long as
     * the hand-overs keep their phase against the slices (seen: 120 ms of one thread "holding" it) while
     * they took turns throughout.
     */
    static void whoHeldTheGil(Map<LaneId, Cell> cells, Map<LaneId, double[]> gilUsers, Set<LaneId> heldBefore) {
        double most = 0;
        for (Map.Entry<LaneId, double[]> e : gilUsers.entrySet()) {
            Cell c = cells.get(e.getKey());
            if (c != null && c.state() != CellState.ENDED) {
                most = Math.max(most, e.getValue()[0]);
            }
        }
        if (!(most > 0)) {
            return;
        }
        LaneId holder = null;
        double best = -1;
        for (Map.Entry<LaneId, double[]> e : gilUsers.entrySet()) {
            Cell c = cells.get(e.getKey());
            double held = e.getValue()[0];
            if (c == null || c.state() == CellState.ENDED || !(held >= most * (1 - NEAR_TIE))) {
                continue;
            }
            // among those that held it about the longest, one that did not hold it the slice before wins
            double rank = held + (heldBefore.contains(e.getKey()) ? 0 : 1);
            if (rank > best) {
                holder = e.getKey();
                best = rank;
            }
        }
        for (Map.Entry<LaneId, double[]> e : gilUsers.entrySet()) {
            Cell c = cells.get(e.getKey());
            if (c == null || c.state() == CellState.ENDED || c.state() == CellState.NONE) {
                continue;
            }
            double[] g = e.getValue();
            if (e.getKey().equals(holder)) {
                cells.put(e.getKey(), new Cell(CellState.GIL_HELD, c.core(), c.cpuShare()));
            } else if (g[0] + g[1] >= MOST || g[2] > 0) {
                cells.put(e.getKey(), new Cell(CellState.GIL_WAITING, c.core(), c.cpuShare()));
            }
        }
    }

    /** Adds a cell, opening its lane (with the next free key) when it first shows the thread alive. */
    private void put(Map<LaneId, Cell> cells, LaneId id, String label, Cell cell) {
        if (!lanes.containsKey(id)) {
            if (cell.state() == CellState.NONE || cell.state() == CellState.ENDED) {
                // no row for a worker that has not started, nor for the many ended ones the supervisor
                // still lists (up to 500): a row opened for them each slice would only be dropped again
                return;
            }
            lanes.put(id, new LaneRow(freeKey(), label));
        }
        cells.put(id, cell);
    }

    private char freeKey() {
        Set<Character> used = new HashSet<>();
        for (LaneRow m : lanes.values()) {
            used.add(m.key);
        }
        for (int i = 0; i < KEYS.length(); i++) {
            if (!used.contains(KEYS.charAt(i))) {
                return KEYS.charAt(i);
            }
        }
        return '+'; // more than 52 lanes: the per-core rows cannot tell these apart
    }

    /** A lane with no reading in a slice: ended once its worker or its thread has, else nothing known. */
    private Cell unread(LaneId id, WorkerInfo w) {
        boolean ended = w.state().ended() || lastState.get(id) == CellState.ENDED
                || (isExec(w) && lastState.containsKey(id) && lastState.get(id) != CellState.NONE);
        return ended ? new Cell(CellState.ENDED, -1, Double.NaN) : Cell.NONE;
    }

    /** A virtual thread: the GIL's books where it used the GIL (exact), else what its workload reported. */
    private static Cell reported(WorkerInfo w, double[] gil) {
        if (w.state() == WorkerState.NEW) {
            return Cell.NONE;
        }
        if (w.state().ended()) {
            return new Cell(CellState.ENDED, -1, Double.NaN);
        }
        CellState byGil = byGil(gil[0], gil[1]);
        if (byGil != null) {
            return new Cell(byGil, -1, Double.NaN);
        }
        CellState s = switch (w.state()) {
            case RUNNING -> CellState.RUNNING;
            case BLOCKED -> CellState.LOCKED;
            default -> CellState.SLEEPING;
        };
        return new Cell(s, -1, Double.NaN);
    }

    /**
     * The fractions of the slice this thread held and waited for the GIL (exact, from its books), NaN
     * without any; and 1 when it was waiting for the GIL as the slice ended, else 0.
     */
    static double[] gilShares(List<SimulatedGil.Span> spans, Slice s) {
        if (spans == null) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        boolean waitingAtEnd = false;
        long span = Math.max(1, s.spanNanos());
        long held = 0;
        long waited = 0;
        for (SimulatedGil.Span g : spans) {
            long overlap = Math.min(g.toNanos(), s.endNanos()) - Math.max(g.fromNanos(), s.startNanos());
            if (overlap > 0) {
                if (g.held()) {
                    held += overlap;
                } else {
                    waited += overlap;
                }
            }
            // the JVM's state is read just after the slice's end: a wait that began within READ_LAG of it counts
            waitingAtEnd |= !g.held() && g.fromNanos() < s.endNanos() + READ_LAG_NANOS && g.toNanos() >= s.endNanos();
        }
        return new double[] {held / (double) span, waited / (double) span, waitingAtEnd ? 1 : 0};
    }

    private static CellState byGil(double held, double waited) {
        if (!(held >= MOST || waited >= MOST)) {
            return null;
        }
        return held >= waited ? CellState.GIL_HELD : CellState.GIL_WAITING;
    }

    /** One thread's cell: its state by {@link #classify}, the core it was on, its CPU share. */
    static Cell cell(ThreadSlice t, long spanNanos, double gilHeld, double gilWaited, Duration kernelTick) {
        return cell(t, spanNanos, new double[] {gilHeld, gilWaited, 0}, kernelTick);
    }

    /** The same with the GIL's figures as {@link #gilShares} gives them. */
    static Cell cell(ThreadSlice t, long spanNanos, double[] gil, Duration kernelTick) {
        double cpu = t.cpuNanos() < 0 ? Double.NaN : Math.max(0, t.cpuNanos()) / (double) spanNanos;
        return new Cell(classify(t, spanNanos, gil[0], gil[1], gil[2] > 0, kernelTick), t.core(), cpu);
    }

    /**
     * What a thread did most of the slice, in this order:
     * <ol>
     * <li>ENDED: the kernel says it is gone ('X') or a zombie ('Z').</li>
     * <li>GIL_HELD / GIL_WAITING: it held or waited for the simulated GIL at least half the slice (the
     * larger of the two); the GIL's books are exact, the kernel sees only a thread on a core or asleep.</li>
     * <li>RUNNING: on a core at least half the slice. The kernel's CPU figure of a running thread lags
     * by up to a tick, so it is trusted only when exact (threadlab's own threads) or the slice is at least
     * {@link #TRUSTED_TICKS} ticks long: then a thread that ran throughout still reads half or more, and
     * one that slept reads 0 (a sleeping thread's figure is up to date).</li>
     * <li>LOCKED: the JVM says it is BLOCKED on a monitor at the slice's end.</li>
     * <li>RUNNABLE: in the run queue at least half the slice, or runnable ('R') at the end though it ran
     * less than half of it (the kernel books a queued thread's wait only when it gets a core). Where the
     * CPU figure is not trusted, 'R' is RUNNING unless the run-queue wait read more than the CPU.</li>
     * <li>SLEEPING: anything else ('S' sleeping, 'D' waiting on I/O, stopped).</li>
     * </ol>
     */
    static CellState classify(ThreadSlice t, long spanNanos, double gilHeld, double gilWaited, Duration kernelTick) {
        return classify(t, spanNanos, gilHeld, gilWaited, false, kernelTick);
    }

    /**
     * The same, knowing whether the thread was waiting for the simulated GIL as the slice ended: then a
     * thread the JVM calls blocked on a lock (the GIL is one) is GIL_WAITING, not LOCKED. Under load a
     * thread that gives the GIL up often waits for a core before it queues for it again, so neither its
     * hold nor its wait is half the slice.
     */
    static CellState classify(ThreadSlice t, long spanNanos, double gilHeld, double gilWaited, boolean gilWaitingAtEnd,
                              Duration kernelTick) {
        if (t.state() == 'X' || t.state() == 'Z') {
            return CellState.ENDED;
        }
        CellState byGil = byGil(gilHeld, gilWaited);
        if (byGil != null) {
            return byGil;
        }
        double cpu = t.cpuNanos() < 0 ? Double.NaN : t.cpuNanos() / (double) spanNanos;
        double queued = t.runQueueNanos() < 0 ? 0 : t.runQueueNanos() / (double) spanNanos;
        boolean trusted = !Double.isNaN(cpu)
                && (t.exact() || kernelTick == null || spanNanos >= TRUSTED_TICKS * kernelTick.toNanos());
        if (trusted && cpu >= MOST) {
            return CellState.RUNNING;
        }
        if ("BLOCKED".equals(t.javaState())) {
            return gilWaitingAtEnd ? CellState.GIL_WAITING : CellState.LOCKED;
        }
        boolean runnable = t.state() == 'R';
        if (trusted) {
            if (queued >= MOST || runnable) {
                return CellState.RUNNABLE;
            }
        } else if (runnable) {
            double ran = Double.isNaN(cpu) ? 0 : cpu;
            return queued > ran ? CellState.RUNNABLE : CellState.RUNNING;
        }
        return CellState.SLEEPING;
    }

    /** Lanes none of whose cells in the window show them alive (gone and ended long enough) go. */
    private void dropGoneLanes() {
        long oldest = added - Math.min(added, SLICES);
        for (Iterator<Map.Entry<LaneId, LaneRow>> it = lanes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<LaneId, LaneRow> e = it.next();
            if (e.getValue().lastAlive < oldest) {
                it.remove();
                lastState.remove(e.getKey());
            }
        }
    }

    private Timeline build(int cores, String error) {
        int n = (int) Math.min(added, SLICES);
        int first = (int) ((added - n) % SLICES);
        List<Lane> out = new ArrayList<>(lanes.size());
        int maxCore = cores - 1;
        for (Map.Entry<LaneId, LaneRow> e : lanes.entrySet()) {
            LaneRow row = e.getValue();
            Cell[] cells = new Cell[n];
            // oldest first: from the ring's oldest slot to its end, then from its start
            int tail = Math.min(n, SLICES - first);
            System.arraycopy(row.ring, first, cells, 0, tail);
            System.arraycopy(row.ring, 0, cells, tail, n - tail);
            for (Cell c : cells) {
                maxCore = Math.max(maxCore, c.core());
            }
            LaneId id = e.getKey();
            out.add(new Lane(row.key, row.label, id.workerId(), id.pid(), id.tid(), Arrays.asList(cells)));
        }
        List<CoreLane> coreLanes = coreRows(out, n, maxCore + 1);
        return new Timeline(slice, kernelTick, n == 0 ? 0 : endNanos, n, out, coreLanes, note(slice, kernelTick, gilSeen), error);
    }

    /**
     * One row per core: in each of the {@code slices} columns, the lane that ran most on that core (running
     * or holding the GIL there, the largest CPU share), -1 for none. One pass over the cells, whatever the
     * number of cores. A replay's timeline uses it too.
     */
    public static List<CoreLane> coreRows(List<Lane> lanes, int slices, int cores) {
        int[][] best = new int[cores][slices];
        double[][] bestCpu = new double[cores][slices];
        for (int[] row : best) {
            java.util.Arrays.fill(row, -1);
        }
        for (int i = 0; i < lanes.size(); i++) {
            List<Cell> cells = lanes.get(i).cells();
            for (int col = 0; col < slices; col++) {
                Cell c = cells.get(col);
                int core = c.core();
                if (core >= 0 && core < cores && (c.state() == CellState.RUNNING || c.state() == CellState.GIL_HELD)) {
                    double cpu = Double.isNaN(c.cpuShare()) ? 0 : c.cpuShare();
                    if (best[core][col] < 0 || cpu > bestCpu[core][col]) {
                        best[core][col] = i;
                        bestCpu[core][col] = cpu;
                    }
                }
            }
        }
        List<CoreLane> out = new ArrayList<>(cores);
        for (int core = 0; core < cores; core++) {
            List<Integer> holders = new ArrayList<>(slices);
            for (int h : best[core]) {
                holders.add(h);
            }
            out.add(new CoreLane(core, holders));
        }
        return out;
    }

    /** The honest-resolution line for the screen: the slice sampler's, and that the GIL's cells are exact. */
    static String note(Duration slice, Duration kernelTick, boolean gil) {
        return org.threadlab.sample.SliceSampler.note(slice, kernelTick) + (gil ? " · GIL exact" : "");
    }
}
