package org.threadlab.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.threadlab.text.Reasons;
import org.threadlab.text.Durations;

/**
 * The only reader of OSHI and /proc (through one {@link Platform}): every interval, on one daemon
 * thread, it reads the host and what it was told to watch ({@link #watch(WatchList)}: threadlab
 * itself always) and publishes an immutable {@link Measurement}. It reads only what is watched, never
 * the whole process table, and knows nothing of workers: joining its figures with them is the model's job.
 */
public final class Sampler implements AutoCloseable {
    /** The shortest interval anything may sample at (the screen's '-' stops here). */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private final long selfPid = ProcessHandle.current().pid();
    private final List<Consumer<Measurement>> listeners = new CopyOnWriteArrayList<>();
    private final Object timer = new Object();
    private volatile WatchList watching = WatchList.NOTHING;
    private volatile Duration interval;
    private volatile Measurement latest;
    /** When the newest tick was started: the next one is due an interval later (no drift). */
    private volatile long takenNanos;
    private volatile boolean closed;
    private volatile Thread thread;

    // sampling state: guarded by "this" (one tick at a time, whoever takes it)
    private final Platform.Readers readers;
    private final String sourceName;
    private final HostTracker host;
    /** Every process, read only while the watch list asks (the all-processes view is open). */
    private final ProcessLister lister;
    /** Whether the lister read at the last tick: it forgets its books as soon as it is not asked. */
    private boolean listing;
    private final Map<Long, ProcessProbe> probes = new HashMap<>();
    private HostSample lastHost = HostSample.UNKNOWN;
    private WatchList switchesFor;
    private java.util.function.LongPredicate switchesPredicate = ProcessProbe.EVERY_THREAD;
    private long seq;

    /** Samples this machine. */
    /** What the JVM's own threads were at the last tick: with thousands, only some are read again each tick. */
    private final JavaView.Memory javaMemory = new JavaView.Memory();

    public Sampler(Duration interval) {
        this(Platform.system(), interval);
    }

    public Sampler(Platform platform, Duration interval) {
        this(platform, interval, listerOf(platform));
    }

    /** The source's own reader of every process (OSHI's), else /proc's, else one that says why there is none. */
    private static ProcessLister listerOf(Platform platform) {
        ProcessLister own = platform.processLister();
        if (own != null) {
            return own;
        }
        return Platform.PROC_AVAILABLE ? ProcLister.system()
                : ProcessLister.unavailable("the list of every process needs /proc (Linux) or OSHI");
    }

    /** With the reader of every process that {@link WatchList#everyProcess()} asks for. */
    public Sampler(Platform platform, Duration interval, ProcessLister lister) {
        this.interval = check(interval);
        this.readers = platform.readers();
        this.sourceName = platform.sourceName();
        this.host = new HostTracker(readers.host());
        this.lister = lister;
    }

    /** What to measure from the next tick on (threadlab itself is always measured, role "self"). */
    public void watch(WatchList list) {
        watching = list;
    }

    public WatchList watching() {
        return watching;
    }

    /** Takes the first tick now (so {@link #latest()} is never null), then one every interval. */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException(closed ? "the sampler is closed" : "the sampler is already running");
        }
        sampleNow();
        thread = new Thread(this::loop, "threadlab-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            synchronized (timer) {
                long wait;
                // the deadline is worked out again after every wake-up, so setInterval applies at once
                while (!closed && (wait = takenNanos + interval.toNanos() - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(timer, wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (closed) {
                return;
            }
            sampleNow();
        }
    }

    /**
     * Takes a tick now, publishes it as the latest and hands it to the listeners. A tick that fails
     * is published as a failed measurement (its reason in {@code error}), not thrown away: the screen
     * then says why its figures stopped, and the next tick, an interval later, may work again.
     */
    public Measurement sampleNow() {
        Measurement m;
        synchronized (this) {
            takenNanos = System.nanoTime();
            try {
                m = take();
                lastHost = m.host();
            } catch (RuntimeException | Error e) {
                // Errors too: the sampler's thread dying would stop every figure without a word, and the
                // likely one, an OutOfMemoryError, is a workload's (crash --how oom in a thread), soon over
                m = new Measurement(++seq, Instant.now(), interval, selfPid, lastHost, List.of(), Map.of(), takenNanos,
                        Reasons.of(e));
            }
            latest = m;
            // still under the lock: two ticks taken at once (the timer's and a sampleNow) reach the
            // listeners in the order they were taken, so a model never goes back to an older window
            publish(m);
        }
        return m;
    }


    private void publish(Measurement m) {
        for (Consumer<Measurement> l : listeners) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                // one bad listener must not stop the others or the sampler
            }
        }
    }

    private Measurement take() {
        WatchList w = watching;
        Map<Long, String> roles = new LinkedHashMap<>();
        roles.put(selfPid, "self");
        for (Map.Entry<Long, String> e : w.processes().entrySet()) {
            roles.putIfAbsent(e.getKey(), e.getValue());
        }
        // plain loops, no capturing lambda: this runs once a tick, where the JDK's lambda plumbing stays
        // in the interpreter for minutes (docs/PERFORMANCE.md, "Sampler tick cost", seventh session)
        for (java.util.Iterator<Map.Entry<Long, ProcessProbe>> it = probes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, ProcessProbe> e = it.next();
            if (!roles.containsKey(e.getKey())) {
                e.getValue().close(); // its kept files
                it.remove();
            }
        }
        JavaView java = new JavaView(w.javaIdByTid(), javaMemory, allocationsWanted(w));
        List<ProcessProbe> toRead = new ArrayList<>(roles.size());
        for (Long pid : roles.keySet()) {
            ProcessProbe probe = probes.get(pid);
            if (probe == null) {
                probe = readers.probes().apply(pid);
                probes.put(pid, probe);
            }
            probe.switchesWanted(switchesWanted(w));
            toRead.add(probe);
        }
        // everything slow to set up (the first time: class loading, the management beans) is done: the
        // host and the processes are read back to back, so their windows start and end together
        HostSample hostSample = host.sample();
        boolean idleMayChange = idleMayChange(w, host.runnable(), hostSample.cores().size());
        for (ProcessProbe probe : toRead) {
            probe.idleMayChange(idleMayChange);
        }
        List<ProcessSample> processes = new ArrayList<>(roles.size());
        int k = 0;
        for (Map.Entry<Long, String> e : roles.entrySet()) {
            processes.add(toRead.get(k++).sample(e.getValue(), e.getKey() == selfPid ? java : null));
        }
        // made only when some Java thread is watched: Measurement keeps an immutable copy, free for Map.of()
        Map<Long, JavaThreadSample> javaThreads = w.javaThreads().isEmpty() && w.javaIdByTid().isEmpty() ? Map.of()
                : new HashMap<>();
        for (long id : w.javaThreads()) {
            JavaThreadSample j = java.byJavaId(id);
            if (j != null) {
                javaThreads.put(id, j);
            }
        }
        for (long id : w.javaIdByTid().values()) {
            JavaThreadSample j = java.byJavaId(id);
            if (j != null) {
                javaThreads.put(id, j);
            }
        }
        ProcessTable table = null;
        if (w.everyProcess()) {
            listing = true;
            try {
                table = lister.read();
            } catch (RuntimeException e) {
                table = ProcessTable.failed(Reasons.of(e));
            }
        } else if (listing) {
            listing = false;
            lister.close(); // the view closed: nothing kept, nothing read
        }
        return new Measurement(++seq, Instant.now(), interval, selfPid, hostSample, processes, javaThreads,
                takenNanos, null, table);
    }

    /**
     * Whether a thread that has not run since its last read may show something new (the probes then re-read
     * idle threads in rotation): when more threads are runnable on the host than it has cores (one may be
     * woken and still waiting for a CPU: its state R, its CPU time not moved), when the host does not say,
     * and while the watch list asks for every figure of every thread (a recording, a snapshot: nice too,
     * which a renice from outside changes without the thread running). With no more runnable threads than
     * cores, none waits: the sampler's own thread, running as it reads, is one of them.
     */
    static boolean idleMayChange(WatchList w, int runnable, int cores) {
        return w.everyFigure() || runnable < 0 || cores <= 0 || runnable > cores;
    }

    /**
     * Whether the Java threads' allocated bytes are read this tick: while a Java thread is watched (a
     * thread worker's memory column) and whenever every figure is (a recording, a snapshot).
     */
    static boolean allocationsWanted(WatchList w) {
        return w.everyFigure() || !w.javaThreads().isEmpty() || !w.javaIdByTid().isEmpty();
    }

    /** Whose switch counts the probes read, made again only when the watch list changed (no boxing a thread a tick). */
    private java.util.function.LongPredicate switchesWanted(WatchList w) {
        if (w != switchesFor) {
            long[] wanted = w.switchTids().stream().mapToLong(Long::longValue).sorted().toArray();
            switchesPredicate = w.everyFigure() ? ProcessProbe.EVERY_THREAD : tid -> java.util.Arrays.binarySearch(wanted, tid) >= 0;
            switchesFor = w;
        }
        return switchesPredicate;
    }

    /** The newest measurement; null before the first tick. */
    public Measurement latest() {
        return latest;
    }

    /**
     * Called, on the thread that took the tick, with every measurement (failed ones too), in order:
     * a listener should return quickly (post it on), since the next tick waits for it.
     */
    public void onMeasurement(Consumer<Measurement> listener) {
        listeners.add(listener);
    }

    public Duration interval() {
        return interval;
    }

    /** Which reader makes its figures: "proc" or "oshi" ({@link Platform#sourceName()}). */
    public String sourceName() {
        return sourceName;
    }

    /** Changes the interval while running; at least {@link #MIN_INTERVAL} (IllegalArgumentException below). */
    public void setInterval(Duration interval) {
        this.interval = check(interval);
        synchronized (timer) {
            timer.notifyAll();
        }
    }

    private static Duration check(Duration interval) {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the sampling interval must be at least "
                    + Durations.format(MIN_INTERVAL) + ", not " + (interval == null ? "none" : Durations.format(interval)));
        }
        return interval;
    }

    /** Stops the sampling thread; {@link #latest()} keeps the last measurement. */
    @Override
    public void close() {
        closed = true;
        // not under "this": a tick that hangs (a /proc read stuck in the kernel) must not hang close too
        Thread t = thread;
        synchronized (timer) {
            timer.notifyAll();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        readers.close().run(); // the kept /proc files; a tick still running falls back to reading by path
    }
}
