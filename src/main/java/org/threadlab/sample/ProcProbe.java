package org.threadlab.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * One process from /proc. Per tick: its {@code stat} and {@code statm}, its {@code task} directory, and
 * the {@code stat} (name, state, ticks, last core, priority, nice) and {@code schedstat} (nanoseconds on
 * a CPU) of its threads.
 *
 * <p>A thread's CPU% is its CPU time between its own two reads over the time between them: reading
 * a thousand threads takes a while, and a thread read late in one tick and early in the next would
 * otherwise be divided by a window longer than the one its delta covers. {@code schedstat} gives
 * nanoseconds (ticks of 10 ms are +-2 points of noise over half a second); where the kernel has no
 * schedstat, the ticks of {@code stat} are used.
 *
 * <p>A thread's {@code stat} costs about 15 us of kernel time, so a process with many threads is read
 * selectively: threads that ran at their last read ("hot") are read every tick, idle ones an eighth
 * per tick in rotation. The process's own ticks tell whether that was enough: when they are not
 * explained by the threads read (an idle thread woke up), the rest are read in the same tick. So every
 * CPU figure is current; only an idle thread's state letter and core may be up to seven ticks old
 * (it did not run, so they did not change).
 *
 * <p>A known thread's {@code schedstat} is read every tick, its {@code stat} only when that moved (CPU
 * time or arrivals on a CPU), or it was last seen in state R, or it is due in the every-{@link #IDLE_EVERY}-ticks
 * rotation; a new or renewed thread is read whole. A thread that has not run since its last read cannot
 * have changed state (except S to R, woken but still waiting for a CPU, and a nice set from outside),
 * core, or CPU: re-reading R threads every tick bounds the first (it runs, and shows, within a tick or
 * two), the rotation the second (at most {@code IDLE_EVERY - 1} ticks late). The rotation's {@code stat}
 * reads are left out while neither can happen ({@link #idleMayChange}, the sampler's word each tick): no
 * more threads runnable on the host than it has cores (so none is waiting for one) and no recording (the
 * screen shows no nice). A sleeping thread then costs one kept {@code schedstat} read, a quarter of a
 * {@code stat}'s. (threadlab's own process has the same gate, with its Java threads' CPU clocks in place
 * of schedstat where they join: readOwn.)
 * Another process of up to {@link #READ_ALL_UP_TO} threads with a process clock ({@link ProcessClock})
 * is read likely threads first, and its others not at all when the clock proves they did not run
 * ({@link #readUnlessProvenIdle}): then a sleeping thread costs nothing. threadlab's own threads,
 * once JNA is loaded, likewise behind its own clock less the reading thread's share ({@link #readOwnRest}).
 *
 * <p>Context switches are only in the bigger {@code status} file: read for at most
 * {@link #STATUS_PER_TICK} threads per tick, hot ones first, the rest in rotation (-1 until first read).
 * A thread's switches can only have changed if it has been on a CPU since they were read: the third
 * number of {@code schedstat} counts its arrivals on a CPU, so where it has not moved (and the thread
 * was off a CPU when they were read) its status is not read again ({@link #switchesCannotHaveChanged}).
 * Told whose switches are wanted ({@link #switchesWanted}: the screen shows the selected thread's
 * alone), it reads those threads' status every tick and no other's, whose counts are then -1.
 *
 * <p>Every file is kept open ({@link ProcFiles#keep}, while the sampler's budget lasts) and read again
 * from its start: a third of the CPU of opening, reading and closing it. A thread's kept file fails once
 * that thread has ended; if its TID is still listed, the kernel gave it to a new thread, which is then
 * read from scratch (not as a delta from the old one's counters).
 *
 * <p>What a tick makes is kept small: a thread whose every figure is what the last tick showed (a sleeper
 * at 0 %) is shown by the last tick's {@link ThreadSample} again (records are immutable); a listing that
 * stands is walked in order with its Tasks, without a map lookup per thread; the own process's count of
 * kernel names (for the join by name) is the last tick's while no name changed.
 */
final class ProcProbe implements ProcessProbe {
    static final int STATUS_PER_TICK = 32;
    /** Up to this many threads, every thread is read every tick (its stat when its schedstat moved, or due). */
    static final int READ_ALL_UP_TO = 128;
    /** An idle thread is read at least every this many ticks. */
    static final int IDLE_EVERY = 8;
    /** Process ticks not explained by the threads read that make the rest be read (rounding is +-1). */
    static final long UNEXPLAINED_TICKS = 2;
    private static final long TICK_NANOS = 1_000_000_000L / Math.max(1, SystemConstants.HZ);

    private final long pid;
    private final ProcFiles files;
    private final LongSupplier clock;
    private final String dir;
    /** the process's two files' paths, made once (not a new String a tick) */
    private final String statPath;
    private final String statmPath;
    /** {@code thread-self}'s schedstat and stat under the root: the reading thread's own (own process) */
    private final String readerSchedstatPath;
    private final String readerStatPath;
    private final Map<Long, Task> tasks = new HashMap<>();
    /** The TIDs of the last listing of the task directory, sorted; null: list it next tick. */
    private long[] lastTids;
    /**
     * Their Tasks in the same order (null where that thread's read failed): a listing reused is walked
     * without a map lookup (and a boxed TID) per thread.
     */
    private Task[] lastListed;
    private ProcFiles.Kept statFile;
    private ProcFiles.Kept statmFile;
    /** Whether the last {@link #readVia} read its file. */
    private boolean lastRead;
    private long startTicks = -1;
    private Instant startTime;
    private String lastName = "?";
    private byte[] lastNameBytes = new byte[0];
    /** the process's CPU times as last shown: the same Duration while they stand still */
    private Duration userTime = Duration.ZERO;
    private Duration systemTime = Duration.ZERO;
    private long prevTicks = -1;
    private long prevNanos;
    private long windowStart;
    private long tick;
    private int rotation;
    private final LongUnaryOperator processCpu;
    /** the process's whole CPU time when this tick's thread reads began; -1 unknown */
    private long processCpuAt = -1;
    /** and at the last tick's: every thread's schedstat as last read was read after it (or proven unmoved then) */
    private long lastProcessCpu = -1;
    /**
     * Own process: its clock less the reading thread's share, at the last tick (every other thread's CPU,
     * the ended ones' too, as its schedstat read after it shows it or as proven unmoved); NO_REST unknown.
     */
    private long lastOwnRest = NO_REST;
    private static final long NO_REST = Long.MIN_VALUE;
    /** own process, this tick: the threads unlikely to have run are left for {@link #readOwnRest} */
    private boolean ownGate;
    /** own process, this tick: the CPU since their last reads of the likely threads read, the reader's aside */
    private long ownLikelyCpu;
    /** the reading thread's schedstat, kept while the same thread takes the ticks, and its TID (-1 unknown) */
    private ProcFiles.Kept readerSchedstat;
    private Thread readerThread;
    private long readerTid = -1;
    /** the reading thread's schedstat CPU and arrivals as read this tick (with the clock), -1 unread */
    private long readerNs = -1;
    private long readerRuns = -1;
    private int statusCursor;
    /** Whose switch counts are read ({@link ProcessProbe#switchesWanted}): everyone's unless told otherwise. */
    private LongPredicate switchesWanted = EVERY_THREAD;
    /** Whether the rotation re-reads idle threads' stat this tick ({@link ProcessProbe#idleMayChange}). */
    private boolean idleMayChange = true;
    /** threadlab's own process only: its Java threads' CPU clocks this tick (else null) */
    private OwnClocks clocks;
    /** this tick's kernel names with their counts (own process: which names join uniquely) */
    private Map<String, Integer> priorNames;
    /** the last tick's final count of its listing's names (null: none), which the next tick's starts from */
    private Map<String, Integer> lastNames;
    /** a thread's name changed, or a thread came or went, since {@link #priorNames} was counted */
    private boolean namesChanged;
    /** threads left unread this tick because a clock showed they had not run */
    private int touched;
    /** the thread being read has a Java clock that stood still since its last read */
    private boolean stillClock;

    /** What is kept per thread between ticks. */
    private static final class Task {
        byte[] nameBytes = new byte[0];
        String name = "";
        long ticks;
        /** CPU time from schedstat; -1 when the kernel does not give it */
        long cpuNanos = -1;
        long readNanos;
        long readTick;
        char state = '?';
        int core = -1;
        int priority;
        int nice;
        boolean hot = true;
        /** has used CPU between two of its reads (not only before it was first seen) */
        boolean hasRun;
        /** its CPU time or arrivals moved between its last two reads: read first when the process clock gates */
        boolean moved = true;
        double cpu = Double.NaN;
        long voluntary = -1;
        long involuntary = -1;
        boolean listed;
        boolean readNow;
        /** read in this tick, and that read worked (while a second listing is made) */
        boolean readOk;
        ProcFiles.Kept stat;
        ProcFiles.Kept schedstat;
        ProcFiles.Kept status;
        /** schedstat's arrivals on a CPU at this tick's read (read before stat's state); -1 unknown */
        long runs = -1;
        /** {@code runs} when status was last read, and whether the thread was then off a CPU */
        long statusRuns = -1;
        boolean statusOffCpu;
        /** the last two status reads saw the same arrivals, off a CPU: it was off a CPU at the last one */
        boolean switchesSettled;
        /** own process: the Java thread joined at the last read, and its CPU clock read before it; -1 none */
        long javaId = -1;
        long clockAtRead = -1;
        /** left unread this tick on its Java clock alone (a join by name): the process's ticks may still ask */
        boolean byClock;
        /** what was last shown of it: shown again, not made again, while nothing in it changed */
        ThreadSample shown;
    }

    static {
        // the constants are read once (auxv, btime): now, not inside the first timed read
        if (SystemConstants.HZ <= 0) {
            throw new IllegalStateException("no clock tick rate");
        }
    }

    /** @param root where /proc is (a made-up one in tests); @param clock System.nanoTime() but in tests */
    ProcProbe(long pid, ProcFiles files, String root, LongSupplier clock) {
        this(pid, files, root, clock, ProcessClock.NONE);
    }

    /** @param processCpu a process's whole CPU time in nanoseconds by PID, -1 unknown ({@link ProcessClock}) */
    ProcProbe(long pid, ProcFiles files, String root, LongSupplier clock, LongUnaryOperator processCpu) {
        this.pid = pid;
        this.files = files;
        this.clock = clock;
        this.processCpu = processCpu;
        this.dir = root + "/" + pid;
        this.statPath = dir + "/stat";
        this.statmPath = dir + "/statm";
        this.readerSchedstatPath = root + "/thread-self/schedstat";
        this.readerStatPath = root + "/thread-self/stat";
    }

    @Override
    public ProcessSample sample(String role, JavaView java) {
        return sample(role, java, java != null && JavaView.clocksAvailable() ? java : null);
    }

    /** @param own the Java threads' clocks when this is threadlab's own process (else null: read as ever) */
    ProcessSample sample(String role, JavaView java, OwnClocks own) {
        clocks = own;
        long now = clock.getAsLong();
        tick++;
        statFile = readProcessFile(statFile, statPath);
        if (!lastRead) {
            return failed(role, files.isDirectory(dir) ? "cannot read " + dir + "/stat" : "no process " + pid);
        }
        TaskStat st = TaskStat.parse(files.buffer(), files.length());
        if (st == null) {
            return failed(role, "unreadable " + dir + "/stat");
        }
        if (st.startTime() != startTicks) {
            // first sight, or the PID was reused by another process: start from scratch
            startTicks = st.startTime();
            startTime = SystemConstants.BOOT_EPOCH_SECONDS < 0 ? null : Instant.ofEpochMilli(
                    SystemConstants.BOOT_EPOCH_SECONDS * 1000 + startTicks * 1000 / SystemConstants.HZ);
            prevTicks = -1;
            clearTasks();
        }
        byte[] b = files.buffer();
        if (!Arrays.equals(b, st.nameStart(), st.nameEnd(), lastNameBytes, 0, lastNameBytes.length)) {
            lastNameBytes = Arrays.copyOfRange(b, st.nameStart(), st.nameEnd());
            lastName = st.name(b);
        }
        long rssBytes = rssBytes(st);
        boolean firstSight = prevTicks < 0;
        double cpu = firstSight ? Double.NaN : percent(st.ticks() - prevTicks, (now - prevNanos) / 1e9);
        long processDelta = firstSight ? -1 : st.ticks() - prevTicks;
        Duration window = firstSight ? null : Duration.ofNanos(now - prevNanos);
        windowStart = prevNanos;
        prevTicks = st.ticks();
        prevNanos = now;

        List<ThreadSample> threads = readThreads(java, processDelta, st.numThreads());
        userTime = ticks(st.utime(), userTime);
        systemTime = ticks(st.stime(), systemTime);
        return new ProcessSample(pid, st.ppid(), lastName, stateOf(st.state()), cpu, userTime, systemTime, rssBytes, st.vsize(), st.numThreads(), startTime,
                role, threads, null, window);
    }

    /**
     * @param processDelta the process's ticks since the last tick, or -1 on first sight
     * @param numThreads   the process's thread count, read (in its stat) before any of its threads
     */
    private List<ThreadSample> readThreads(JavaView java, long processDelta, int numThreads) {
        // The task directory is listed only when the set of threads can have changed. Every thread of the
        // last listing is read below, after the process's stat: one whose read fails has ended (or its TID
        // names a new thread). When none has, the set at the stat's read still holds every thread of the
        // last listing; with as many threads as then, it holds no other: nothing was born either.
        // (In the own process every thread is accounted for each tick, read or its clock read, however many.)
        boolean reuse = lastTids != null && processDelta >= 0 && numThreads == lastTids.length
                && (lastTids.length <= READ_ALL_UP_TO || clocks != null);
        long[] tids = reuse ? lastTids : listTasks();
        // every Task kept is in the last listing (the others were dropped at its end)
        for (Task t : tasks.values()) {
            t.listed = false;
            t.readNow = false;
            t.byClock = false;
        }
        namesChanged = !reuse;
        boolean all = processDelta < 0 || tids.length <= READ_ALL_UP_TO;
        boolean windowKnown = processDelta >= 0;
        rotation = (rotation + 1) % IDLE_EVERY;
        touched = 0;
        // the names as last read are the last tick's final count while the listing stands (no map a tick)
        priorNames = clocks != null && windowKnown ? (reuse && lastNames != null ? lastNames : namesOf(tids)) : null;
        Task[] listed = new Task[tids.length];
        // another process read whole (up to READ_ALL_UP_TO threads): its clock, before any thread is read
        boolean clocked = clocks == null && all;
        processCpuAt = clocked ? processCpu.applyAsLong(pid) : -1;
        boolean gate = reuse && windowKnown && processCpuAt >= 0 && lastProcessCpu >= 0;
        long processCpuAtNanos = gate ? clock.getAsLong() : 0; // where a thread proven idle starts its next delta
        // threadlab's own: its clock (once JNA is loaded) less the reading thread's share, before any thread is read
        long ownRest = clocks != null ? ownRest() : NO_REST;
        long ownRestAtNanos = ownRest != NO_REST ? clock.getAsLong() : 0;
        ownGate = reuse && windowKnown && ownRest != NO_REST && lastOwnRest != NO_REST;
        ownLikelyCpu = 0;
        if (ownGate) {
            clocks.oneByOne(); // the likely few are asked for: no bulk read of every Java thread's clock
        }
        long explained = readListed(tids, listed, reuse ? lastListed : null, all, windowKnown, gate);
        if (gate) {
            explained += readUnlessProvenIdle(tids, listed, explained, processCpuAtNanos);
        }
        if (clocks != null) {
            explained += readOwnRest(tids, listed, ownRest, ownRestAtNanos);
        }
        lastProcessCpu = processCpuAt;
        if (reuse && anyGone(listed)) {
            // a thread ended since the last listing: others may have been born, the listing says which
            for (Task t : tasks.values()) {
                t.readOk = t.listed;
                t.listed = false;
            }
            tids = listTasks();
            listed = new Task[tids.length];
            namesChanged = true;
            explained += readListed(tids, listed, null, true, windowKnown);
        }
        lastTids = tids;
        int n = tids.length;
        // the clocks are exact, but a join by name could be wrong: the process's own ticks still have the last word
        boolean selective = !all || touched > 0;
        if (selective && processDelta * TICK_NANOS - explained >= UNEXPLAINED_TICKS * TICK_NANOS) {
            // CPU went to threads not read yet. First those that have run since first seen (a JVM's
            // compiler, GC and VM threads, a worker that wakes now and then): in a process of thousands
            // of sleeping threads they are the likely ones, and a few dozen reads
            for (int i = 0; i < n; i++) {
                if ((!listed[i].readNow || listed[i].byClock) && listed[i].hasRun) {
                    explained += readOrRenew(tids, listed, i, true, true, false);
                }
            }
        }
        if (selective && processDelta * TICK_NANOS - explained >= UNEXPLAINED_TICKS * TICK_NANOS) {
            // still not explained: read them all rather than show it nowhere
            for (int i = 0; i < n; i++) {
                if (!listed[i].readNow || listed[i].byClock) {
                    readOrRenew(tids, listed, i, true, true, false);
                }
            }
        }
        for (Task t : listed) {
            if (!t.readNow && t.listed) {
                t.cpu = 0; // idle at its last read, and the process's ticks say it still is
            }
            if (t.byClock) {
                // its clock stood still up to then: its next delta starts there
                t.readNanos = clocks.readAt();
                t.readTick = tick;
            }
        }
        int kept = 0;
        for (Task t : listed) {
            kept += t.listed ? 1 : 0;
        }
        if (kept != tasks.size()) {
            tasks.values().removeIf(t -> {
                if (!t.listed) {
                    release(t);
                }
                return !t.listed;
            });
        }
        Task[] keep = new Task[n];
        for (int i = 0; i < n; i++) {
            keep[i] = listed[i].listed ? listed[i] : null;
        }
        lastListed = keep;
        readSwitches(tids, listed);
        // the names as counted before the reads, when no read changed them (a name changes seldom)
        Map<String, Integer> nameCount = java == null ? null
                : priorNames != null && !namesChanged && kept == n ? priorNames : namesOf(listed);
        // kept for the next tick only when it counts exactly the Tasks kept (every one read or left as it was)
        lastNames = nameCount != null && kept == n ? nameCount : null;
        List<ThreadSample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Task t = listed[i];
            if (!t.listed || t.state == '?') {
                continue; // ended after the listing
            }
            JavaThreadSample j = java == null ? null : java.forTask(tids[i], t.name, nameCount.get(t.name) == 1);
            out.add(shown(tids[i], t, j));
        }
        return out;
    }

    /**
     * Reads the threads of {@code tids} that are due ({@code all}: every one) into {@code listed};
     * one already read in this tick is not read again (a second listing in the same tick), unless that
     * read failed: its TID is listed again, so it names a thread born since. {@code inOrder}: the Tasks of
     * {@code tids} when they are the last listing's (else null). Returns the CPU nanoseconds read.
     */
    private long readListed(long[] tids, Task[] listed, Task[] inOrder, boolean all, boolean windowKnown) {
        return readListed(tids, listed, inOrder, all, windowKnown, false);
    }

    /**
     * @param likelyFirst read only the threads likely to have run (moved at their last read, R or D, due
     *                    in the rotation): {@link #readUnlessProvenIdle} then reads the others or proves them idle
     */
    private long readListed(long[] tids, Task[] listed, Task[] inOrder, boolean all, boolean windowKnown,
                            boolean likelyFirst) {
        long explained = 0;
        for (int i = 0; i < tids.length; i++) {
            // the last listing's Task where it is reused (the same TIDs, in order), else the map's
            Task t = inOrder != null && inOrder[i] != null ? inOrder[i] : tasks.get(tids[i]);
            if (t != null && t.readNow) {
                if (t.readOk) {
                    t.listed = true;
                    listed[i] = t;
                    continue;
                }
                release(t);
                t = null;
            }
            boolean known = t != null;
            if (!known) {
                t = new Task();
                tasks.put(tids[i], t);
                namesChanged = true;
            }
            t.listed = true;
            t.readNow = false;
            listed[i] = t;
            if (priorNames != null && known) {
                if (ownGate && tids[i] != readerTid && !likely(t, i)) {
                    continue; // left for readOwnRest
                }
                long cpu = readOwn(tids, listed, i);
                explained += cpu;
                ownLikelyCpu += tids[i] == readerTid ? 0 : cpu;
            } else if (likelyFirst && known && !likely(t, i)) {
                t.readNow = false; // left for readUnlessProvenIdle
            } else if (all || !known || t.hot || i % IDLE_EVERY == rotation) {
                // a known thread: its stat only when its schedstat moved, unless due (the class comment)
                boolean due = !known || !windowKnown || t.state == 'R' || idleMayChange && i % IDLE_EVERY == rotation;
                explained += readOrRenew(tids, listed, i, windowKnown, known, !due);
            }
        }
        return explained;
    }

    /** Whether a known thread is read before the process's clock is asked about the rest. */
    private boolean likely(Task t, int i) {
        return t.moved || t.state == 'R' || t.state == 'D' || t.state == '?' || idleMayChange && i % IDLE_EVERY == rotation;
    }

    /**
     * After the likely threads of another process were read ({@code explained}: their CPU since their last
     * reads), the others: left unread, at 0 % exactly, when the process's clock proves none of them ran,
     * else read as ever. The proof: every thread's CPU time as last read was read after the process clock of
     * the last tick ({@link #lastProcessCpu}, or it was proven unmoved then), so the CPU since then of the
     * threads read now, plus that of the others, is at most the clock's delta; when the threads read account
     * for all of it, and the clock did not move while they were read (none of them ran meanwhile, nor any
     * other), the others' share is zero. A thread that ended or was born leaves the clock's delta unexplained.
     * When the likely ones do not explain it, those that have run before (a JVM's compiler, GC and VM threads,
     * which wake now and then) are read next and the proof tried again; only then every thread. A clock
     * that moved while they were read (a thread running: a busy process) has every thread read at once.
     *
     * @param since {@link System#nanoTime} when the clock was read: where an unread thread's next delta starts
     * @return the CPU nanoseconds of the threads read here
     */
    private long readUnlessProvenIdle(long[] tids, Task[] listed, long explained, long since) {
        return readUnlessExplained(tids, listed, processCpuAt - lastProcessCpu, explained, since, false);
    }

    /**
     * The proof both gates share: the threads not read yet this tick are left unread (0 %, their next delta
     * from {@code since}) when the threads read explain the clock's {@code delta} to the nanosecond (and,
     * for another process, its clock stood still while they were read); else those that have run before
     * are read and the proof tried once more; else every one is read.
     *
     * @param explained the CPU since their last reads of the threads read so far (a reader's own aside)
     * @param own       threadlab's own process (its threads read as {@link #readOwn} reads them)
     * @return the CPU nanoseconds of the threads read here
     */
    private long readUnlessExplained(long[] tids, Task[] listed, long delta, long explained, long since, boolean own) {
        long more = 0;
        for (int round = 0; round < 2; round++) {
            if (!anyGone(listed) && explained + more == delta) {
                if (!own && processCpu.applyAsLong(pid) != processCpuAt) {
                    break; // a thread ran while they were read (a busy process): no proof this tick, every thread read
                }
                for (Task t : listed) {
                    if (t != null && !t.readNow && t.listed) {
                        untouched(t);
                        t.readNanos = since;
                        t.readTick = tick;
                    }
                }
                return more;
            }
            if (round == 0) {
                more += readRest(tids, listed, true, own);
            }
        }
        return more + readRest(tids, listed, false, own);
    }

    /**
     * The threads of this tick not read yet ({@code thoseThatRanBefore}: only those that have run since
     * first seen; {@code own}: threadlab's own, read as {@link #readOwn} reads them); returns their CPU
     * nanoseconds.
     */
    private long readRest(long[] tids, Task[] listed, boolean thoseThatRanBefore, boolean own) {
        long more = 0;
        for (int i = 0; i < tids.length; i++) {
            Task t = listed[i];
            if (t != null && !t.readNow && t.listed && (!thoseThatRanBefore || t.hasRun)) {
                boolean due = t.state == 'R' || idleMayChange && i % IDLE_EVERY == rotation;
                more += own ? readOwn(tids, listed, i) : readOrRenew(tids, listed, i, true, true, !due);
            }
        }
        return more;
    }

    /**
     * A known thread of threadlab's own process. Its files are left unread when it has not run since they
     * were read: a Java thread whose CPU clock stands where it stood then (same Java thread), else (the
     * JVM's own threads, a name that does not join) one whose {@code schedstat} has not moved, its
     * {@code stat} then unread. Not having run, its state letter, core and priority are as read, but
     * for two things that need no CPU: a wake-up still waiting for one (S to R) and a nice set from
     * outside; so a thread read R is read again every tick, and every thread at least every
     * {@link #IDLE_EVERY} ticks in rotation while either can happen ({@link #idleMayChange}).
     */
    private long readOwn(long[] tids, Task[] listed, int i) {
        Task t = listed[i];
        boolean due = idleMayChange && i % IDLE_EVERY == rotation || t.state == 'R';
        long id = clocks.javaId(tids[i], t.name, priorNames.getOrDefault(t.name, 0) == 1);
        // the reading thread runs as it reads: its clock is not asked, its schedstat is the one read with the clock
        long clock = id >= 0 && !(tids[i] == readerTid && readerNs >= 0) ? clocks.cpuNanos(id) : -1;
        boolean stood = clock >= 0 && id == t.javaId && clock == t.clockAtRead;
        if (!due && stood) {
            untouched(t);
            t.byClock = true;
            return 0;
        }
        // due, its clock still: its stat for the state letter, not its schedstat (no CPU to count)
        stillClock = due && stood;
        long delta = readOrRenew(tids, listed, i, true, true, !due && clock < 0);
        stillClock = false;
        Task now = listed[i];
        now.javaId = now.listed ? id : -1;
        now.clockAtRead = now.listed ? clock : -1;
        return delta;
    }

    /**
     * threadlab's own threads left unread by {@link #readListed} (unlikely to have run: not moved at their
     * last read, not R or D, not due), when the process's clock proves they did not run since the last
     * tick; else read, as without the clock. The proof: the process's clock counts every thread's
     * {@code sum_exec_runtime}, the ended ones' too, and brings the calling thread's up to date, which
     * {@code /proc/thread-self/schedstat} read right after shows unmoved (a scheduler tick between the two
     * moves it: no proof then). Less that, what is left ({@code rest}) is the other threads'. Every other
     * thread's CPU as last known was read after the last tick's clock, or proven unmoved at it; so when the
     * threads read now (the likely ones) moved by exactly the rest's delta, the others' share is zero. A
     * likely thread running while the clocks are read, a thread ending or born, a wrong join, all break
     * the equality: then those that have run before are read and the proof tried again; only then every
     * other thread. (Equal by chance would take an unlikely thread's CPU matching, to the nanosecond, a
     * likely one's since the clock.)
     *
     * @param rest this tick's, or NO_REST when the clock could not be read
     * @param at   {@link System#nanoTime} when the clock was read: where a thread proven idle starts its next delta
     * @return the CPU nanoseconds of the threads read here
     */
    private long readOwnRest(long[] tids, Task[] listed, long rest, long at) {
        long last = lastOwnRest;
        lastOwnRest = rest;
        if (!ownGate) {
            return 0;
        }
        ownGate = false; // proof made: a second listing in this tick (a thread ended) reads every thread
        return readUnlessExplained(tids, listed, rest - last, ownLikelyCpu, at, true);
    }

    /** The own process's clock less the reading thread's CPU, read right after it; NO_REST when either cannot be read. */
    private long ownRest() {
        readerNs = -1;
        long process = processCpu.applyAsLong(pid);
        if (process < 0) {
            return NO_REST;
        }
        Thread me = Thread.currentThread();
        if (readerThread != me) {
            // another thread takes the ticks (the first tick is its caller's): thread-self is bound at open
            files.release(readerSchedstat);
            readerSchedstat = null;
            readerThread = me;
            readerTid = files.read(readerStatPath) ? files.number(0) : -1;
            lastOwnRest = NO_REST; // the last rest left another thread out: nothing to compare with
        }
        if (readerTid < 0) {
            return NO_REST;
        }
        readerSchedstat = readVia(readerSchedstat, readerSchedstatPath);
        readerNs = lastRead ? files.number(0) : -1;
        readerRuns = lastRead ? files.number(2) : -1;
        return readerNs < 0 ? NO_REST : process - readerNs;
    }

    /**
     * A thread shown to have used no CPU since its last read: it counts as read in this tick, with 0 %
     * (exactly), and keeps what was read of it before.
     */
    private void untouched(Task t) {
        t.readNow = true;
        t.moved = false;
        t.cpu = 0;
        t.hot = t.state == 'D';
        touched++;
    }

    /**
     * What is shown of a thread this tick: the sample shown last tick when every figure in it is the same
     * (a sleeping thread: most of them), else a new one.
     */
    private static ThreadSample shown(long tid, Task t, JavaThreadSample j) {
        ThreadSample s = t.shown;
        String state = stateOf(t.state);
        if (s == null || s.tid() != tid || !s.name().equals(t.name) || !s.state().equals(state)
                || Double.compare(s.cpuPercent(), t.cpu) != 0 || s.core() != t.core || s.priority() != t.priority
                || s.nice() != t.nice || s.voluntarySwitches() != t.voluntary
                || s.involuntarySwitches() != t.involuntary || !java.util.Objects.equals(s.java(), j)) {
            s = new ThreadSample(tid, t.name, state, t.cpu, t.core, t.priority, t.nice, t.voluntary, t.involuntary, j);
            t.shown = s;
        }
        return s;
    }

    /** How many of these threads bear each kernel name, as read. */
    private static Map<String, Integer> namesOf(Task[] listed) {
        Map<String, Integer> count = new HashMap<>(listed.length * 2);
        for (Task t : listed) {
            count.merge(t.name, 1, Integer::sum);
        }
        return count;
    }

    /** How many of the listed threads bear each kernel name, as last read. */
    private Map<String, Integer> namesOf(long[] tids) {
        Map<String, Integer> count = new HashMap<>(tids.length * 2);
        for (long tid : tids) {
            Task t = tasks.get(tid);
            if (t != null) {
                count.merge(t.name, 1, Integer::sum);
            }
        }
        return count;
    }

    private static boolean anyGone(Task[] listed) {
        for (Task t : listed) {
            if (!t.listed) {
                return true;
            }
        }
        return false;
    }

    private long[] listTasks() {
        String[] names = files.entries(dir + "/task");
        long[] tids = new long[names.length];
        int n = 0;
        for (String s : names) {
            try {
                tids[n] = Long.parseLong(s);
                n++;
            } catch (NumberFormatException e) {
                // not a task directory
            }
        }
        tids = Arrays.copyOf(tids, n);
        Arrays.sort(tids);
        return tids;
    }

    /**
     * Reads thread {@code i}; when a known thread's read fails, its TID may already name a new thread
     * (its kept files are bound to the old one): then that one is read as a thread never seen.
     */
    private long readOrRenew(long[] tids, Task[] listed, int i, boolean windowKnown, boolean known,
                             boolean unlessIdle) {
        Task t = listed[i];
        long delta = read(tids[i], t, windowKnown, known, unlessIdle);
        if (t.listed || !known || t.stat == null) {
            return delta;
        }
        release(t);
        Task fresh = new Task();
        fresh.listed = true;
        tasks.put(tids[i], fresh);
        namesChanged = true;
        listed[i] = fresh;
        return read(tids[i], fresh, windowKnown, false, false);
    }

    /**
     * Reads a file through its kept handle (opened on first use), else by path (null only with a kept
     * handle: kept files are read without building their path); {@link #lastRead} says whether it worked.
     */
    private ProcFiles.Kept readVia(ProcFiles.Kept k, String path) {
        ProcFiles.Kept f = k != null ? k : files.keep(path);
        lastRead = f != null ? files.read(f) : files.read(path);
        return f;
    }

    /** The process's own files: one that fails is opened again (a PID reused shows in stat's start time). */
    private ProcFiles.Kept readProcessFile(ProcFiles.Kept k, String path) {
        ProcFiles.Kept f = readVia(k, path);
        if (!lastRead && f != null) {
            files.release(f);
            f = readVia(null, path);
            if (!lastRead) {
                files.release(f);
                f = null;
            }
        }
        return f;
    }

    private void release(Task t) {
        files.release(t.stat);
        files.release(t.schedstat);
        files.release(t.status);
        t.stat = null;
        t.schedstat = null;
        t.status = null;
    }

    private void clearTasks() {
        for (Task t : tasks.values()) {
            release(t);
        }
        tasks.clear();
        lastProcessCpu = -1;
        lastOwnRest = NO_REST;
        lastTids = null;
        lastListed = null;
        lastNames = null;
    }

    /** Closes every file this probe keeps open (the process is no longer watched). */
    @Override
    public void close() {
        clearTasks();
        files.release(statFile);
        files.release(statmFile);
        files.release(readerSchedstat);
        statFile = null;
        statmFile = null;
        readerSchedstat = null;
        readerThread = null;
    }

    /**
     * Reads one thread's stat and schedstat into its Task; returns its CPU nanoseconds since its previous
     * read (schedstat's; its ticks' where there is none; 0 when it ended meanwhile): summed over many
     * threads, nanoseconds do not lose a rounding per thread as ticks would. A thread born since the last tick spent all its ticks inside this window.
     * {@code unlessIdle}: its stat is not read when its schedstat shows it has not run since (see readOwn).
     */
    private long read(long tid, Task t, boolean windowKnown, boolean known, boolean unlessIdle) {
        t.readNow = true;
        t.byClock = false;
        String task = t.stat != null && t.schedstat != null ? null : dir + "/task/" + tid;
        // schedstat before stat: the state letter read after the arrivals count says whether the thread
        // was off a CPU since that count (see switchesCannotHaveChanged)
        long ns;
        long runs;
        if (stillClock && known) {
            ns = t.cpuNanos; // its Java clock stood still: it has not run, these have not moved
            runs = t.runs;
        } else if (tid == readerTid && readerNs >= 0 && clocks != null) {
            ns = readerNs; // the reading thread's own, read with the process clock this tick
            runs = readerRuns;
        } else {
            t.schedstat = readVia(t.schedstat, task == null ? null : task + "/schedstat");
            ns = lastRead ? files.number(0) : -1;
            runs = lastRead ? files.number(2) : -1;
        }
        // (arrivals > 0: a kernel that keeps no schedstat shows "0 0 0", which would say nothing ever ran)
        if (unlessIdle && known && windowKnown && runs > 0 && ns == t.cpuNanos && runs == t.runs && t.state != '?') {
            untouched(t);
            t.readNanos = clock.getAsLong();
            t.readTick = tick;
            return 0;
        }
        t.runs = runs;
        t.stat = readVia(t.stat, task == null ? null : task + "/stat");
        if (!lastRead) {
            t.listed = false;
            return 0;
        }
        TaskStat st = TaskStat.parse(files.buffer(), files.length());
        if (st == null) {
            t.listed = false;
            return 0;
        }
        updateName(t, st);
        long at = clock.getAsLong();
        long delta = st.ticks() - (known ? t.ticks : 0);
        long cpuNanos = ns >= 0 && (!known || t.cpuNanos >= 0) ? ns - (known ? t.cpuNanos : 0) : delta * TICK_NANOS;
        if (windowKnown) {
            t.cpu = Math.min(100, percentOf(cpuNanos, at - since(t, known, delta)));
        } else {
            t.cpu = Double.NaN;
        }
        long prevNs = t.cpuNanos;
        t.ticks = st.ticks();
        t.cpuNanos = ns;
        t.readNanos = at;
        t.readTick = tick;
        t.state = st.state();
        t.core = st.processor();
        t.priority = st.priority();
        t.nice = st.nice();
        t.hot = delta > 0 || st.state() == 'R' || st.state() == 'D';
        t.hasRun |= known && (delta > 0 || ns > prevNs && prevNs >= 0);
        t.moved = !known || delta > 0 || ns != prevNs || prevNs < 0;
        return Math.max(0, cpuNanos);
    }

    /** The state letters as Strings, made once: not a new String per thread per tick (10,000 a tick with 10,000 threads). */
    private static final String[] STATES = new String[128];

    static {
        for (char c = 0; c < STATES.length; c++) {
            STATES[c] = String.valueOf(c).intern();
        }
    }

    /** A state letter as a String (shared for ASCII, as the kernel's letters are). */
    static String stateOf(char state) {
        return state < STATES.length ? STATES[state] : String.valueOf(state);
    }

    /** Where the interval a thread's CPU delta covers starts. */
    private long since(Task t, boolean known, long tickDelta) {
        if (known && t.readTick == tick - 1) {
            return t.readNanos; // read last tick: exactly its own interval
        }
        if (known && tickDelta == 0) {
            // an idle thread read less often that stayed (nearly) idle: its few microseconds are spread
            // over all the time since its last read, not heaped on this window
            return t.readNanos;
        }
        // born since the last tick, or an idle thread that woke up: the process's ticks showed it idle at
        // every tick since its last read, so whatever it ran, it ran in this window
        return windowStart;
    }

    /** Thread names change rarely: keep the String while the kernel's bytes stay the same. */
    private void updateName(Task t, TaskStat st) {
        byte[] b = files.buffer();
        if (!Arrays.equals(b, st.nameStart(), st.nameEnd(), t.nameBytes, 0, t.nameBytes.length)) {
            t.nameBytes = Arrays.copyOfRange(b, st.nameStart(), st.nameEnd());
            t.name = st.name(b);
            namesChanged = true;
        }
    }

    @Override
    public void switchesWanted(LongPredicate wanted) {
        switchesWanted = wanted;
    }

    @Override
    public void idleMayChange(boolean mayChange) {
        idleMayChange = mayChange;
    }

    private void readSwitches(long[] tids, Task[] listed) {
        int n = tids.length;
        if (switchesWanted != EVERY_THREAD) {
            // on demand (the screen shows the selected thread's alone): the wanted threads' every tick,
            // the others' unknown (-1), not last known
            for (int i = 0; i < n; i++) {
                Task t = listed[i];
                if (!t.listed) {
                    continue;
                }
                if (switchesWanted.test(tids[i])) {
                    readStatus(tids[i], t);
                } else {
                    t.voluntary = -1;
                    t.involuntary = -1;
                    t.switchesSettled = false;
                    t.statusRuns = -1;
                }
            }
            return;
        }
        int budget = STATUS_PER_TICK;
        if (n > STATUS_PER_TICK) {
            // hot threads first (half the budget at most): their switches are the ones moving
            for (int i = 0; i < n && budget > STATUS_PER_TICK / 2; i++) {
                if (listed[i].hot && listed[i].listed) {
                    readStatus(tids[i], listed[i]);
                    budget--;
                }
            }
        }
        int count = Math.min(n, budget);
        int from = n <= count ? 0 : statusCursor % n;
        for (int i = 0; i < count; i++) {
            int k = (from + i) % n;
            if (listed[k].listed) {
                readStatus(tids[k], listed[k]);
            }
        }
        statusCursor = from + count;
    }

    private void readStatus(long tid, Task t) {
        boolean offCpu = t.readNow && t.runs > 0 && t.state != 'R';
        if (offCpu && switchesCannotHaveChanged(t)) {
            return;
        }
        t.status = readVia(t.status, t.status != null ? null : dir + "/task/" + tid + "/status");
        if (lastRead) {
            // the last lines of status: looked for from its end
            t.voluntary = files.lastField("voluntary_ctxt_switches:");
            t.involuntary = files.lastField("nonvoluntary_ctxt_switches:");
            t.switchesSettled = offCpu && t.statusOffCpu && t.runs == t.statusRuns;
            t.statusRuns = t.runs;
            t.statusOffCpu = offCpu;
        } else {
            t.switchesSettled = false;
            t.statusRuns = -1;
        }
    }

    /**
     * A switch away from a CPU follows an arrival on it. The arrivals (read this tick, before the state
     * letter, which is not R) are those of the last status read, and at that read the thread was off a
     * CPU: its arrivals had not moved since the read before, with the state not R at both. So it has
     * not run since, and its switch counts are the same. (One status read alone would not do: a thread
     * on a CPU at the arrivals' read, its state already set to sleep, can switch away just after its
     * status was read.)
     */
    private static boolean switchesCannotHaveChanged(Task t) {
        return t.switchesSettled && t.runs == t.statusRuns && t.voluntary >= 0;
    }

    private ProcessSample failed(String role, String error) {
        prevTicks = -1;
        close();
        Duration unknown = Duration.ofSeconds(-1);
        return new ProcessSample(pid, -1, lastName, "?", Double.NaN, unknown, unknown, -1, -1, -1, startTime, role,
                List.of(), error);
    }

    /**
     * Resident set size as {@code ps} and {@code top} show it: {@code statm}'s resident pages (what
     * VmRSS also reports). Field 24 of {@code stat} lags them by 100-360 KiB on current kernels (5-11%
     * of a small process); it is used only when {@code statm} cannot be read.
     */
    private long rssBytes(TaskStat st) {
        statmFile = readProcessFile(statmFile, statmPath);
        long pages = lastRead ? files.number(1) : -1;
        return (pages >= 0 ? pages : st.rssPages()) * SystemConstants.PAGE_SIZE;
    }

    private static Duration ticks(long t) {
        return Duration.ofMillis(t * 1000 / SystemConstants.HZ);
    }

    /** {@code t} ticks as a Duration: {@code last} when it is that already (a process's CPU time moves seldom). */
    private static Duration ticks(long t, Duration last) {
        long ms = t * 1000 / SystemConstants.HZ;
        return last.toMillis() == ms ? last : Duration.ofMillis(ms);
    }

    /** CPU nanoseconds over a wall-clock interval as percent of one core. */
    static double percentOf(long cpuNanos, long wallNanos) {
        if (wallNanos <= 0) {
            return Double.NaN;
        }
        return Math.max(0, cpuNanos) * 100.0 / wallNanos;
    }

    /** Ticks over a window as percent of one core. */
    static double percent(long ticks, double seconds) {
        if (!(seconds > 0)) {
            return Double.NaN;
        }
        return Math.max(0, ticks) * 100.0 / SystemConstants.HZ / seconds;
    }
}
