package org.threadlab.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.SliceBatch;
import org.threadlab.sample.SliceSource;
import org.threadlab.sample.SliceWatch;
import org.threadlab.text.Reasons;
import org.threadlab.sample.WatchList;
import org.threadlab.work.SimulatedGil;
import org.threadlab.worker.Event;
import org.threadlab.worker.SparePool;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * The live model: on one thread of its own ("threadlab-model"), fed by typed {@link HubInput}s (a
 * measurement arrived, the supervisor published an event, someone waits for the model to be current),
 * it joins the sampler's latest measurement with the supervisor's workers, events and GIL books into
 * the {@link Snapshot} the screen draws. Data flows one way: the sampler and the supervisor post, the
 * hub never calls back into a tick, so a spawn never waits for one. After each model it tells the
 * sampler what to watch. Inputs that queue up while a model is built are taken together: one model
 * for the batch.
 *
 * <p>The fine timeline: given a {@link SliceSource}, the hub starts it while the timeline is shown
 * ({@link #showTimeline}), tells it after every model what to follow, and turns its batches (with the
 * simulated GIL's exact spans) into a new {@link Timeline} for {@link #onTimeline} listeners, without a new
 * snapshot: a recorder writes every snapshot, and a timeline ten times a second must not swell recordings.
 */
public final class ModelHub implements SnapshotSource {
    /** How many supervisor events a snapshot carries. */
    public static final int EVENTS = 200;
    /** The longest {@link #awaitCurrent()} waits. */
    static final Duration AWAIT = Duration.ofSeconds(2);
    private static final SimulatedGil.State NO_GIL = new SimulatedGil(false).state();
    /** What {@link Timeline#error()} says where the hub was given no slice source. */
    public static final String NO_TIMELINE = "no fine timeline in this session";

    private final Sampler sampler;
    private final Supervisor supervisor;
    private final SliceSource slices;
    private final List<Consumer<Timeline>> timelineListeners = new CopyOnWriteArrayList<>();
    private volatile Timeline timeline;
    private final BlockingQueue<HubInput> inbox = new LinkedBlockingQueue<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot latest;
    private volatile boolean closed;
    private volatile Thread thread;

    // the hub thread's own state
    private final WorkerJoin join = new WorkerJoin();
    private final RoundBook rounds = new RoundBook();
    private final Deque<Event> samplerEvents = new ArrayDeque<>();
    private Measurement lastGood;
    private Measurement lastFailed;
    private final TimelineBook timelineBook = new TimelineBook();
    /** Processes watched but not started by threadlab (attach): hub thread only, and the starter's before it runs. */
    private final AttachBook attached = new AttachBook();
    /** The attach book's version the sampler's watch list was last made with. */
    private long watchedAttachVersion = -1;
    private boolean timelineShown;
    /** Whether the all-processes view is open: the sampler reads every process only then. */
    private boolean processesShown;
    /** The threads whose switch counts are read (null: every thread's, until the screen asks otherwise). */
    private java.util.Set<Long> switchTids;
    /** A recording asked for every figure of every thread (switch counts...): the screen's asks are ignored from then on. */
    private boolean everyFigurePinned;
    /** False for a {@link #manual} hub, whose sampler ticks only when asked. */
    private boolean ticking;
    private SliceWatch sliceWatch;
    private String samplerError;
    private String listenerError;
    private long seq;
    /** What the sampler's watch list was last made from ({@link #watchKey}). */
    private long[] watchedKey;
    /** When the last model was begun (System.nanoTime), and the least time between models for supervisor events alone. */
    private long lastModelNanos = System.nanoTime() - EVENT_MODEL_NANOS;
    static final long EVENT_MODEL_NANOS = 100_000_000L;

    /**
     * @param sampler    the hub's own from now on: started by {@link #start()}, closed by {@link #close()}
     * @param supervisor whose workers to show; null for none
     */
    public ModelHub(Sampler sampler, Supervisor supervisor) {
        this(sampler, supervisor, null);
    }

    /**
     * @param slices the fine timeline's source, the hub's own from now on (started while the timeline is
     *               shown, closed by {@link #close()}); null for none, which {@link Timeline#error()} says
     */
    public ModelHub(Sampler sampler, Supervisor supervisor, SliceSource slices) {
        this.sampler = sampler;
        this.supervisor = supervisor;
        this.slices = slices;
        String why = slices == null ? NO_TIMELINE : slices.unavailable();
        this.timeline = why == null ? Timeline.EMPTY : timelineBook.failed(why);
    }

    /** A hub started on this sampler and supervisor: {@link #latest()} is set when this returns. */
    public static ModelHub start(Sampler sampler, Supervisor supervisor) {
        return start(sampler, supervisor, null);
    }

    /** As above, with the fine timeline's source (null: none). */
    public static ModelHub start(Sampler sampler, Supervisor supervisor, SliceSource slices) {
        ModelHub hub = new ModelHub(sampler, supervisor, slices);
        hub.start();
        return hub;
    }

    /**
     * A hub whose sampler ticks only when asked ({@link #sampleNow()}): tests and benches that want
     * every window to be theirs. {@link #latest()} is set when this returns.
     */
    public static ModelHub manual(Sampler sampler, Supervisor supervisor) {
        return manual(sampler, supervisor, null);
    }

    /** As above, with the fine timeline's source (null: none); it too reads only while shown. */
    public static ModelHub manual(Sampler sampler, Supervisor supervisor, SliceSource slices) {
        ModelHub hub = new ModelHub(sampler, supervisor, slices);
        hub.start(false);
        return hub;
    }

    /** Starts the hub's thread and the sampler (whose first tick is in {@link #latest()} on return). */
    public void start() {
        start(true);
    }

    private void start(boolean ticking) {
        if (thread != null || closed) {
            throw new IllegalStateException(closed ? "the model is closed" : "the model is already running");
        }
        this.ticking = ticking;
        sampler.watch(watchList(workers(), spares(), attached.live()));
        watchedAttachVersion = attached.version();
        if (supervisor != null) {
            // what the supervisor does shows at once, not at the next tick: posted, never waited for
            supervisor.events().subscribe(e -> post(new HubInput.SupervisorEvent(e)));
        }
        // the GIL's books are read here, on the sampler's thread right after its reads: header and rows
        // are then made from the same two readings, whose span is the measurement's
        sampler.onMeasurement(m -> post(new HubInput.Measured(m, supervisor == null ? null : supervisor.gil().accounting())));
        if (slices != null) {
            slices.onSlices(b -> post(new HubInput.Sliced(b)));
        }
        Thread t = new Thread(this::loop, "threadlab-model");
        t.setDaemon(true);
        thread = t;
        t.start();
        if (ticking) {
            sampler.start();
        } else {
            sampler.sampleNow();
        }
        awaitCurrent();
    }

    /** Queues an input for the hub's thread; returns at once. Ignored once closed. */
    public void post(HubInput input) {
        if (!closed) {
            inbox.add(input);
        }
    }

    /** Takes a tick now and waits until it is in the model (tests, and whoever needs a fresh figure). */
    public Snapshot sampleNow() {
        // first the model, so the sampler watches every worker posted so far (a spawn a moment ago)
        awaitCurrent();
        sampler.sampleNow();
        return awaitCurrent();
    }

    @Override
    public Snapshot awaitCurrent() {
        Thread t = thread;
        if (t == null || t == Thread.currentThread() || closed) {
            return latest; // on the hub's own thread (a listener) everything before is handled already
        }
        CountDownLatch done = new CountDownLatch(1);
        inbox.add(new HubInput.Sync(done));
        try {
            done.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return latest;
    }

    private void loop() {
        List<HubInput> batch = new ArrayList<>();
        while (!closed) {
            try {
                // blocks until something is posted: between ticks, with nothing posted, the thread does not
                // wake at all (it polled every 500 ms, two wake-ups a tick for nothing). close() sets closed,
                // then interrupts: take() throws, or a build that swallowed the interrupt finds closed set
                batch.add(inbox.take());
                inbox.drainTo(batch);
                coalesceEvents(batch);
            } catch (InterruptedException e) {
                return;
            }
            try {
                build(batch);
            } catch (RuntimeException | Error e) {
                // a model that cannot be built this time says so in the log; the next input tries again.
                // Errors too: this thread dying would freeze the screen without a word, and the likely one,
                // an OutOfMemoryError, is a workload's (crash --how oom in a thread), over once it ends
                note(Event.Type.WARNING, "model: " + Reasons.of(e), Instant.now());
            } finally {
                for (HubInput in : batch) {
                    if (in instanceof HubInput.Sync s) {
                        s.done().countDown();
                    }
                }
                batch.clear();
            }
        }
    }

    /**
     * Supervisor events alone make a model at most every {@link #EVENT_MODEL_NANOS}: they come as fast as
     * workers start and end (10,000 typed-in workers: hundreds a second), and each model joins every
     * worker, so a model per batch was about 300 MB of garbage a second while 10,000 started (every
     * young collection stopping 10,000 threads). A tick, a {@link #awaitCurrent} (a key's spawn or kill:
     * "shows in this frame") or the timeline's inputs end the wait at once.
     */
    private void coalesceEvents(List<HubInput> batch) throws InterruptedException {
        long wait = lastModelNanos + EVENT_MODEL_NANOS - System.nanoTime();
        while (wait > 0 && onlyEvents(batch) && !closed) {
            HubInput next = inbox.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            inbox.drainTo(batch);
            wait = lastModelNanos + EVENT_MODEL_NANOS - System.nanoTime();
        }
    }

    private static boolean onlyEvents(List<HubInput> batch) {
        for (HubInput in : batch) {
            if (!(in instanceof HubInput.SupervisorEvent)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One model for a batch of inputs: every measurement is joined (its CPU history counts), the last one
     * shown. The timeline's inputs are handled first, in order, and make no model of their own.
     */
    private void build(List<HubInput> batch) {
        boolean model = false;
        for (HubInput in : batch) {
            if (in instanceof HubInput.Sliced s) {
                sliced(s.batch());
            } else if (in instanceof HubInput.ShowTimeline show) {
                show(show.on());
            } else if (in instanceof HubInput.Attach a) {
                attached.add(a.pid());
                model = true;
            } else if (in instanceof HubInput.Detach d) {
                attached.remove(d.pid());
                model = true;
            } else if (in instanceof HubInput.ClearExited) {
                attached.clearExited();
                model = true;
            } else if (in instanceof HubInput.ShowProcesses show) {
                listProcesses(show.on());
            } else if (in instanceof HubInput.ShowSwitches show) {
                readSwitches(show);
            } else {
                model = true;
            }
        }
        if (model) {
            buildModel(batch);
        }
    }

    /** On the hub's thread: starts or pauses the slice source; a new start begins a new window. */
    private void show(boolean on) {
        if (on == timelineShown) {
            return;
        }
        timelineShown = on;
        if (slices == null || slices.unavailable() != null) {
            if (on) {
                publish(timeline); // says why there is none
            }
            return;
        }
        if (on) {
            // the gap since the last pause is no stretch of "no reading": a fresh window
            timelineBook.clear();
            timeline = Timeline.EMPTY;
            sliceWatch = TimelineBook.watch(timelineWorkers(workers()));
            slices.watch(sliceWatch);
            slices.start();
        } else {
            slices.pause();
            timeline = Timeline.EMPTY; // as SnapshotSource says: nothing while it is not shown
        }
    }

    /**
     * On the hub's thread: the sampler reads every process from its next tick on, or stops. A live hub
     * takes that tick now, so the view fills at once rather than an interval later.
     */
    private void listProcesses(boolean on) {
        if (on == processesShown) {
            return;
        }
        processesShown = on;
        sampler.watch(sampler.watching().everyProcess(on));
        if (on && ticking) {
            sampler.sampleNow(); // its measurement is posted back here, as any tick's
        }
    }

    /** On the hub's thread: whose switch counts the sampler reads from its next tick on (every thread's once pinned). */
    private void readSwitches(HubInput.ShowSwitches show) {
        if (everyFigurePinned) {
            return;
        }
        everyFigurePinned = show.pinned();
        switchTids = show.pinned() ? null : show.tids();
        sampler.watch(sampler.watching().switchesOf(switchTids));
    }

    /** On the hub's thread: a batch of slices makes a new timeline (while shown: late batches after a pause are dropped). */
    private void sliced(SliceBatch b) {
        if (!timelineShown) {
            return;
        }
        if (b.slices().isEmpty()) {
            if (b.error() != null) {
                publish(timelineBook.failed(b.error()));
            }
            return;
        }
        List<org.threadlab.work.SimulatedGil.Span> spans = supervisor == null ? List.of()
                : supervisor.gil().spans(b.slices().get(0).startNanos());
        Snapshot s = latest;
        int cores = s != null && s.host() != null && !s.host().cores().isEmpty() ? s.host().cores().size()
                : Runtime.getRuntime().availableProcessors();
        publish(timelineBook.add(b, timelineWorkers(workers()), spans, cores));
    }

    private void publish(Timeline t) {
        timeline = t;
        for (Consumer<Timeline> l : timelineListeners) {
            try {
                l.accept(t);
            } catch (RuntimeException e) {
                if (!Reasons.of(e).equals(listenerError)) {
                    listenerError = Reasons.of(e);
                    note(Event.Type.WARNING, "timeline listener: " + listenerError, Instant.now());
                }
            }
        }
    }

    private void buildModel(List<HubInput> batch) {
        lastModelNanos = System.nanoTime();
        // the rounds before the workers: the supervisor lists a round once its workers are in its list
        List<org.threadlab.worker.RoundInfo> asked = supervisor == null ? List.of() : supervisor.rounds();
        List<WorkerInfo> workers = workers();
        WorkerJoin.Joined joined = null;
        List<Measurement> good = new ArrayList<>();
        for (HubInput in : batch) {
            if (in instanceof HubInput.Measured m) {
                Measurement x = m.measurement();
                if (x.failed()) {
                    lastFailed = x;
                    if (!x.error().equals(samplerError)) {
                        samplerError = x.error();
                        note(Event.Type.WARNING, "sampler: " + x.error(), x.takenAt());
                    }
                } else {
                    if (samplerError != null) {
                        samplerError = null;
                        note(Event.Type.INFO, "sampler: measuring again", x.takenAt());
                    }
                    lastGood = x;
                    good.add(x);
                    for (String news : attached.measured(x)) {
                        note(Event.Type.INFO, news, x.takenAt());
                    }
                    joined = join.join(workers, x, m.gil(), NO_GIL);
                }
            }
        }
        Measurement base = lastGood != null ? lastGood : lastFailed;
        Snapshot last = latest;
        if (base == null) {
            return; // nothing measured yet: there is no model to show
        }
        boolean measured = joined != null;
        if (joined == null) {
            joined = last == null ? join.join(workers, base, null, NO_GIL)
                    : WorkerJoin.overlay(workers, last, supervisor == null ? null : supervisor.gil());
        }
        // a model made for a new tick is as of that tick; one made for the supervisor's news, as of now
        Instant at = measured ? base.takenAt() : Instant.now();
        List<Round> measuredRounds = supervisor == null ? List.of()
                : rounds.update(asked, workers, supervisor.baseline(), good, at, supervisor.virtualRoundCpu());
        for (Round r : rounds.ended()) {
            note(Event.Type.OUTCOME, endedText(r, measuredRounds), r.endedAt());
        }
        Snapshot s = new Snapshot(++seq, at, sampler.interval(), base.selfPid(), base.host(), attached.processes(base.processes()),
                joined.workers(), joined.gil(), events(), measuredRounds, processesShown ? base.table() : null);
        latest = s;
        List<SparePool.SpareInfo> spares = spares();
        if (!sameWatchKey(watchedKey, workers, spares) || attached.version() != watchedAttachVersion) {
            // the watch list is made again only when what it is made of changed: at 10,000 workers it is
            // three maps of 10,000, and most models (a tick, a progress event) change none of it; the
            // key is compared where it lies, and made again only then (240 KB a model at 10,000)
            watchedKey = watchKey(workers, spares);
            watchedAttachVersion = attached.version();
            WatchList w = watchList(workers, spares, attached.live()).everyProcess(processesShown).switchesOf(switchTids);
            if (!w.equals(sampler.watching())) {
                sampler.watch(w);
            }
        }
        if (slices != null && timelineShown) {
            SliceWatch sw = TimelineBook.watch(timelineWorkers(workers));
            if (!sw.equals(sliceWatch)) {
                sliceWatch = sw;
                slices.watch(sw);
            }
        }
        for (Consumer<Snapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                // one bad listener must not stop the others or the model, nor fail unseen (a recorder that
                // stopped writing): said once per cause, in the next model's events
                if (!Reasons.of(e).equals(listenerError)) {
                    listenerError = Reasons.of(e);
                    note(Event.Type.WARNING, "model listener: " + listenerError, Instant.now());
                }
            }
        }
    }

    /** The event of a round's end: "round #3 ended: 4 threads + GIL cpu units=0.5: 2.10s wall, ... - verdict" ({@link RoundLine#EVENT}). */
    static String endedText(Round r) {
        return endedText(r, List.of());
    }

    /** As above; a speed-up against a baseline among {@code rounds} that had it worse reads as the ratio of the times. */
    static String endedText(Round r, List<Round> rounds) {
        return "round #" + r.id() + " ended: " + r.info().label() + ": " + RoundLine.EVENT.write(r, rounds) + " - " + r.verdict();
    }

    private void note(Event.Type type, String text, Instant at) {
        samplerEvents.addLast(new Event(0, at, type, 0, text));
        while (samplerEvents.size() > EVENTS) {
            samplerEvents.removeFirst();
        }
    }

    /** The supervisor's newest events with the hub's own (the sampler's failures), oldest first. */
    private List<Event> events() {
        List<Event> out = new ArrayList<>(supervisor == null ? List.of() : supervisor.events().recent(EVENTS));
        if (samplerEvents.isEmpty()) {
            return out;
        }
        out.addAll(samplerEvents);
        out.sort(Comparator.comparing(Event::at));
        return out.subList(Math.max(0, out.size() - EVENTS), out.size());
    }

    private List<WorkerInfo> workers() {
        return supervisor == null ? List.of() : supervisor.workers();
    }

    /** The supervisor's warm spares, not yet handed a workload. */
    private List<SparePool.SpareInfo> spares() {
        return supervisor == null ? List.of() : supervisor.spares();
    }

    /** A warm spare ready for work ({@code --spares}): a real process, measured and shown, never a worker. */
    public static final String SPARE = "spare";
    /** A warm spare whose JVM is still starting. */
    public static final String SPARE_STARTING = "spare-starting";

    /**
     * Everything {@link #watchList} reads of the workers and spares, in a flat array: equal keys make equal
     * watch lists, and comparing them costs far less than making the list.
     */
    /** Whether {@code key} is what {@link #watchKey} would make of these, without making it. */
    static boolean sameWatchKey(long[] key, List<WorkerInfo> workers, List<SparePool.SpareInfo> spares) {
        if (key == null || key.length != workers.size() * 3 + spares.size()) {
            return false;
        }
        int i = 0;
        for (WorkerInfo w : workers) {
            if (key[i++] != w.pid() * 8 + w.kind().ordinal() * 2 + (w.state().alive() ? 1 : 0)
                    || key[i++] != w.tid() || key[i++] != w.javaThreadId()) {
                return false;
            }
        }
        for (SparePool.SpareInfo sp : spares) {
            if (key[i++] != sp.pid() * 2 + (sp.ready() ? 1 : 0)) {
                return false;
            }
        }
        return true;
    }

    static long[] watchKey(List<WorkerInfo> workers, List<SparePool.SpareInfo> spares) {
        long[] key = new long[workers.size() * 3 + spares.size()];
        int i = 0;
        for (WorkerInfo w : workers) {
            key[i++] = w.pid() * 8 + w.kind().ordinal() * 2 + (w.state().alive() ? 1 : 0);
            key[i++] = w.tid();
            key[i++] = w.javaThreadId();
        }
        for (SparePool.SpareInfo sp : spares) {
            key[i++] = sp.pid() * 2 + (sp.ready() ? 1 : 0);
        }
        return key;
    }

    /** What the sampler must measure for these workers: child processes, and the TIDs of threads in this JVM. */
    static WatchList watchList(List<WorkerInfo> workers) {
        return watchList(workers, List.of());
    }

    /** As above, and the warm spares after the workers (roles {@link #SPARE} and {@link #SPARE_STARTING}). */
    static WatchList watchList(List<WorkerInfo> workers, List<SparePool.SpareInfo> spares) {
        return watchList(workers, spares, List.of());
    }

    /** As above, and the attached processes last (role {@link Attached#ROLE}). */
    static WatchList watchList(List<WorkerInfo> workers, List<SparePool.SpareInfo> spares, List<Long> attachedPids) {
        Map<Long, String> processes = new LinkedHashMap<>();
        Map<Long, Long> javaIds = new HashMap<>();
        Set<Long> javaThreads = new HashSet<>();
        for (WorkerInfo w : workers) {
            if (w.kind() == WorkerKind.PROCESS && w.pid() > 0 && w.state().alive()) {
                processes.putIfAbsent(w.pid(), "worker");
            }
            if (w.kind() == WorkerKind.THREAD && w.tid() > 0 && w.javaThreadId() >= 0) {
                javaIds.put(w.tid(), w.javaThreadId());
            }
            if (w.kind().inThisJvm() && w.javaThreadId() >= 0 && w.state().alive()) {
                javaThreads.add(w.javaThreadId());
            }
        }
        for (SparePool.SpareInfo spare : spares) {
            processes.putIfAbsent(spare.pid(), spare.ready() ? SPARE : SPARE_STARTING);
        }
        for (long pid : attachedPids) {
            processes.putIfAbsent(pid, Attached.ROLE);
        }
        return new WatchList(processes, javaIds, javaThreads);
    }

    /**
     * The fine timeline's workers: the supervisor's, then each live attached process as a pseudo-worker
     * followed whole (as an exec'd program is), from the newest model.
     */
    private List<WorkerInfo> timelineWorkers(List<WorkerInfo> workers) {
        Snapshot s = latest;
        if (s == null) {
            return workers;
        }
        List<org.threadlab.sample.ProcessSample> live = new ArrayList<>();
        for (org.threadlab.sample.ProcessSample p : Attached.processes(s)) {
            if (!Attached.exited(p)) {
                live.add(p);
            }
        }
        if (live.isEmpty()) {
            return workers;
        }
        List<WorkerInfo> out = new ArrayList<>(workers);
        out.addAll(Attached.timelineWorkers(live));
        return out;
    }

    /**
     * Watches a process threadlab did not start ({@code threadlab attach}, Enter in the all-processes
     * view), from the next tick on: refused at once, in the user's words, for a PID that is no process,
     * threadlab itself, or one of its workers or spares (shown already). Before {@link #start()} it is
     * in the first tick.
     */
    @Override
    public String attach(long pid) {
        if (closed) {
            return "the screen is closing";
        }
        if (pid <= 0) {
            return "no such process id: " + pid;
        }
        if (pid == ProcessHandle.current().pid()) {
            return "pid " + pid + " is threadlab itself: its threads are the threads table already";
        }
        for (WorkerInfo w : workers()) {
            if (w.pid() == pid && w.kind() == WorkerKind.PROCESS) {
                return "pid " + pid + " is worker #" + w.id() + " " + w.name() + ": shown already";
            }
        }
        for (SparePool.SpareInfo sp : spares()) {
            if (sp.pid() == pid) {
                return "pid " + pid + " is one of threadlab's warm spares: shown already";
            }
        }
        Snapshot now = latest;
        if (now != null && now.process(pid).filter(p -> Attached.is(p) && !Attached.exited(p)).isPresent()) {
            return "already watching pid " + pid;
        }
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return "no process " + pid + " (it has exited, or never was)";
        }
        if (thread == null && !closed) {
            attached.add(pid); // not started: the hub's thread is not there to post to yet
            return null;
        }
        post(new HubInput.Attach(pid));
        awaitCurrent();
        return null;
    }

    @Override
    public String detach(long pid) {
        Snapshot s = latest;
        boolean known = s != null && Attached.processes(s).stream().anyMatch(p -> p.pid() == pid);
        if (thread == null && !closed) {
            return attached.remove(pid) ? null : "pid " + pid + " is not attached";
        }
        post(new HubInput.Detach(pid));
        awaitCurrent();
        return known ? null : "pid " + pid + " is not attached";
    }

    @Override
    public int clearExited() {
        Snapshot s = latest;
        int n = 0;
        if (s != null) {
            for (org.threadlab.sample.ProcessSample p : Attached.processes(s)) {
                n += Attached.exited(p) ? 1 : 0;
            }
        }
        post(new HubInput.ClearExited());
        awaitCurrent();
        return n;
    }

    /** The hub's thread, null before {@link #start()}: tests see what it waits in. */
    Thread thread() {
        return thread;
    }

    @Override
    public Snapshot latest() {
        return latest;
    }

    @Override
    public void onSnapshot(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }

    @Override
    public Duration interval() {
        return sampler.interval();
    }

    @Override
    public String sourceName() {
        return sampler.sourceName();
    }

    @Override
    public void setInterval(Duration interval) {
        sampler.setInterval(interval);
    }

    @Override
    public Timeline timeline() {
        return timeline;
    }

    @Override
    public void onTimeline(Consumer<Timeline> listener) {
        timelineListeners.add(listener);
    }

    /** Starts or pauses the slice source, on the hub's thread; returns at once. */
    @Override
    public void showTimeline(boolean on) {
        post(new HubInput.ShowTimeline(on));
    }

    /** Starts or stops reading every process, on the hub's thread; returns at once. */
    @Override
    public void showProcesses(boolean on) {
        post(new HubInput.ShowProcesses(on));
    }

    /** Reads these threads' switch counts alone from the next tick on, on the hub's thread; returns at once. */
    @Override
    public void showSwitchesOf(java.util.Set<Long> tids) {
        post(new HubInput.ShowSwitches(java.util.Set.copyOf(tids), false));
    }

    /** Every thread's switch counts from now on (a recording), on the hub's thread; returns at once. */
    @Override
    public void keepEverySwitch() {
        post(new HubInput.ShowSwitches(java.util.Set.of(), true));
    }

    /** Asks the slice source for slices of this length; the timeline starts a new window at the new length. */
    @Override
    public void setSlice(Duration slice) {
        if (slices != null) {
            slices.setSlice(slice);
        }
    }

    /** Stops the sampler, the slice source and the hub's thread; {@link #latest()} keeps the last model. */
    @Override
    public void close() {
        if (!closed && thread != null) {
            // a last tick: a round that just ended gets the window that covers its end, so its figures are final
            sampleNow();
        }
        if (!closed) {
            // one last model with everything posted before the close (a run's last "joined", a quit's
            // "terminated"): a recorder still following this hub writes the session's true end
            awaitCurrent();
        }
        closed = true;
        sampler.close();
        if (slices != null) {
            slices.close();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
