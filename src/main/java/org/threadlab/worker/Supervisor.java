package org.threadlab.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.threadlab.text.Durations;
import org.threadlab.text.Sizes;
import org.threadlab.work.HeapBudget;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.Workload;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.child.ChildPoolMember;

/**
 * The one owner of all workers: the UI, the headless commands and the lessons all drive this.
 * It spawns, terminates, joins and shuts down, enforces the limits, and publishes an event for
 * everything it does or sees.
 */
public final class Supervisor implements AutoCloseable {
    /** Heap a child gets on top of what a memory workload holds. */
    private static final long CHILD_HEAP_MARGIN = 128 * Sizes.MIB;
    /** How many ended workers are kept for display before the oldest are dropped. */
    public static final int MAX_ENDED = 500;

    private final Limits limits;
    private final SimulatedGil gil;
    private final EventLog events = new EventLog(EventLog.DEFAULT_CAPACITY);
    private final ConcurrentSkipListMap<Integer, Worker> workers = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    /**
     * Workers in this JVM (threads, virtual threads) started and not yet ended, kept as they start and
     * end: the limit is checked without a scan of every worker per spawn (10,000 spawns: O(N²)).
     */
    private final AtomicInteger liveInJvm = new AtomicInteger();
    /** Live virtual workers by round, kept as they start and end: a round's carrier CPU closes with its last, found without a scan. */
    private final Map<Integer, AtomicInteger> virtualAlive = new java.util.concurrent.ConcurrentHashMap<>();
    /** Ended workers still listed, kept as they end and go: past {@link #MAX_ENDED} the oldest go, without a count per end. */
    private final AtomicInteger endedListed = new AtomicInteger();
    private final SharedRounds rounds = new SharedRounds();
    /** The rounds asked for, oldest first (the newest {@link #MAX_ROUNDS}). */
    private final java.util.Deque<RoundInfo> roundsAsked = new java.util.ArrayDeque<>();
    private final AtomicInteger nextRound = new AtomicInteger();
    private volatile int baseline;
    /** The CPU of rounds of virtual threads, read from their carrier threads. */
    private final VirtualRoundCpu virtualCpu = new VirtualRoundCpu();
    /** How many rounds are kept. */
    public static final int MAX_ROUNDS = 200;
    private final List<RoundWatcher> roundWatchers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object endedLock = new Object();
    private final ScheduledExecutorService timer;
    private final Thread shutdownHook;
    private volatile boolean closed;
    private final LongSupplier availableMemory;
    /** Warm spare children ({@link #keepSpares}), or null: process workers start cold. */
    private volatile SparePool spares;
    private final Worker.Listener listener = new Worker.Listener() {
        @Override
        public void started(Worker w) {
            onStarted(w);
        }

        @Override
        public void ended(Worker w) {
            onEnded(w);
        }
    };

    /** The machine's available memory is not known: a process is not refused for the memory it needs. */
    public Supervisor(Limits limits, boolean gilOn) {
        this(limits, gilOn, UNKNOWN_MEMORY);
    }

    /** Memory not known: -1. */
    public static final LongSupplier UNKNOWN_MEMORY = () -> -1;

    /**
     * @param availableMemory the machine's available memory in bytes, -1 when unknown: a memory workload
     *                        the machine cannot hold is refused as a process (the sampler's platform
     *                        gives it; the supervisor knows nothing of how it is measured)
     */
    public Supervisor(Limits limits, boolean gilOn, LongSupplier availableMemory) {
        this.limits = limits;
        this.availableMemory = availableMemory;
        this.gil = new SimulatedGil(gilOn);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "threadlab-supervisor");
            t.setDaemon(true);
            return t;
        });
        // the last line of defence: whatever ends this JVM, its children go with it
        this.shutdownHook = new Thread(this::emergencyStop, "threadlab-exit");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public Supervisor() {
        this(Limits.DEFAULT, false);
    }

    /**
     * Keeps {@code count} warm spare children from now on (0: none): idle JVMs a process worker with a
     * spare's JVM flags is handed its work in, instead of starting one. They start in the background.
     *
     * @throws IllegalArgumentException for a count outside 0 to {@link SparePool#MAX}, or when spares are already kept
     */
    public synchronized void keepSpares(int count) {
        if (count < 0 || count > SparePool.MAX) {
            throw new IllegalArgumentException("spares must be between 0 and " + SparePool.MAX + ", not " + count);
        }
        if (spares != null) {
            throw new IllegalArgumentException("spares are already kept");
        }
        if (count > 0 && !closed) {
            spares = new SparePool(count, why -> events.publish(Event.Type.WARNING, 0, why));
        }
    }

    /** The warm spares not yet handed a workload, oldest first (none without {@link #keepSpares}). */
    public List<SparePool.SpareInfo> spares() {
        SparePool p = spares;
        return p == null ? List.of() : p.spares();
    }

    /** How many warm spares are kept, 0 for none. */
    public int sparesKept() {
        SparePool p = spares;
        return p == null ? 0 : p.size();
    }

    /**
     * For a process worker: {@link System#nanoTime()} when its child said hello (its work thread runs);
     * 0 before that, or for another kind of worker. What a spawn's ready time is measured to.
     */
    public long helloNanos(int id) {
        return workers.get(id) instanceof ProcessWorker p ? p.helloNanos() : 0;
    }

    /** Whether a process worker runs in what was a warm spare. */
    public boolean ranInSpare(int id) {
        return workers.get(id) instanceof ProcessWorker p && p.wasSpare();
    }

    public EventLog events() {
        return events;
    }

    public Limits limits() {
        return limits;
    }

    public SimulatedGil gil() {
        return gil;
    }

    public void setGil(boolean on) {
        if (gil.isEnabled() != on) {
            gil.setEnabled(on);
            events.publish(Event.Type.GIL, 0, "GIL " + (on ? "on" : "off") + " (switch interval "
                    + Durations.format(gil.switchInterval()) + ")");
        }
    }

    /**
     * Starts a worker. The spec is checked first; nothing is started when it is refused.
     *
     * @throws IllegalArgumentException for a bad workload spec
     * @throws SpawnRefused             for a limit, too little memory, or children that cannot start
     */
    public WorkerInfo spawn(WorkerKind kind, WorkloadSpec spec, boolean daemon) {
        if (closed) {
            throw new SpawnRefused("threadlab is shutting down");
        }
        return spawn(kind, Workloads.parse(spec), daemon);
    }

    /**
     * Starts one round: {@code count} workers of one workload, together (one {@code 4t}, one lesson step).
     * Those a limit refuses are not started; the ones started so far stay and form the round.
     *
     * @return the round and its workers; {@code refused} says why fewer than asked started (null when all did)
     */
    public RoundStart spawnRound(WorkerKind kind, TypedSpec spec, int count, boolean daemon) {
        if (count < 1) {
            throw new IllegalArgumentException("a round has at least one worker, not " + count);
        }
        int round = nextRound.incrementAndGet();
        java.time.Instant requested = java.time.Instant.now();
        boolean gilOn = gil.isEnabled();
        List<WorkerInfo> started = new ArrayList<>();
        String refused = null;
        if (kind == WorkerKind.VIRTUAL) {
            // a pool's work is done on platform threads, not on the carriers: the carriers cannot say it
            boolean alone = !"pool".equals(spec.name())
                    && workers.values().stream().noneMatch(w -> w.kind == WorkerKind.VIRTUAL && w.state.alive());
            virtualCpu.opening(round, alone);
        }
        try {
            for (int i = 0; i < count; i++) {
                try {
                    started.add(spawn(kind, spec, daemon, round));
                } catch (SpawnRefused | IllegalArgumentException e) {
                    refused = e.getMessage();
                    break;
                }
            }
        } finally {
            // its shared-state round could not end while its workers were starting: now it may
            tell(rounds.opened(round, () -> allInfo(0, null)));
        }
        String params = spec.changed();
        RoundInfo info = new RoundInfo(round, kind, spec.name(), params, count, started.size(), daemon, gilOn, requested);
        if (!started.isEmpty()) {
            synchronized (roundsAsked) {
                roundsAsked.addLast(info);
                while (roundsAsked.size() > MAX_ROUNDS) {
                    roundsAsked.removeFirst();
                }
            }
        }
        return new RoundStart(info, List.copyOf(started), refused);
    }

    /** A round asked for and what came of the asking. */
    public record RoundStart(RoundInfo round, List<WorkerInfo> workers, String refused) {}

    /**
     * Marks a round as the one later rounds are compared with (the teacher's choice; 0 goes back to the
     * default, the latest single-worker round of the same workload).
     *
     * @throws IllegalArgumentException for a round that was never started
     */
    public void setBaseline(int round) {
        if (round != 0 && rounds().stream().noneMatch(r -> r.id() == round)) {
            throw new IllegalArgumentException("there is no round #" + round);
        }
        if (baseline != round) {
            baseline = round;
            events.publish(Event.Type.INFO, 0, round == 0 ? "baseline: the single-worker round of each workload"
                    : "baseline: round #" + round);
        }
    }

    /** The round the teacher marked as the baseline, 0 for the default. */
    public int baseline() {
        return baseline;
    }

    /**
     * The CPU of the rounds of virtual threads that have ended, by round id: their carrier threads' CPU
     * over the round; -1 for one that could not be measured (other virtual threads shared the carriers,
     * a pool, or a JVM that cannot say). A round still running is absent.
     */
    public Map<Integer, Long> virtualRoundCpu() {
        return virtualCpu.measured();
    }

    /** The rounds started, oldest first (the newest {@link #MAX_ROUNDS}). */
    public List<RoundInfo> rounds() {
        synchronized (roundsAsked) {
            return List.copyOf(roundsAsked);
        }
    }

    /** Starts a worker from a spec already checked at the edge (an option, the dialog): nothing is parsed again. */
    public WorkerInfo spawn(WorkerKind kind, TypedSpec spec, boolean daemon) {
        return spawn(kind, spec, daemon, 0);
    }

    private WorkerInfo spawn(WorkerKind kind, TypedSpec spec, boolean daemon, int round) {
        if (closed) {
            throw new SpawnRefused("threadlab is shutting down");
        }
        int need = processesNeeded(kind, spec);
        if (kind == WorkerKind.VIRTUAL) {
            virtualCpu.virtualStarting(round);
        }
        Worker started;
        WorkerInfo info;
        synchronized (this) {
            try {
                checkLimits(kind, spec, need);
            } catch (SpawnRefused e) {
                events.publish(Event.Type.REFUSED, 0, "refused " + kind + " " + spec.describe() + ": " + e.getMessage());
                throw e;
            }
            int id = nextId.incrementAndGet();
            String name = spec.name() + "-" + id;
            Worker w;
            try {
                w = create(id, name, kind, rounds.register(id, kind, spec, round), daemon);
            } catch (RuntimeException e) {
                rounds.unregister(id);
                throw new SpawnRefused(e.getMessage());
            }
            w.reserved = need;
            w.round = round;
            workers.put(id, w);
            if (kind.inThisJvm()) {
                liveInJvm.incrementAndGet();
            }
            if (kind == WorkerKind.VIRTUAL && round > 0) {
                virtualAlive.computeIfAbsent(round, k -> new AtomicInteger()).incrementAndGet();
            }
            try {
                w.start();
            } catch (RuntimeException e) {
                workers.remove(id);
                if (kind.inThisJvm()) {
                    liveInJvm.decrementAndGet();
                }
                if (kind == WorkerKind.VIRTUAL && round > 0) {
                    virtualAlive.get(round).decrementAndGet();
                }
                rounds.unregister(id);
                events.publish(Event.Type.REFUSED, id, "could not start " + name + ": " + e.getMessage());
                throw e instanceof SpawnRefused ? e : new SpawnRefused(e.getMessage());
            }
            started = w;
            info = w.info();
        }
        // a thread worker's start event, published here rather than on its own thread (ThreadWorker.afterStart)
        started.afterStart();
        return info;
    }

    private Worker create(int id, String name, WorkerKind kind, TypedSpec spec, boolean daemon) {
        // the processes the worker starts (pool members, a queue's consumer) become workers of their own
        MemberSet members = new MemberSet(this::addMember);
        Worker w;
        long held = spec.type().memoryNeeded(spec);
        boolean exhausts = spec.type().exhaustsMemory(spec);
        if (kind == WorkerKind.PROCESS) {
            long heap = held > 0 ? held + CHILD_HEAP_MARGIN
                    // a child that is to run out of memory does so in a small heap, in a moment, not after gigabytes
                    : exhausts ? CHILD_HEAP_MARGIN : 0;
            w = new ProcessWorker(id, name, spec, daemon, listener, heap, gil.isEnabled(), gil.switchInterval().toNanos(), spares);
        } else {
            Workload workload = Workloads.create(spec, new ChildPoolMember.Starter(Integer.toString(id), members));
            w = new ThreadWorker(id, name, kind, spec.text(), daemon, listener, workload, gil);
        }
        w.takesHeap = held > 0 || exhausts;
        members.bind(w);
        w.members = members;
        return w;
    }

    /** A process a worker started: a worker of its own from now on, shown under its owner. */
    private MemberWorker addMember(Worker owner, String name, WorkloadSpec spec, long pid, Process process) {
        synchronized (this) {
            MemberWorker m = new MemberWorker(nextId.incrementAndGet(), name, spec, owner.daemon, listener, owner, pid, process);
            workers.put(m.id, m);
            m.start();
            return m;
        }
    }

    /**
     * How many processes a worker of this kind and workload runs at once: itself, when it is a
     * process, and those it starts: a process pool's members (one per pool worker, at most one per
     * input), a queue's consumer (a queue in a process passes its items to a second process).
     */
    public static int processesNeeded(WorkerKind kind, TypedSpec spec) {
        return (kind == WorkerKind.PROCESS ? 1 : 0) + spec.type().processesStarted(spec, kind == WorkerKind.PROCESS);
    }

    /**
     * Live processes, as counted against the limit: what each live worker reserved (itself and the
     * processes it starts), and members still alive after their owner ended.
     */
    private long liveProcesses() {
        long n = 0;
        for (Worker w : workers.values()) {
            if (w.owner == 0) {
                n += w.state.alive() ? w.reserved : 0;
            } else if (w.state.alive()) {
                Worker owner = workers.get(w.owner);
                n += owner == null || !owner.state.alive() ? 1 : 0;
            }
        }
        return n;
    }

    private void checkLimits(WorkerKind kind, TypedSpec spec, int processesNeeded) {
        String onlyProcess = spec.type().onlyAsProcess(spec);
        if (kind.inThisJvm() && onlyProcess != null) {
            throw new SpawnRefused(onlyProcess + " (p)");
        }
        if (kind == WorkerKind.VIRTUAL && !VirtualThreads.available()) {
            throw new SpawnRefused(VirtualThreads.unavailableReason());
        }
        // the processes are counted only for a spawn that needs one: a thread's spawn scans no list
        long processes = processesNeeded > 0 ? liveProcesses() : 0;
        long threads = liveInJvm.get();
        if (processesNeeded == 1 && processes >= limits.maxProcesses()) {
            throw new SpawnRefused("the limit of " + limits.maxProcesses() + " live processes is reached");
        }
        if (processesNeeded > 1 && processes + processesNeeded > limits.maxProcesses()) {
            int started = processesNeeded - (kind == WorkerKind.PROCESS ? 1 : 0);
            throw new SpawnRefused("it needs " + processesNeeded + " processes (" + spec.name() + (kind == WorkerKind.PROCESS ? " in a process" : "")
                    + " with " + spec.type().startedProcesses(started)
                    + "), over the limit of " + limits.maxProcesses() + " live processes" + (processes > 0 ? " (" + processes + " running)" : ""));
        }
        if (kind.inThisJvm() && threads >= limits.maxThreads()) {
            throw new SpawnRefused("the limit of " + limits.maxThreads() + " live threads is reached");
        }
        long need = Workloads.memoryNeeded(spec);
        if (need > 0) {
            if (kind.inThisJvm()) {
                long budget = HeapBudget.perThreadWorkload();
                if (need > budget) {
                    throw new SpawnRefused("needs " + Sizes.format(need) + " but a thread may take at most " + Sizes.format(budget)
                            + " of threadlab's heap, which every thread shares (run it as a process: it gets a heap of its own)");
                }
                Runtime rt = Runtime.getRuntime();
                long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
                if (need > free - 32 * Sizes.MIB) {
                    throw new SpawnRefused("needs " + Sizes.format(need) + " but threadlab's heap has only "
                            + Sizes.format(Math.max(0, free)) + " free (run it as a process, or give threadlab a larger -Xmx)");
                }
            } else {
                long available = availableMemory.getAsLong();
                if (available > 0 && need + CHILD_HEAP_MARGIN > available) {
                    throw new SpawnRefused("needs " + Sizes.format(need) + " but the machine has only "
                            + Sizes.format(available) + " available");
                }
            }
        }
    }

    private void onStarted(Worker w) {
        if (w instanceof MemberWorker m) {
            events.publish(Event.Type.STARTED, w.id, "started process " + w.name + " (pid " + w.pid + ", for " + m.ownerName
                    + "): " + w.spec.describe());
            return;
        }
        long watchdog = w.watchdogPid();
        // an exec worker: the program is the process; the watchdog JVM that runs it is named as such
        String where = watchdog > 0 ? (w.pid != watchdog ? "pid " + w.pid + ", run by watchdog pid " + watchdog
                : "watchdog pid " + watchdog + ", its program did not start")
                : w.kind == WorkerKind.PROCESS ? "pid " + w.pid + (w instanceof ProcessWorker p && p.wasSpare() ? ", a warm spare" : "")
                : "in pid " + w.pid;
        events.publish(Event.Type.STARTED, w.id, "started " + w.kind + " " + w.name + " (" + where
                + (w.daemon ? ", daemon" : "") + "): " + w.spec.describe());
    }

    private void onEnded(Worker w) {
        if (w.kind.inThisJvm()) {
            liveInJvm.decrementAndGet();
        }
        WorkerInfo i = w.info();
        String took = Durations.seconds(i.age(i.endedAt()));
        switch (i.state()) {
            case FINISHED -> events.publish(Event.Type.FINISHED, w.id, w.name + " finished after " + took
                    + (i.result() != null ? ": " + i.result() : ""));
            case FAILED -> events.publish(Event.Type.FAILED, w.id, w.name + " failed after " + took + ": " + i.reason());
            default -> events.publish(Event.Type.TERMINATED, w.id, w.name + " " + i.reason() + " after " + took);
        }
        endedListed.incrementAndGet();
        // not every worker's info per end: 10,000 workers ending (a quit) would make 10,000 maps of 10,000
        AtomicInteger virtualLeft = w.kind == WorkerKind.VIRTUAL && w.round > 0 ? virtualAlive.get(w.round) : null;
        if (virtualLeft != null && virtualLeft.decrementAndGet() == 0) {
            virtualAlive.remove(w.round);
            virtualCpu.closed(w.round);
        }
        // the round's members are read when it closes, under its lock: a worker started since this one ended counts
        tell(rounds.ended(i, () -> allInfo(w.id, i)).stream().toList());
        MemberSet members = w.members;
        if (members != null) {
            members.ownerEnded();
        }
        dropOldestEnded();
        if (w.kind.inThisJvm() && (w.takesHeap || (i.reason() != null && i.reason().startsWith("out of memory")))) {
            // the heap grew for this worker and would stay grown: give the memory back, off the worker's thread
            try {
                timer.execute(HeapBudget::shrink);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed: threadlab is on its way out, and its memory with it
            }
        }
    }

    /** Every worker's info by id, with {@code info} for the one that is ending (id 0: none). */
    private Map<Integer, WorkerInfo> allInfo(int ending, WorkerInfo info) {
        Map<Integer, WorkerInfo> all = new HashMap<>();
        for (Worker x : workers.values()) {
            all.put(x.id, x.id == ending ? info : x.info());
        }
        return all;
    }

    /** Tells the watchers of the shared-state rounds that ended. */
    private void tell(List<SharedRounds.Ended> ended) {
        for (SharedRounds.Ended e : ended) {
            for (RoundWatcher watcher : roundWatchers) {
                watcher.ended(e.round(), e.lastWorkerId());
            }
        }
    }

    /** Ended workers stay listed until cleared, but never more than {@link #MAX_ENDED}: memory stays flat. */
    private void dropOldestEnded() {
        // workers end on their own threads: one at a time here, or two would both drop the same surplus
        synchronized (endedLock) {
            for (Worker x : workers.values()) {
                if (endedListed.get() <= MAX_ENDED) {
                    return;
                }
                if (x.state.ended() && workers.remove(x.id, x)) {
                    endedListed.decrementAndGet();
                }
            }
        }
    }

    /** Told when the last worker of a shared-state lesson's round has ended (and its end is published). */
    public interface RoundWatcher {
        void ended(SharedRounds.Round round, int lastWorkerId);
    }

    /**
     * Adds a watcher of the shared-state rounds: it hears each round's end on the thread that
     * recorded its last worker's end, right after that end is published and before a new round of
     * the same group can begin, so what it reads (the parent's counter) is the round's own.
     */
    public void onRoundEnded(RoundWatcher watcher) {
        roundWatchers.add(watcher);
    }

    public List<WorkerInfo> workers() {
        List<WorkerInfo> list = new ArrayList<>(workers.size());
        for (Worker w : workers.values()) {
            list.add(w.info());
        }
        return list;
    }

    public Optional<WorkerInfo> worker(int id) {
        Worker w = workers.get(id);
        return w == null ? Optional.empty() : Optional.of(w.info());
    }

    private Worker require(int id) {
        Worker w = workers.get(id);
        if (w == null) {
            throw new IllegalArgumentException("no worker " + id);
        }
        return w;
    }

    /** Asks a worker to stop cooperatively (a thread: interrupt and cancel flag; a process: "stop" on its pipe). */
    public void cancel(int id) {
        Worker w = require(id);
        if (w.state.alive()) {
            events.publish(Event.Type.TERMINATING, id, "asked " + w.name + " to stop");
            w.cancel();
        }
    }

    /**
     * Terminates a worker: a process gets SIGTERM and, if still alive after the grace period, SIGKILL;
     * a thread is interrupted and cancelled, and if it ignores that it is reported as still running.
     * Returns at once; the future completes with the worker's view when it has ended or the grace is over.
     */
    public CompletableFuture<WorkerInfo> terminate(int id) {
        return stop(require(id), false, "");
    }

    /** Kills a process now (SIGKILL); for a thread this is the same as terminate: threads cannot be killed. */
    public CompletableFuture<WorkerInfo> kill(int id) {
        return stop(require(id), true, "");
    }

    private CompletableFuture<WorkerInfo> stop(Worker w, boolean now, String why) {
        if (!w.state.alive()) {
            return CompletableFuture.completedFuture(w.info());
        }
        if (w.kind == WorkerKind.PROCESS) {
            events.publish(Event.Type.TERMINATING, w.id, why + "sending " + (now ? "SIGKILL" : "SIGTERM")
                    + " to " + w.name + " (pid " + w.pid + ")");
            w.terminate(now);
            if (!now) {
                timer.schedule(() -> {
                    if (w.isAlive()) {
                        events.publish(Event.Type.KILLED, w.id, w.name + " still alive after "
                                + Durations.format(limits.grace()) + " grace: sending SIGKILL");
                        w.terminate(true);
                    }
                }, limits.grace().toMillis(), TimeUnit.MILLISECONDS);
            }
        } else {
            events.publish(Event.Type.TERMINATING, w.id, why + "interrupting " + w.name
                    + (now ? " (a thread cannot be killed, only asked to stop)" : ""));
            w.terminate(now);
            timer.schedule(() -> {
                if (w.state.alive()) {
                    events.publish(Event.Type.STUBBORN, w.id, w.name + " ignores the stop request and is still running"
                            + " after " + Durations.format(limits.grace()) + " (threads cannot be killed)");
                }
            }, limits.grace().toMillis(), TimeUnit.MILLISECONDS);
        }
        long waitMs = limits.grace().toMillis() + 2000;
        // a copy: completing the worker's own future on timeout would end every later join at once,
        // with the stubborn worker still running
        return w.ended.copy().completeOnTimeout(null, waitMs, TimeUnit.MILLISECONDS).thenApply(i -> w.info());
    }

    /**
     * Waits for a worker to end, at most {@code timeout} (null: no limit), and publishes how the wait went.
     */
    public JoinResult join(int id, Duration timeout) throws InterruptedException {
        Worker w = require(id);
        long start = System.nanoTime();
        boolean timedOut = false;
        try {
            if (timeout == null) {
                w.ended.get();
            } else {
                w.ended.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            timedOut = true;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        WorkerInfo info = w.info();
        if (timedOut) {
            events.publish(Event.Type.JOIN_TIMEOUT, id, "join " + w.name + " timed out after "
                    + Durations.seconds(waited) + ": still " + info.state().label());
        } else {
            events.publish(Event.Type.JOINED, id, "joined " + w.name + " after " + Durations.seconds(waited)
                    + " (" + info.state().label() + ")");
        }
        return new JoinResult(info, waited, timedOut);
    }

    /** Joins every live worker, sharing one deadline. */
    public List<JoinResult> joinAll(Duration timeout) throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        List<JoinResult> results = new ArrayList<>();
        List<Worker> alive = new ArrayList<>();
        for (Worker w : workers.values()) {
            // not state.alive(): a worker's state turns ended a moment before its end is fully
            // recorded (events, outcomes); joining waits for the record
            if (!w.ended.isDone()) {
                alive.add(w);
            }
        }
        // like joining each thread in a list: one that already ended returns at once
        for (Worker w : alive) {
            if (w.owner == 0) {
                Duration left = timeout == null ? null : Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                results.add(join(w.id, left));
            }
        }
        // the processes those workers started end with them: waited for too, without a join of their own
        for (Worker w : alive) {
            if (w.owner != 0) {
                try {
                    w.ended.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                    // still running: the summary shows it so
                }
            }
        }
        return results;
    }

    /** Terminates every live worker and waits for the outcome (at most grace + 2 s). */
    public List<WorkerInfo> terminateAll() {
        List<CompletableFuture<WorkerInfo>> pending = new ArrayList<>();
        for (Worker w : workers.values()) {
            // the processes a worker started go with it (their owner stops them)
            if (w.state.alive() && w.owner == 0) {
                pending.add(stop(w, false, ""));
            }
        }
        return collect(pending);
    }

    /**
     * Python's exit rules: daemon workers are killed; non-daemon ones are joined (or terminated when
     * {@code killNonDaemon}). Then no child process is left: one that survived everything gets SIGKILL.
     */
    public List<WorkerInfo> shutdown(boolean killNonDaemon) throws InterruptedException {
        closed = true;
        List<CompletableFuture<WorkerInfo>> pending = new ArrayList<>();
        for (Worker w : workers.values()) {
            // the processes a worker started go with it; the emergency stop below catches any left
            if (!w.state.alive() || w.owner != 0) {
                continue;
            }
            if (w.daemon) {
                pending.add(stop(w, false, "daemon at exit: "));
                w.ended.thenRun(() -> events.publish(Event.Type.DAEMON_KILLED, w.id, w.name + " was killed as a daemon at exit"));
            } else if (killNonDaemon) {
                pending.add(stop(w, false, "exit without waiting: "));
            }
        }
        if (!killNonDaemon) {
            for (Worker w : workers.values()) {
                if (w.state.alive() && !w.daemon && w.owner == 0) {
                    events.publish(Event.Type.INFO, w.id, "waiting for non-daemon " + w.name + " before exit");
                    join(w.id, null);
                }
            }
        }
        List<WorkerInfo> result = collect(pending);
        emergencyStop();
        awaitMembersRecorded();
        return result;
    }

    /**
     * The processes a worker started end a moment after it (their stdin closes with their owner) and
     * are recorded a moment after that (their own report may still be on its way): waits for those
     * records, bounded, so that what is read after shutdown (run's summary) says how each ended
     * rather than showing it still running.
     */
    private void awaitMembersRecorded() {
        long deadline = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(MemberSet.EXIT_MILLIS + MemberSet.REPORT_MILLIS + EXIT_CLEANUP_MILLIS);
        for (Worker w : workers.values()) {
            if (w.owner == 0) {
                continue;
            }
            try {
                w.ended.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                // not recorded in time: the summary shows it as it is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<WorkerInfo> collect(List<CompletableFuture<WorkerInfo>> pending) {
        List<WorkerInfo> out = new ArrayList<>();
        for (CompletableFuture<WorkerInfo> f : pending) {
            out.add(f.join());
        }
        return out;
    }

    /** Removes ended workers from the list; returns how many. */
    public int clearEnded() {
        int n = 0;
        for (Worker w : workers.values()) {
            if (w.state.ended() && workers.remove(w.id, w)) {
                endedListed.decrementAndGet();
                n++;
            }
        }
        return n;
    }

    /** How long children get to go by themselves, their stdin closed, before the emergency stop sends SIGKILL. */
    static final long EXIT_CLEANUP_MILLIS = 2000;

    /**
     * Stops every child still alive, no questions: the shutdown hook's job, and shutdown's last step.
     * First the way that lets a child clean up: its stdin is closed, so it halts at once, and an exec
     * watchdog kills its program before it goes (SIGKILL to a watchdog whose program's PID has not
     * arrived yet would orphan the program). Only what is still alive after that gets SIGKILL.
     */
    void emergencyStop() {
        SparePool p = spares;
        if (p != null) {
            // no spare starts after this, and those idle halt at once: their stdin closes
            p.close();
        }
        List<Worker> alive = new ArrayList<>();
        for (Worker w : workers.values()) {
            if (w.kind == WorkerKind.PROCESS && w.isAlive()) {
                alive.add(w);
            }
        }
        if (alive.isEmpty()) {
            return;
        }
        for (Worker w : alive) {
            w.closeInput();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_CLEANUP_MILLIS);
        try {
            while (alive.stream().anyMatch(Worker::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Worker w : alive) {
            if (w.isAlive()) {
                w.killAll();
            }
        }
    }

    /** Terminates everything (no waiting for non-daemon workers) and releases the supervisor's threads. */
    @Override
    public void close() {
        try {
            shutdown(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emergencyStop();
        } finally {
            timer.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }
}
