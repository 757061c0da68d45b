package org.threadlab.sample;

import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.model.WorkerSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.threadlab.work.SimulatedGil;
import org.threadlab.worker.Event;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * The only reader of OSHI and /proc: every interval, on one daemon thread, it reads the host and the
 * watched processes (threadlab itself, the supervisor's child workers, attached PIDs) and publishes an
 * immutable {@link Snapshot}. It reads only what is watched, never the whole process table.
 */
public final class Sampler implements SnapshotSource {
    public static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    public static final int EVENTS = 200;
    private static final SimulatedGil.State NO_GIL = new SimulatedGil(false).state();

    private final Supervisor supervisor;
    private final long selfPid = ProcessHandle.current().pid();
    private final Set<Long> watched = new LinkedHashSet<>();
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Object timer = new Object();
    private volatile Duration interval;
    private volatile Snapshot latest;
    /** When the newest sample was started: the next one is due an interval later (no drift). */
    private volatile long takenNanos;
    private volatile boolean closed;
    private Thread thread;

    // sampling state: guarded by "this" (one sample at a time, whoever takes it)
    private final Platform platform = Platform.create();
    private final HostTracker host = new HostTracker(platform.host());
    private final Map<Long, ProcessProbe> probes = new HashMap<>();
    private final Map<Integer, Ring> workerRings = new HashMap<>();
    private SimulatedGil.Accounting previousGil;
    private long seq;

    /** @param supervisor whose workers to show; null for none (the {@code snapshot} command) */
    public Sampler(Supervisor supervisor, Duration interval) {
        this.supervisor = supervisor;
        this.interval = check(interval);
    }

    /** Also samples this process (role "external") from the next tick on. */
    public void watch(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("no such process id: " + pid);
        }
        synchronized (watched) {
            watched.add(pid);
        }
    }

    public void unwatch(long pid) {
        synchronized (watched) {
            watched.remove(pid);
        }
    }

    /** Takes the first sample now (so {@link #latest()} is never null), then samples every interval. */
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
                        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(timer, wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (closed) {
                return;
            }
            try {
                sampleNow();
            } catch (RuntimeException e) {
                // a sampler that dies leaves a frozen screen: keep going, the next tick may succeed
            }
        }
    }

    /** Takes a sample now, publishes it as the latest and hands it to the listeners. */
    public Snapshot sampleNow() {
        Snapshot s;
        synchronized (this) {
            takenNanos = System.nanoTime();
            s = take();
            latest = s;
        }
        publish(s);
        return s;
    }

    private void publish(Snapshot s) {
        for (Consumer<Snapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                // one bad listener must not stop the others or the sampler
            }
        }
    }

    private Snapshot take() {
        List<WorkerInfo> workers = supervisor == null ? List.of() : supervisor.workers();
        Map<Long, String> roles = new LinkedHashMap<>();
        roles.put(selfPid, "self");
        for (WorkerInfo w : workers) {
            if (w.kind() == WorkerKind.PROCESS && w.pid() > 0 && w.state().alive()) {
                roles.putIfAbsent(w.pid(), "worker");
            }
        }
        synchronized (watched) {
            for (long pid : watched) {
                roles.putIfAbsent(pid, "external");
            }
        }
        probes.keySet().retainAll(roles.keySet());
        Map<Long, Long> javaIds = new HashMap<>();
        for (WorkerInfo w : workers) {
            if (w.kind() == WorkerKind.THREAD && w.tid() > 0 && w.javaThreadId() >= 0) {
                javaIds.put(w.tid(), w.javaThreadId());
            }
        }
        JavaView java = new JavaView(javaIds);
        List<ProcessProbe> toRead = new ArrayList<>(roles.size());
        for (Long pid : roles.keySet()) {
            toRead.add(probes.computeIfAbsent(pid, platform::probe));
        }
        // everything slow to set up (the first time: class loading, the management beans) is done: the
        // host and the processes are read back to back, so their windows start and end together
        HostSample hostSample = host.sample();
        // the GIL's books at the same instant: header and rows are both made from these two readings
        SimulatedGil.Accounting gil = supervisor == null ? null : supervisor.gil().accounting();
        SimulatedGil.Accounting gilBefore = previousGil;
        previousGil = gil;
        List<ProcessSample> processes = new ArrayList<>(roles.size());
        int k = 0;
        for (Map.Entry<Long, String> e : roles.entrySet()) {
            processes.add(toRead.get(k++).sample(e.getValue(), e.getKey() == selfPid ? java : null));
        }
        List<WorkerSample> workerSamples = joinWorkers(workers, processes, java, gil, gilBefore);
        return new Snapshot(++seq, Instant.now(), interval, selfPid, hostSample, processes, workerSamples,
                gil == null ? NO_GIL : gil.over(gilBefore),
                supervisor == null ? List.<Event>of() : supervisor.events().recent(EVENTS));
    }

    @Override
    public Snapshot refresh() {
        if (supervisor == null || latest == null) {
            return latest;
        }
        Snapshot s;
        synchronized (this) {
            Snapshot last = latest;
            Map<Integer, WorkerSample> before = new HashMap<>();
            for (WorkerSample w : last.workers()) {
                before.put(w.info().id(), w);
            }
            List<WorkerSample> workers = new ArrayList<>();
            for (WorkerInfo w : supervisor.workers()) {
                WorkerSample b = before.get(w.id());
                boolean measured = b != null && w.state().alive();
                // the measured state of the last interval stays until the next sample; a new or ended
                // worker shows what the supervisor says
                WorkerState state = measured && b.state().alive() && w.state() != WorkerState.NEW ? b.state() : w.state();
                workers.add(new WorkerSample(w, measured ? b.cpuPercent() : Double.NaN, b == null ? -1 : b.core(),
                        measured ? b.memoryBytes() : -1, b == null ? null : b.threadState(),
                        b == null ? History.EMPTY : b.cpuHistory(), state, measured ? b.gilHeld() : Double.NaN,
                        measured ? b.gilWaited() : Double.NaN));
            }
            // the header keeps the last interval's figures too (the rows' books); only on/off is news
            SimulatedGil.State g = last.gil();
            boolean on = supervisor.gil().isEnabled();
            SimulatedGil.State gil = g.enabled() == on ? g : supervisor.gil().state();
            s = new Snapshot(++seq, Instant.now(), interval, selfPid, last.host(), last.processes(), workers,
                    gil, supervisor.events().recent(EVENTS));
            latest = s;
        }
        publish(s);
        return s;
    }

    private List<WorkerSample> joinWorkers(List<WorkerInfo> workers, List<ProcessSample> processes, JavaView java,
                                           SimulatedGil.Accounting gil, SimulatedGil.Accounting gilBefore) {
        long span = gil == null || gilBefore == null ? 0 : gil.atNanos() - gilBefore.atNanos();
        Map<Long, ProcessSample> byPid = new HashMap<>();
        for (ProcessSample p : processes) {
            byPid.put(p.pid(), p);
        }
        List<WorkerSample> out = new ArrayList<>(workers.size());
        Set<Integer> ids = new HashSet<>();
        for (WorkerInfo w : workers) {
            ids.add(w.id());
            Ring ring = workerRings.computeIfAbsent(w.id(), k -> new Ring());
            ProcessSample p = byPid.get(w.pid());
            ThreadSample t = p == null || w.tid() <= 0 ? null : thread(p, w.tid());
            double cpu = Double.NaN;
            long memory = -1;
            if (w.state().alive() && p != null && p.error() == null) {
                if (w.kind() == WorkerKind.PROCESS) {
                    cpu = p.cpuPercent();
                    memory = p.rssBytes();
                } else if (w.kind() == WorkerKind.THREAD) {
                    // a virtual thread has no TID of its own: its CPU stays unknown rather than guessed
                    cpu = t == null ? Double.NaN : t.cpuPercent();
                    JavaThreadSample j = java.byJavaId(w.javaThreadId());
                    memory = j == null ? -1 : j.allocatedBytes();
                }
            }
            if (!Double.isNaN(cpu)) {
                ring.add(cpu);
            }
            int core = t == null ? -1 : t.core();
            if (w.kind() == WorkerKind.PROCESS && p != null) {
                core = workCore(p, w.tid());
            }
            double held = Double.NaN;
            double waited = Double.NaN;
            SimulatedGil.Usage gilUse = null;
            if (span > 0 && w.kind().inThisJvm() && w.javaThreadId() >= 0 && w.state().alive()) {
                gilUse = gil.usageSince(gilBefore, w.javaThreadId());
                if (gil.state().enabled() || gilUse.heldNanos() + gilUse.waitedNanos() > 0) {
                    held = gilUse.heldNanos() / (double) span;
                    waited = gilUse.waitedNanos() / (double) span;
                }
            }
            WorkerState state = measuredState(w, p, t, cpu, gilUse);
            out.add(new WorkerSample(w, cpu, core, memory, t == null ? null : t.state(), ring.history(), state, held,
                    waited));
        }
        workerRings.keySet().retainAll(ids);
        return out;
    }

    /** Ran in the interval: at least this percent of a core (a sleeping worker's wake-ups cost far less). */
    static final double RAN_PERCENT = 1.0;

    /**
     * What a live worker did over the interval, from what was measured rather than what its workload
     * last said: RUNNING when it ran (at least {@link #RAN_PERCENT} of a core, or the kernel's R when it
     * was read, or it held the GIL), BLOCKED when it did not but waited for the GIL, WAITING when
     * neither. Where nothing was measured (a virtual thread's CPU, a first sample) the reported state.
     */
    static WorkerState measuredState(WorkerInfo w, ProcessSample p, ThreadSample t, double cpu, SimulatedGil.Usage gil) {
        WorkerState reported = w.state();
        if (!reported.alive() || reported == WorkerState.NEW) {
            return reported;
        }
        boolean heldGil = gil != null && gil.heldNanos() > 0;
        boolean waitedGil = gil != null && (gil.waitedNanos() > 0 || gil.waitingNow());
        Boolean ran = null;
        if (!Double.isNaN(cpu)) {
            boolean running = w.kind() == WorkerKind.PROCESS
                    ? p.threads().stream().anyMatch(x -> "R".equals(x.state()))
                    : t != null && "R".equals(t.state());
            ran = cpu >= RAN_PERCENT || running;
        }
        if (heldGil || Boolean.TRUE.equals(ran)) {
            return WorkerState.RUNNING;
        }
        if (waitedGil) {
            return WorkerState.BLOCKED;
        }
        return ran == null ? reported : WorkerState.WAITING;
    }

    /**
     * The core a process's work runs on: its busiest thread's over the interval (an external program's
     * main thread often only waits for its workers); when no thread is known to have used CPU (first
     * sight), a running one's; else its work thread's, else its main thread's; -1 when unknown.
     */
    static int workCore(ProcessSample p, long workTid) {
        ThreadSample busiest = null;
        for (ThreadSample t : p.threads()) {
            if (t.cpuPercent() > 0 && (busiest == null || t.cpuPercent() > busiest.cpuPercent())) {
                busiest = t;
            }
        }
        for (ThreadSample t : p.threads()) {
            if (busiest == null && Double.isNaN(t.cpuPercent()) && "R".equals(t.state())) {
                busiest = t;
            }
        }
        if (busiest == null && workTid > 0) {
            busiest = thread(p, workTid);
        }
        if (busiest == null) {
            busiest = thread(p, p.pid());
        }
        return busiest == null ? -1 : busiest.core();
    }

    private static ThreadSample thread(ProcessSample p, long tid) {
        for (ThreadSample t : p.threads()) {
            if (t.tid() == tid) {
                return t;
            }
        }
        return null;
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
        return interval;
    }

    @Override
    public void setInterval(Duration interval) {
        this.interval = check(interval);
        synchronized (timer) {
            timer.notifyAll();
        }
    }

    private static Duration check(Duration interval) {
        if (interval == null || interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("the sampling interval must be at least 100ms, not "
                    + (interval == null ? "none" : org.threadlab.text.Durations.format(interval)));
        }
        return interval;
    }

    /** Stops the sampling thread; {@link #latest()} keeps the last snapshot. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
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
    }
}
