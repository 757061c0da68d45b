package org.threadlab.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.threadlab.text.Durations;

/**
 * The fine timeline's source on this machine: a daemon thread "threadlab-slices" that, while started,
 * reads every watched thread's {@code schedstat} (CPU and run-queue nanoseconds) and {@code stat} (state
 * letter, last core) once per slice, on deadlines that do not drift, and publishes the deltas as
 * {@link SliceBatch}es about every 100 ms. threadlab's own threads are read from their exact CPU clocks.
 * See docs/SAMPLER.md ("Fine time") for what the figures can and cannot say.
 */
public final class SliceSampler implements SliceSource {
    /** The finest slice asked for that is taken; finer would be all tick noise and cost. */
    public static final Duration MIN_SLICE = Duration.ofMillis(2);
    public static final Duration MAX_SLICE = Duration.ofSeconds(1);
    /**
     * The slice is at least this per watched thread, so the reads stay under ~5 % of a core: one thread's
     * two preads and parses cost ~10 µs here (docs/PERFORMANCE.md, "Fine time"), 20 × that leaves 95 % idle.
     */
    static final long FLOOR_NANOS_PER_THREAD = 200_000;
    /** How often a batch is published (when the slice is shorter). */
    static final long PUBLISH_NANOS = 100_000_000;

    private final String root;
    private final long selfPid;
    private final boolean live;
    private final List<Consumer<SliceBatch>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile SliceWatch watch = SliceWatch.NOTHING;
    private volatile Duration asked = DEFAULT_SLICE;
    private volatile Duration inForce = DEFAULT_SLICE;
    private volatile boolean running;
    private volatile boolean closed;
    /** True while the slices thread waits to be started: everything read so far has been published. */
    private boolean idle;
    private volatile Duration kernelTick;
    private Thread thread;

    // the slices thread's own state
    /** Every followed thread's stat and schedstat, kept open (no limit: the slice length bounds the threads) */
    private final ProcFiles files = new ProcFiles(Integer.MAX_VALUE);
    private final Map<Long, Tracked> tracked = new LinkedHashMap<>();
    /** The processes followed whole (an empty TID set): their task lists are read again every slice. */
    private final Set<Long> listed = new HashSet<>();
    private SliceWatch applied;
    private long previousEnd = -1;
    private final List<Slice> pending = new ArrayList<>();
    private long publishedAt;
    private ThreadMXBean mx;

    /** This machine's /proc. */
    public SliceSampler() {
        this(Platform.PROC, ProcessHandle.current().pid(), true);
    }

    /** What {@code platform} reads: its /proc root (a fixture directory in tests); none where it uses OSHI. */
    public SliceSampler(Platform platform) {
        this(platform.procRoot() == null ? "" : platform.procRoot(), ProcessHandle.current().pid(),
                Platform.PROC.equals(platform.procRoot()));
    }

    /** A /proc tree at {@code root} (a fixture in tests) whose "self" is {@code selfPid}. */
    SliceSampler(String root, long selfPid, boolean live) {
        this.root = root;
        this.selfPid = selfPid;
        this.live = live;
    }

    /**
     * The one-line honesty note shown with the timeline (screen and {@code timeline} command alike). A
     * slice shorter than two kernel ticks is said to be one where the state letter, not the CPU figure,
     * carries the picture: the kernel's figure for a running thread moves in whole ticks.
     */
    public static String note(Duration slice, Duration kernelTick) {
        // short enough for an 80-column screen with the model's " · GIL exact" after it
        if (kernelTick == null) {
            return Durations.millis(slice) + " slices · CPU to ± one kernel tick (not measured) · state read each slice";
        }
        if (slice.toNanos() < 2 * kernelTick.toNanos()) {
            return Durations.millis(slice) + " slices · CPU in " + Durations.millis(kernelTick) + " ticks: cells drawn from the state read each slice";
        }
        return Durations.millis(slice) + " slices · CPU to ±" + Durations.millis(kernelTick) + " (kernel tick) · state read each slice";
    }


    /** The kernel tick measured on this machine (once per JVM, on the first start); null until then or if unknown. */
    public Duration kernelTick() {
        return kernelTick;
    }

    @Override
    public void watch(SliceWatch w) {
        watch = w == null ? SliceWatch.NOTHING : w;
        inForce = lengthFor(asked, w == null ? 0 : expectedThreads(w));
    }

    /** @throws IllegalArgumentException outside {@link #MIN_SLICE}..{@link #MAX_SLICE} */
    @Override
    public void setSlice(Duration slice) {
        if (slice.compareTo(MIN_SLICE) < 0 || slice.compareTo(MAX_SLICE) > 0) {
            throw new IllegalArgumentException("a slice must be between " + Durations.millis(MIN_SLICE) + " and "
                    + Durations.millis(MAX_SLICE) + ", not " + Durations.millis(slice));
        }
        asked = slice;
        inForce = lengthFor(slice, expectedThreads(watch));
    }

    @Override
    public Duration slice() {
        return inForce;
    }

    /** The slice in force for {@code threads} watched threads: as asked, or longer so the reads stay cheap. */
    static Duration lengthFor(Duration asked, int threads) {
        long floor = threads * FLOOR_NANOS_PER_THREAD;
        if (asked.toNanos() >= floor) {
            return asked;
        }
        long ms = (floor + 999_999) / 1_000_000; // whole milliseconds read better on screen
        return Duration.ofMillis(Math.min(ms, MAX_SLICE.toMillis()));
    }

    private int expectedThreads(SliceWatch w) {
        int n = 0;
        for (Map.Entry<Long, Set<Long>> e : w.threadsByPid().entrySet()) {
            n += e.getValue().isEmpty() ? Math.max(1, countTasks(e.getKey())) : e.getValue().size();
        }
        return n;
    }

    private int countTasks(long pid) {
        return ProcFiles.list(root + "/" + pid + "/task").length;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            running = true;
            if (thread == null) {
                thread = new Thread(this::loop, "threadlab-slices");
                thread.setDaemon(true);
                thread.start();
            }
            lock.notifyAll();
        }
    }

    /**
     * Stops reading; returns once the slices thread has published what it had and stopped (at most a
     * second's wait), so no batch arrives after it — unless called from a listener, on that thread itself.
     */
    @Override
    public void pause() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (thread != null && Thread.currentThread() != thread && !idle && !closed) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
                LockSupport.unpark(thread);
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(lock, Math.min(wait, 10_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public void onSlices(Consumer<SliceBatch> listener) {
        listeners.add(listener);
    }

    @Override
    public String unavailable() {
        if (root.isEmpty() || (live && !Platform.PROC_AVAILABLE)) {
            return "needs Linux's /proc";
        }
        return ProcFiles.list(root).length == 0 ? "cannot read " + root : null;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            closed = true;
            running = false;
            lock.notifyAll();
            t = thread;
        }
        if (t == null) {
            // never started (tests that step by hand): the files are this caller's to close
            for (Tracked tr : tracked.values()) {
                tr.close();
            }
            tracked.clear();
        } else if (t != Thread.currentThread()) {
            // the slices thread closes its own files as it ends
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        if (live && kernelTick == null) {
            kernelTick = KernelTick.measured(root);
        }
        long next = System.nanoTime();
        while (!closed) {
            if (!running) {
                flush(null);
                if (!awaitStart()) {
                    break;
                }
                previousEnd = -1; // a slice never spans a pause
                next = System.nanoTime();
            }
            try {
                Slice s = step();
                if (s != null) {
                    pending.add(s);
                }
                long now = System.nanoTime();
                if (now - publishedAt >= PUBLISH_NANOS || inForce.toNanos() >= PUBLISH_NANOS) {
                    flush(null);
                }
            } catch (RuntimeException | Error e) {
                flush(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
            next = nextDeadline(next, System.nanoTime(), inForce.toNanos());
            for (long wait; (wait = next - System.nanoTime()) > 0 && running && !closed; ) {
                LockSupport.parkNanos(this, wait);
            }
        }
        flush(null);
        for (Tracked tr : tracked.values()) {
            tr.close();
        }
        tracked.clear();
    }

    private boolean awaitStart() {
        synchronized (lock) {
            idle = true;
            lock.notifyAll();
            while (!running && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    if (closed) {
                        break;
                    }
                }
            }
            idle = false;
            return !closed;
        }
    }

    private void flush(String error) {
        if (pending.isEmpty() && error == null) {
            return;
        }
        SliceBatch batch = new SliceBatch(inForce, kernelTick, pending, error);
        pending.clear();
        publishedAt = System.nanoTime();
        for (Consumer<SliceBatch> l : listeners) {
            try {
                l.accept(batch);
            } catch (RuntimeException e) {
                // a listener's failure is its own; the others still get every batch
            }
        }
    }

    /**
     * One read of everything watched: the slice since the previous read, or null for the first read
     * (the baseline). Package-private so tests on a fixture /proc can step without the thread.
     */
    Slice step() {
        SliceWatch w = watch;
        long start = previousEnd;
        if (w != applied) {
            apply(w);
        } else {
            relist(start);
        }
        long end = System.nanoTime();
        previousEnd = end;
        List<ThreadSlice> out = new ArrayList<>(tracked.size());
        List<Long> ended = new ArrayList<>();
        Map<Long, ThreadInfo> java = javaInfos();
        for (Tracked t : tracked.values()) {
            ThreadSlice ts = t.read(end - start, start >= 0, java.get(t.tid));
            if (ts != null) {
                out.add(ts);
            }
            if (t.gone) {
                ended.add(t.tid);
            }
        }
        for (long tid : ended) {
            tracked.remove(tid).close();
        }
        inForce = lengthFor(asked, tracked.size()); // a process followed whole may have grown
        return start < 0 ? null : new Slice(start, end, out, Map.of());
    }

    private Map<Long, ThreadInfo> javaInfos() {
        List<Long> tids = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Tracked t : tracked.values()) {
            if (t.javaId >= 0) {
                tids.add(t.tid);
                ids.add(t.javaId);
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        ThreadInfo[] infos = mx().getThreadInfo(ids.stream().mapToLong(Long::longValue).toArray());
        Map<Long, ThreadInfo> out = new HashMap<>();
        for (int i = 0; i < infos.length; i++) {
            if (infos[i] != null) {
                out.put(tids.get(i), infos[i]);
            }
        }
        return out;
    }

    private ThreadMXBean mx() {
        if (mx == null) {
            mx = ManagementFactory.getThreadMXBean();
        }
        return mx;
    }

    /** Makes {@code tracked} follow {@code w}: new threads opened (their first read is a baseline), dropped ones closed. */
    private void apply(SliceWatch w) {
        Map<Long, Tracked> before = new LinkedHashMap<>(tracked);
        tracked.clear();
        listed.clear();
        for (Map.Entry<Long, Set<Long>> e : w.threadsByPid().entrySet()) {
            long pid = e.getKey();
            Iterable<Long> tids = e.getValue().isEmpty() ? listTasks(pid) : e.getValue();
            if (e.getValue().isEmpty()) {
                listed.add(pid);
            }
            for (long tid : tids) {
                Tracked t = before.remove(tid);
                Long javaId = pid == selfPid ? w.javaIdByTid().get(tid) : null;
                if (t != null && (t.pid != pid || t.javaId != (javaId == null ? -1 : javaId))) {
                    t.close(); // another process's thread, or now known as a Java thread: read afresh
                    t = null;
                }
                tracked.put(tid, t != null ? t : open(pid, tid, w));
            }
        }
        for (Tracked t : before.values()) {
            t.close();
        }
        applied = w;
    }

    /**
     * Lists again, every slice, the processes followed whole: threads start and end. A thread not in the
     * previous listing was born since, so its CPU so far is all this slice's (from {@code sliceStart}), not
     * a baseline: a thread started mid-run shows all it ran (read a quarter-second late as a baseline, a
     * CPython thread's 192 ms showed as 19). A listing costs ~9 µs (1 task) to ~20 µs (28 tasks) here,
     * about three threads' reads. A thread born and ended within one slice is not seen.
     */
    private void relist(long sliceStart) {
        for (long pid : listed) {
            for (long tid : listTasks(pid)) {
                if (!tracked.containsKey(tid)) {
                    Tracked t = open(pid, tid, applied);
                    if (sliceStart >= 0) {
                        t.bornSince(sliceStart);
                    }
                    tracked.put(tid, t);
                }
            }
        }
    }

    private List<Long> listTasks(long pid) {
        String[] names = ProcFiles.list(root + "/" + pid + "/task");
        long[] tids = new long[names.length];
        int n = 0;
        for (String s : names) {
            try {
                tids[n++] = Long.parseLong(s);
            } catch (NumberFormatException e) {
                // not a task
            }
        }
        long[] sorted = Arrays.copyOf(tids, n);
        Arrays.sort(sorted);
        List<Long> out = new ArrayList<>(n);
        for (long t : sorted) {
            out.add(t);
        }
        return out;
    }

    private Tracked open(long pid, long tid, SliceWatch w) {
        Long javaId = pid == selfPid ? w.javaIdByTid().get(tid) : null;
        String dir = root + "/" + pid + "/task/" + tid;
        ProcFiles.Kept stat = files.keep(dir + "/stat");
        ProcFiles.Kept schedstat = stat == null ? null : files.keep(dir + "/schedstat");
        if (schedstat == null) {
            files.release(stat); // the thread is gone or unreadable
            stat = null;
        }
        return new Tracked(pid, tid, stat, schedstat, javaId == null ? -1 : javaId);
    }

    /** One followed thread: its open files and its previous read. */
    private final class Tracked {
        final long pid;
        final long tid;
        final long javaId;
        /** kept open: bound to this thread, so a TID handed on is never read as it (null: gone) */
        final ProcFiles.Kept stat;
        final ProcFiles.Kept schedstat;
        String name = "?";
        boolean named;
        /** Read at least once (an 'X' is shown only for a thread seen alive). */
        boolean hadRead;
        /** Listed as born since the previous listing, not yet read: its first read is a delta from zero. */
        boolean born;
        long cpu = -1;
        long wait = -1;
        long readAt = -1;
        boolean gone;

        Tracked(long pid, long tid, ProcFiles.Kept stat, ProcFiles.Kept schedstat, long javaId) {
            this.pid = pid;
            this.tid = tid;
            this.stat = stat;
            this.schedstat = schedstat;
            this.javaId = javaId;
            this.gone = stat == null;
        }

        /**
         * Reads it again; returns its slice, or null when it has no previous read (its first read is a
         * baseline). A thread gone since its last read is shown once, as 'X'.
         */
        ThreadSlice read(long span, boolean emit, ThreadInfo info) {
            if (gone) {
                return hadRead && emit ? new ThreadSlice(pid, tid, name, -1, -1, 'X', -1, false, null) : null;
            }
            char state = '?';
            int core = -1;
            if (files.read(stat)) {
                TaskStat st = TaskStat.parse(files.buffer(), files.length());
                if (st != null) {
                    state = st.state();
                    core = st.processor();
                    if (!named) {
                        name = st.name(files.buffer());
                        named = true;
                    }
                }
            } else {
                gone = true;
            }
            SchedStat ss = !gone && files.read(schedstat) ? SchedStat.parse(files.buffer(), files.length()) : null;
            long exactCpu = javaId >= 0 ? mx().getThreadCpuTime(javaId) : -1;
            long now = System.nanoTime();
            if (gone || ss == null) {
                gone = true;
                return hadRead && emit ? new ThreadSlice(pid, tid, name, -1, -1, 'X', -1, false, null) : null;
            }
            boolean exact = exactCpu >= 0;
            long newCpu = exact ? exactCpu : ss.cpuNanos();
            ThreadSlice out = null;
            if (born && newCpu > now - readAt + 1_000_000) {
                // more CPU than time since the previous listing: not born since then after all (a listing
                // that missed it), so this read is a baseline, not a burst of a whole life in one slice
                readAt = -1;
            }
            born = false;
            if (readAt >= 0 && emit) {
                long own = now - readAt;
                // over the slice's span, from this thread's own two reads (read later or earlier in the loop)
                long cpuDelta = scale(newCpu - cpu, span, own);
                long waitDelta = scale(ss.runQueueNanos() - wait, span, own);
                String javaState = javaState(info);
                out = new ThreadSlice(pid, tid, name, cpuDelta, waitDelta, state, core, exact, javaState);
            }
            hadRead = true;
            cpu = newCpu;
            wait = ss.runQueueNanos();
            readAt = now;
            return out;
        }

        /** Born after {@code at}: it had run nothing then, so its first read is a delta from zero, not a baseline. */
        void bornSince(long at) {
            cpu = 0;
            wait = 0;
            readAt = at;
            born = true;
        }

        void close() {
            files.release(stat);
            files.release(schedstat);
        }
    }

    /**
     * The deadline after {@code previous}: the next point of a fixed grid (none drifts) at least half a
     * slice from {@code now}, so a late slice is not made up for by a short one: a slice lasts 0.5 to 1.5
     * of its length, longer only after a stall. (Counting only from the grid, a step 19.9 ms late made a
     * 94 µs slice, all tick noise.)
     */
    static long nextDeadline(long previous, long now, long slice) {
        long next = previous + slice;
        if (next - now < slice / 2) {
            long behind = now + slice / 2 - next;
            next += (behind / slice + 1) * slice;
        }
        return next;
    }

    /**
     * The JVM's state of one of threadlab's own threads, but BLOCKED also for a thread parked on a lock
     * another thread owns (a ReentrantLock, which the JVM calls WAITING): it is locked out all the same,
     * and the counter workload's lock mode is one. A latch, a condition or a queue has no owner: WAITING.
     */
    static String javaState(ThreadInfo info) {
        if (info == null) {
            return null;
        }
        Thread.State st = info.getThreadState();
        if ((st == Thread.State.WAITING || st == Thread.State.TIMED_WAITING) && info.getLockOwnerId() != -1) {
            return Thread.State.BLOCKED.name();
        }
        return st.name();
    }

    /**
     * A thread's delta over its own two reads ({@code own} apart) brought to the slice's {@code span}: a
     * rate. Never more than a core over the span unless the kernel's figure itself says so (a stale
     * tick's lump, which over many slices cancels): two reads very close together after a stall made a
     * 291 ms slice show 4.83 cores for one thread.
     */
    static long scale(long delta, long span, long own) {
        if (delta < 0) {
            return -1;
        }
        long scaled = own <= 0 || own == span ? delta : Math.round(delta * (double) span / own);
        return Math.min(scaled, Math.max(delta, span));
    }
}
