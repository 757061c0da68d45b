package org.threadlab.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.JavaThreadSample;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * The session's rounds as measured (see {@link Round}), kept on the model hub's thread: which workers
 * belong to each (its own, and the members they started), when it ended, its CPU, its peaks, and the
 * cores other processes kept busy over its window. Not thread-safe.
 *
 * <p>A round's end is known from the workers; its figures are final once a tick taken at or after
 * that end has been counted (its window covers the round's last moments), and only then does it get
 * its verdict and say so once ({@link #ended()}).
 */
final class RoundBook {
    /** How many rounds are kept. */
    static final int KEEP = 200;

    private final Map<Integer, Book> books = new LinkedHashMap<>();
    /** Threadlab's own CPU so far (self and every child seen), by PID, as the last good tick read it. */
    private Map<Long, Long> cpuSeen = new HashMap<>();
    /**
     * A warm spare's CPU at the last tick it was still a spare: its JVM's start-up, before any round
     * asked for it. A worker handed that spare counts only what it used since.
     */
    private final Map<Long, Long> spareCpu = new HashMap<>();
    private Instant lastTick;
    private int hostCores;
    private final List<Round> ended = new ArrayList<>();
    /** The supervisor's CPU of the virtual rounds that ended (-1: not measured); a running one is absent. */
    private Map<Integer, Long> virtualCpu = Map.of();
    /** How long an ended virtual round waits for its CPU before it settles without it. */
    static final Duration VIRTUAL_WAIT = Duration.ofSeconds(5);

    /** One round's running books. */
    private static final class Book {
        final RoundInfo info;
        /** Its workers as last seen: its own and their members; kept when the supervisor drops one. */
        final Map<Integer, WorkerInfo> workers = new LinkedHashMap<>();
        /** A process worker's CPU so far as the sampler read it: what counts when the worker cannot say (killed). */
        final Map<Integer, Long> sampledCpu = new HashMap<>();
        /**
         * A thread worker's CPU so far as the ticks measured it (its task's, and a thread pool's threads',
         * CPU% over each window): only while it runs, its own figure at its end replaces it.
         */
        /** Each thread worker's CPU nanoseconds as the ticks measured it, in a cell added to in place (no Long a worker a tick). */
        final Map<Integer, long[]> threadCpu = new HashMap<>();
        /** The last tick counted while it ran: a running round's cores busy is over the time the ticks covered. */
        Instant sampledUntil;
        /** Others' cores integrated over the covered nanoseconds, and those nanoseconds. */
        double othersCoreNanos;
        long coveredNanos;
        long peakMemory = -1;
        int peakThreads = -1;
        /** Its threads the ticks found in state R, summed over the ticks that read any of them, and those ticks. */
        long runnableReadings;
        int runnableTicks;
        Instant endedAt;
        Round done;

        Book(RoundInfo info) {
            this.info = info;
        }
    }

    /**
     * Brings the rounds up to date and returns them, oldest first.
     *
     * @param asked        the supervisor's rounds, read before {@code workers} (so every round's workers were started)
     * @param workers      the supervisor's workers, read after {@code asked}
     * @param marked       the round the teacher marked as the baseline, 0 for none
     * @param measurements the good ticks that came since the last call, oldest first
     * @param now          the model's time: a running round's wall runs to here
     */
    List<Round> update(List<RoundInfo> asked, List<WorkerInfo> workers, int marked, List<Measurement> measurements,
                       Instant now) {
        return update(asked, workers, marked, measurements, now, Map.of());
    }

    /**
     * As above, with the CPU of the rounds of virtual threads, which their workers cannot say
     * ({@code Supervisor.virtualRoundCpu()}, read after {@code workers}).
     */
    List<Round> update(List<RoundInfo> asked, List<WorkerInfo> workers, int marked, List<Measurement> measurements,
                       Instant now, Map<Integer, Long> virtualCpu) {
        this.virtualCpu = Map.copyOf(virtualCpu);
        for (RoundInfo r : asked) {
            books.computeIfAbsent(r.id(), k -> new Book(r));
        }
        while (books.size() > KEEP) {
            Iterator<Integer> it = books.keySet().iterator();
            it.next();
            it.remove();
        }
        assign(workers);
        for (Measurement m : measurements) {
            measured(m, workers, marked);
        }
        List<Round> out = new ArrayList<>(books.size());
        for (Book b : books.values()) {
            out.add(b.done != null ? b.done : figures(b, now, null));
        }
        return out;
    }

    /** The rounds whose figures became final since the last call (for their one event), oldest first. */
    List<Round> ended() {
        List<Round> out = List.copyOf(ended);
        ended.clear();
        return out;
    }

    /** True while a round has ended but waits for the tick that covers its end. */
    boolean settling() {
        return books.values().stream().anyMatch(b -> b.endedAt != null && b.done == null);
    }

    /**
     * Files each worker under its round (a member under its owner's), and notes the rounds whose last worker ended.
     * Each loop is a small method of its own: this runs once a model, so only its loops' back edges made C2
     * compile it, on-stack-replaced with everything inlined (0.1-0.3 s of a compiler thread minutes after
     * start, with 100 workers); see docs/PERFORMANCE.md, "UI's own CPU".
     */
    private void assign(List<WorkerInfo> workers) {
        // only running rounds can gain members: a round ends after the last of them. The map of every
        // running round's worker ids is made only when there are members to file (10,000 boxed ids a model)
        Map<Integer, Integer> roundOf = anyMember(workers) ? runningRoundOf() : null;
        // a worker started in a round is filed at once; a member (a process another worker started) under its
        // owner's round, in passes: owners come before their members, but a member of a member must find its
        // round too. No removal from the middle of a list: with 100,000 workers that was O(N²) a model
        List<WorkerInfo> left = fileStarted(workers, roundOf);
        boolean more = true;
        while (more && !left.isEmpty()) {
            List<WorkerInfo> still = fileMembers(left, roundOf);
            more = still.size() < left.size();
            left = still;
        }
        // the ids the supervisor still lists, sorted (a set of boxed ids was 600 KB a model at 10,000)
        int[] present = ids(workers);
        for (Book b : books.values()) {
            endIfOver(b, present);
        }
    }

    /** True when some worker is a member (a process another worker started) not started in a round itself. */
    private static boolean anyMember(List<WorkerInfo> workers) {
        for (WorkerInfo w : workers) {
            if (w.round() <= 0 && w.owner() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Every running round's worker ids, to their round's id. */
    private Map<Integer, Integer> runningRoundOf() {
        Map<Integer, Integer> roundOf = new HashMap<>();
        for (Book b : books.values()) {
            if (b.endedAt == null) {
                for (int id : b.workers.keySet()) {
                    roundOf.put(id, b.info.id());
                }
            }
        }
        return roundOf;
    }

    /** Files the workers started in a round; returns the members left to file under their owners'. */
    private List<WorkerInfo> fileStarted(List<WorkerInfo> workers, Map<Integer, Integer> roundOf) {
        List<WorkerInfo> left = new ArrayList<>();
        for (WorkerInfo w : workers) {
            if (w.round() > 0) {
                file(w, w.round(), roundOf);
            } else if (w.owner() > 0) {
                left.add(w);
            }
        }
        return left;
    }

    /** One pass: files the members whose owner has a round; returns those whose owner has none (yet). */
    private List<WorkerInfo> fileMembers(List<WorkerInfo> left, Map<Integer, Integer> roundOf) {
        List<WorkerInfo> still = new ArrayList<>();
        for (WorkerInfo w : left) {
            Integer r = roundOf.get(w.owner());
            if (r != null) {
                file(w, r, roundOf);
            } else {
                still.add(w);
            }
        }
        return still;
    }

    /** The workers' ids, sorted. */
    private static int[] ids(List<WorkerInfo> workers) {
        int[] present = new int[workers.size()];
        for (int i = 0; i < present.length; i++) {
            present[i] = workers.get(i).id();
        }
        java.util.Arrays.sort(present);
        return present;
    }

    /** Ends a running round none of whose workers is alive and still listed ({@code present}, sorted): when its last ended. */
    private static void endIfOver(Book b, int[] present) {
        if (b.endedAt != null) {
            return;
        }
        if (b.workers.isEmpty()) {
            // the supervisor lists a round only once its workers are started, and the caller read the
            // rounds before the workers: a round with none left was cleared before it was ever seen
            b.endedAt = Instant.now();
            return;
        }
        Instant last = null;
        for (WorkerInfo w : b.workers.values()) {
            if (w.state().alive() && java.util.Arrays.binarySearch(present, w.id()) >= 0) {
                return;
            }
            // a worker the supervisor dropped (a clear) had ended; when, it no longer says
            Instant end = w.endedAt() != null ? w.endedAt() : Instant.now();
            last = last == null || end.isAfter(last) ? end : last;
        }
        b.endedAt = last;
    }

    /** Whether a watched process of this role is threadlab's: itself, a worker, a warm spare (not an attached PID). */
    static boolean threadlabs(String role) {
        return "self".equals(role) || "worker".equals(role) || ModelHub.SPARE.equals(role) || ModelHub.SPARE_STARTING.equals(role);
    }

    /** Files a worker under round {@code r}: remembered for its members, and held by the round while it runs. */
    private void file(WorkerInfo w, int r, Map<Integer, Integer> roundOf) {
        if (roundOf != null) {
            roundOf.put(w.id(), r);
        }
        Book b = books.get(r);
        if (b != null && b.endedAt == null) {
            b.workers.put(w.id(), w);
        }
    }

    /** One good tick: others' cores over the windows of the rounds it overlaps, the peaks, the sampled CPU. */
    private void measured(Measurement m, List<WorkerInfo> workers, int marked) {
        HostSample host = m.host();
        hostCores = host.cores().isEmpty() ? hostCores : host.cores().size();
        Map<Long, ProcessSample> byPid = new HashMap<>();
        Map<Long, Long> cpuNow = new HashMap<>();
        long ours = 0;
        Instant windowStart = host.window() == null ? null : m.takenAt().minus(host.window());
        for (ProcessSample p : m.processes()) {
            if (p.error() != null || p.userTime() == null || p.systemTime() == null) {
                continue;
            }
            byPid.put(p.pid(), p);
            if (!threadlabs(p.role())) {
                // an attached or external process is other load on the machine, never threadlab's own
                continue;
            }
            long cpu = p.userTime().plus(p.systemTime()).toNanos();
            cpuNow.put(p.pid(), cpu);
            Long before = cpuSeen.get(p.pid());
            if (before != null) {
                ours += Math.max(0, cpu - before);
            } else if (lastTick != null) {
                // a child first seen now: all its CPU so far is of this window (its JVM's start-up too). Not
                // judged by its start time: /proc's counts from a boot time read in whole seconds (btime),
                // so a child born since the last tick can look up to a second older and its start-up would
                // pass for other processes' load. One started just before the last tick but not yet
                // watched then had its CPU counted in no window before, so it belongs here as well.
                ours += cpu;
            }
        }
        // a child that ended since the last tick: what it used after that tick, as it reported at its end
        for (Map.Entry<Long, Long> e : cpuSeen.entrySet()) {
            if (!cpuNow.containsKey(e.getKey())) {
                for (WorkerInfo w : workers) {
                    if (w.kind() == WorkerKind.PROCESS && w.pid() == e.getKey() && w.cpuNanos() >= 0) {
                        ours += Math.max(0, w.cpuNanos() - e.getValue());
                    }
                }
            }
        }
        cpuSeen = cpuNow;
        spareCpu.keySet().retainAll(cpuNow.keySet());
        for (ProcessSample p : byPid.values()) {
            if (ModelHub.SPARE.equals(p.role()) || ModelHub.SPARE_STARTING.equals(p.role())) {
                spareCpu.put(p.pid(), cpuNow.get(p.pid()));
            }
        }
        lastTick = m.takenAt();
        double others = Double.NaN;
        if (windowStart != null && host.window().toNanos() > 0 && !Double.isNaN(host.total().utilisation())
                && !host.cores().isEmpty()) {
            others = host.total().utilisation() * host.cores().size() - ours / (double) host.window().toNanos();
        }
        // threadlab's own threads by TID, once: a round of 10,000 thread workers looks each one up
        ThreadIndex self = new ThreadIndex(byPid.get(m.selfPid()));
        for (Book b : books.values()) {
            if (b.done != null) {
                continue;
            }
            if (!Double.isNaN(others)) {
                Instant from = later(windowStart, b.info.requestedAt());
                Instant to = b.endedAt == null || m.takenAt().isBefore(b.endedAt) ? m.takenAt() : b.endedAt;
                long overlap = Duration.between(from, to).toNanos();
                if (overlap > 0) {
                    b.othersCoreNanos += others * overlap;
                    b.coveredNanos += overlap;
                }
            }
            peaks(b, m, byPid, spareCpu);
            threadCpu(b, self);
            runnable(b, m, byPid, self);
            if (b.endedAt == null && m.takenAt().isAfter(b.info.requestedAt())) {
                b.sampledUntil = m.takenAt();
            }
            if (b.endedAt != null && !m.takenAt().isBefore(b.endedAt) && cpuKnown(b, m.takenAt())) {
                settle(b, marked);
            }
        }
    }

    /**
     * Whether the round's CPU is in: a round of virtual threads gets it from the supervisor just after its
     * last worker ended, so it waits for it (never longer than {@link #VIRTUAL_WAIT}).
     */
    private boolean cpuKnown(Book b, Instant at) {
        return b.info.kind() != WorkerKind.VIRTUAL || virtualCpu.containsKey(b.info.id())
                || !at.isBefore(b.endedAt.plus(VIRTUAL_WAIT));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** What the round's live workers held at this tick: a process its RSS and OS threads, a thread its allocated bytes and itself. */
    private static void peaks(Book b, Measurement m, Map<Long, ProcessSample> byPid, Map<Long, Long> spareCpu) {
        long memory = 0;
        int threads = 0;
        boolean any = false;
        // a virtual thread's allocations the JVM cannot say: a round none of whose workers could is "not
        // measured" (-1), never 0 B
        boolean memoryKnown = false;
        for (WorkerInfo w : b.workers.values()) {
            if (w.kind() == WorkerKind.PROCESS) {
                ProcessSample p = byPid.get(w.pid());
                if (p != null && w.pid() > 0) {
                    b.sampledCpu.put(w.id(), Math.max(0, p.userTime().plus(p.systemTime()).toNanos()
                            - spareCpu.getOrDefault(w.pid(), 0L)));
                    if (w.state().alive()) {
                        memory += Math.max(0, p.rssBytes());
                        memoryKnown |= p.rssBytes() >= 0;
                        threads += Math.max(0, p.threadCount());
                        any = true;
                    }
                }
            } else if (w.state().alive()) {
                JavaThreadSample j = m.javaThreads().get(w.javaThreadId());
                if (j != null && j.allocatedBytes() >= 0) {
                    memory += j.allocatedBytes();
                    memoryKnown = true;
                }
                threads += 1 + poolThreads(w, byPid.get(m.selfPid()));
                any = true;
            }
        }
        if (any) {
            b.peakThreads = Math.max(b.peakThreads, threads);
            if (memoryKnown) {
                b.peakMemory = Math.max(b.peakMemory, memory);
            }
        }
    }

    /**
     * Adds this tick's CPU of the round's live thread workers: each one's task in threadlab's process (by
     * TID), and a thread pool's threads (by name), their CPU% over the process's window. What a running
     * round's "cpu so far" is made of; a virtual thread has no task of its own (it moves between carriers).
     */
    private static void threadCpu(Book b, ThreadIndex index) {
        ProcessSample self = index.process();
        if (self == null || self.window() == null || self.window().isNegative()) {
            return;
        }
        long window = self.window().toNanos();
        for (WorkerInfo w : b.workers.values()) {
            if (w.kind() != WorkerKind.THREAD || !w.state().alive() || w.cpuNanos() >= 0) {
                continue;
            }
            boolean pool = w.workload() != null && "pool".equals(w.workload().type());
            double percent = 0;
            org.threadlab.sample.ThreadSample own = index.get(w.tid());
            if (own != null && !Double.isNaN(own.cpuPercent())) {
                percent += own.cpuPercent();
            }
            if (pool) {
                // only a pool's threads are found by name, in a scan: few workers are pools
                String prefix = w.name() + ".";
                for (org.threadlab.sample.ThreadSample t : self.threads()) {
                    if (!Double.isNaN(t.cpuPercent()) && t.tid() != w.tid() && t.name() != null && t.name().startsWith(prefix)) {
                        percent += t.cpuPercent();
                    }
                }
            }
            b.threadCpu.computeIfAbsent(w.id(), k -> new long[1])[0] += Math.round(percent / 100 * window);
        }
    }

    /**
     * One tick's count of the round's threads in state R (running, or waiting for a core): a thread worker's
     * own thread (a thread pool's, its pool threads too), a process's every thread. A state letter is what the
     * kernel says of the thread at the moment it was read, so over the ticks it says how much of the time the
     * threads wanted a core, whether they got one or not (the CPU says that). A virtual thread has no thread
     * of its own to read, and a tick outside the round's window or reading none of its threads is not counted.
     */
    private static void runnable(Book b, Measurement m, Map<Long, ProcessSample> byPid, ThreadIndex self) {
        if (!m.takenAt().isAfter(b.info.requestedAt()) || b.endedAt != null && m.takenAt().isAfter(b.endedAt)) {
            return;
        }
        int read = 0;
        int running = 0;
        ProcessSample selfProcess = self.process();
        for (WorkerInfo w : b.workers.values()) {
            // threadlab's own without boxing its PID: 10,000 Longs a round's tick, the model's main garbage
            ProcessSample p = selfProcess != null && w.pid() == selfProcess.pid() ? selfProcess : byPid.get(w.pid());
            if (!w.state().alive() || p == null) {
                continue;
            }
            boolean pool = w.workload() != null && "pool".equals(w.workload().type());
            if (w.kind() == WorkerKind.THREAD && !pool) {
                // its own thread, looked up: a scan of threadlab's every thread per worker is O(N²)
                org.threadlab.sample.ThreadSample t = p == self.process() ? self.get(w.tid()) : null;
                if (t != null && t.state() != null) {
                    read++;
                    running += "R".equals(t.state()) ? 1 : 0;
                }
                continue;
            }
            String prefix = w.name() + ".";
            for (org.threadlab.sample.ThreadSample t : p.threads()) {
                boolean its = switch (w.kind()) {
                    case PROCESS -> true;
                    case THREAD -> w.tid() > 0 && t.tid() == w.tid() || pool && t.name() != null && t.name().startsWith(prefix);
                    default -> false;
                };
                if (its && t.state() != null) {
                    read++;
                    running += "R".equals(t.state()) ? 1 : 0;
                }
            }
        }
        if (read > 0) {
            b.runnableReadings += running;
            b.runnableTicks++;
        }
    }

    /**
     * The threads a thread pool worker started, as the OS lists threadlab's: they are named after it
     * ("pool-3.1", "pool-3.2"), and they, not the worker, do the pool's work. 0 for any other worker.
     */
    private static int poolThreads(WorkerInfo w, ProcessSample self) {
        if (self == null || w.workload() == null || !"pool".equals(w.workload().type())) {
            return 0;
        }
        String prefix = w.name() + ".";
        int n = 0;
        for (org.threadlab.sample.ThreadSample t : self.threads()) {
            if (t.name() != null && t.name().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** Its figures are final: the baseline, the speed-up, the verdict; said once. */
    private void settle(Book b, int marked) {
        Round base = baseline(b, marked);
        Round r = figures(b, b.endedAt, base);
        b.done = new Round(r.info(), r.endedAt(), r.wall(), r.cpuNanos(), r.coresBusy(), r.othersCores(), r.runnable(),
                r.hostCores(), r.finished(), r.failed(), r.stopped(), r.peakMemory(), r.peakThreads(), r.baseline(),
                r.speedup(), RoundVerdict.of(r, base));
        ended.add(b.done);
    }

    /**
     * The round this one is compared with: the one the teacher marked (when it has ended and is not this
     * one), else the newest ended round before it of one worker that finished the same workload with the
     * same parameters; null for none.
     */
    private Round baseline(Book b, int marked) {
        if (marked > 0 && marked != b.info.id()) {
            Book m = books.get(marked);
            if (m != null && m.done != null) {
                return m.done;
            }
        }
        Round best = null;
        for (Book o : books.values()) {
            Round r = o.done;
            if (r != null && o.info.id() < b.info.id() && r.info().started() == 1 && r.finished() == 1
                    && r.failed() == 0 && r.stopped() == 0 && sameWork(r.info(), b.info)) {
                best = r;
            }
        }
        return best;
    }

    private static boolean sameWork(RoundInfo a, RoundInfo b) {
        return a.workload().equals(b.workload()) && a.params().equals(b.params());
    }

    /** The round's figures up to {@code until} (its end, or the model's time while it runs). */
    private Round figures(Book b, Instant until, Round base) {
        Instant end = b.endedAt != null ? b.endedAt : until;
        Duration wall = Duration.between(b.info.requestedAt(), end);
        if (wall.isNegative()) {
            wall = Duration.ZERO;
        }
        long cpu = 0;
        boolean known = false;
        boolean unknown = false;
        if (b.info.kind() == WorkerKind.VIRTUAL) {
            // a virtual thread's CPU only its carriers can say: the round's as a whole, or not measured
            long v = virtualCpu.getOrDefault(b.info.id(), -1L);
            if (v >= 0) {
                cpu += v;
                known = true;
            } else {
                unknown = true;
            }
        }
        int finished = 0;
        int failed = 0;
        int stopped = 0;
        boolean ended = b.endedAt != null;
        for (WorkerInfo w : b.workers.values()) {
            long c = w.kind() == WorkerKind.VIRTUAL ? -1
                    : w.cpuNanos() >= 0 ? w.cpuNanos() : b.sampledCpu.getOrDefault(w.id(), -1L);
            if (c < 0 && !ended && w.kind() == WorkerKind.THREAD) {
                long[] measured = b.threadCpu.get(w.id());
                c = measured == null ? -1L : measured[0]; // while it runs: what the ticks measured
            }
            if (c >= 0) {
                cpu += c;
                known = true;
            }
            if (w.isMember()) {
                continue; // a pool's processes end with their owner: the round's count is of the workers asked for
            }
            if (w.state() == WorkerState.FINISHED) {
                finished++;
            } else if (w.state() == WorkerState.FAILED) {
                failed++;
            } else if (w.state() == WorkerState.TERMINATED || (b.endedAt != null && w.state().alive())) {
                stopped++; // alive only when the supervisor dropped it unseen: it did not finish its work
            }
        }
        long cpuNanos = known && !unknown ? cpu : -1;
        // while it runs, its CPU so far is what the ticks measured, so its cores busy is over the time they
        // covered (the wall runs on to the model's time); no tick yet: not known
        Duration over = ended ? wall : b.sampledUntil == null ? Duration.ZERO : Duration.between(b.info.requestedAt(),
                b.sampledUntil);
        if (!ended && b.sampledUntil == null) {
            cpuNanos = -1;
        }
        double busy = cpuNanos >= 0 && over.toNanos() > 0 ? cpuNanos / (double) over.toNanos() : Double.NaN;
        double others = b.coveredNanos > 0 ? Math.max(0, b.othersCoreNanos / b.coveredNanos) : Double.NaN;
        int baseId = base == null ? 0 : base.id();
        double speedup = Double.NaN;
        if (base != null && ended && sameWork(base.info(), b.info) && wall.toNanos() > 0) {
            speedup = b.info.started() * (double) base.wall().toNanos() / wall.toNanos();
        }
        double runnable = b.runnableTicks > 0 ? b.runnableReadings / (double) b.runnableTicks : Double.NaN;
        return new Round(b.info, b.endedAt, wall, cpuNanos, busy, others, runnable, hostCores, finished, failed, stopped,
                b.peakMemory, b.peakThreads, baseId, speedup, null);
    }
}
