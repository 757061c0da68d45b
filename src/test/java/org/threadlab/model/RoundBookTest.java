package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.JavaThreadSample;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** RoundBook on fabricated workers and ticks: ends, wall, CPU, baselines, speed-ups, peaks, others' cores. */
class RoundBookTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final long SELF = 100;
    private static final WorkloadSpec CPU = WorkloadSpec.of("cpu").with("units", "0.5");

    private final RoundBook book = new RoundBook();
    private final List<RoundInfo> asked = new ArrayList<>();
    private final List<WorkerInfo> workers = new ArrayList<>();

    private static Instant at(double s) {
        return T0.plusNanos((long) (s * 1e9));
    }

    private RoundInfo round(int id, WorkerKind kind, int n, boolean gil, String params, double at) {
        RoundInfo r = new RoundInfo(id, kind, "cpu", params, n, n, false, gil, at(at));
        asked.add(r);
        return r;
    }

    private static WorkerInfo worker(int id, int round, int owner, WorkerKind kind, long pid, WorkerState state,
                                     double started, Double ended, long cpuNanos) {
        return new WorkerInfo(id, "w" + id, kind, CPU, false, state, null, at(started), ended == null ? null : at(ended),
                0, 0, pid, kind == WorkerKind.PROCESS ? pid : 1000 + id, kind == WorkerKind.PROCESS ? -1 : id, cpuNanos,
                null, null, List.of(), false, null, List.of(), owner, round);
    }

    private void put(WorkerInfo w) {
        workers.removeIf(x -> x.id() == w.id());
        workers.add(w);
    }

    /** A tick at {@code t} over {@code window} seconds, the host {@code busy} cores of 2, with these processes. */
    private static Measurement tick(double t, double window, double busyCores, List<ProcessSample> processes,
                                    Map<Long, JavaThreadSample> java) {
        CoreSample total = new CoreSample(-1, busyCores / 2, 0, 0, 1 - busyCores / 2, busyCores / 2, History.EMPTY);
        List<CoreSample> cores = List.of(total, total);
        HostSample host = new HostSample("h", Duration.ZERO, new double[] {0, 0, 0}, cores, total, 1, 2, 0, 0,
                Duration.ofNanos((long) (window * 1e9)), 0);
        return new Measurement(1, at(t), Duration.ofSeconds(1), SELF, host, processes, java, 0, null);
    }

    private static ProcessSample process(long pid, double cpuSeconds, long rss, int threads, double startedAt) {
        Duration cpu = Duration.ofNanos((long) (cpuSeconds * 1e9));
        return new ProcessSample(pid, 1, "java", "R", 0, cpu, Duration.ZERO, rss, rss, threads, at(startedAt),
                pid == SELF ? "self" : "worker", List.of(), null, null);
    }

    private List<Round> update(double now, Measurement... ticks) {
        return book.update(asked, workers, 0, List.of(ticks), at(now));
    }

    /** threadlab's process at a tick: its CPU, and these threads (TID, CPU%) over a window of {@code window} s. */
    private static ProcessSample self(double cpuSeconds, double window, long[] tids, double[] percents, String... names) {
        List<org.threadlab.sample.ThreadSample> ts = new ArrayList<>();
        for (int i = 0; i < tids.length; i++) {
            ts.add(new org.threadlab.sample.ThreadSample(tids[i], i < names.length ? names[i] : "t" + tids[i], "R",
                    percents[i], 0, 20, 0, 0, 0, null));
        }
        return new ProcessSample(SELF, 1, "java", "R", 0, Duration.ofNanos((long) (cpuSeconds * 1e9)), Duration.ZERO, 0, 0,
                10, at(-100), "self", ts, null, Duration.ofNanos((long) (window * 1e9)));
    }

    /**
     * A running round of 10,000 sleeping thread workers: a tick's books make a few bytes a worker, not a
     * boxed PID, id and CPU figure each (issue 13: every young collection stops 10,000 threads).
     */
    @Test
    void aTickOfABigRoundMakesLittleGarbage() {
        int n = 10_000;
        round(1, WorkerKind.THREAD, n, false, "units=0.5", 0);
        long[] tids = new long[n];
        double[] pcts = new double[n];
        for (int i = 1; i <= n; i++) {
            put(worker(i, 1, 0, WorkerKind.THREAD, SELF, WorkerState.WAITING, 0.1, null, -1));
            tids[i - 1] = 1000 + i;
        }
        List<Measurement> ticks = new ArrayList<>();
        for (int t = 1; t <= 4; t++) {
            ticks.add(tick(t, 1, 0.1, List.of(self(t * 0.01, 1, tids, pcts)), Map.of()));
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 40; i++) {
            Measurement m = ticks.get(i % ticks.size());
            long before = mx.getThreadAllocatedBytes(me);
            book.update(asked, workers, 0, List.of(m), m.takenAt());
            least = Math.min(least, mx.getThreadAllocatedBytes(me) - before);
        }
        // measured: 0.99 MB (boxed ids of the round's map, the index's packed TIDs); before, 2.33 MB
        assertTrue(least < n * 120L, "a tick of a 10,000-worker round allocated " + least + " bytes");
    }

    /**
     * QA: the timer said "cpu so far -" and "cores busy -" for the whole round. A running round's CPU so
     * far is what the ticks measured of its workers (a thread's task CPU% over each window, a process's
     * CPU time), its cores busy that over the time the ticks covered; at its end the workers' own
     * figures replace them.
     */
    @Test
    void aRunningRoundHasItsCpuSoFarFromTheTicks() {
        round(1, WorkerKind.THREAD, 2, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0.1, null, -1));
        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0.1, null, -1));
        Round r = update(0.2).get(0);
        assertEquals(-1, r.cpuNanos(), "no tick yet: not known");
        assertTrue(Double.isNaN(r.coresBusy()));
        // worker 1 (TID 1001) 100 % and worker 2 (TID 1002) 50 % over (0, 0.5]; another thread's 80 % is not theirs
        r = update(0.6, tick(0.5, 0.5, 1.6, List.of(self(2, 0.5, new long[] {1001, 1002, 7}, new double[] {100, 50, 80})),
                Map.of())).get(0);
        assertTrue(r.running());
        assertEquals(750_000_000L, r.cpuNanos(), 1_000_000, "0.5 s + 0.25 s so far");
        assertEquals(1.5, r.coresBusy(), 0.01, "over the 0.5 s the ticks covered, not the 0.6 s of wall so far");
        r = update(1.0, tick(1.0, 0.5, 2, List.of(self(3, 0.5, new long[] {1001, 1002}, new double[] {100, 100})),
                Map.of())).get(0);
        assertEquals(1_750_000_000L, r.cpuNanos(), 1_000_000);
        assertEquals(1.75, r.coresBusy(), 0.01);
        // at the end the workers' own figures replace the sampled ones
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0.1, 1.1, 1_050_000_000L));
        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0.1, 1.1, 1_000_000_000L));
        r = update(1.2, tick(1.2, 0.2, 0.5, List.of(self(3.1, 0.2, new long[] {}, new double[] {})), Map.of())).get(0);
        assertFalse(r.running());
        assertEquals(2_050_000_000L, r.cpuNanos());
        assertEquals(2.05 / 1.1, r.coresBusy(), 1e-6);

        // a process round: the child's CPU time as the sampler read it
        round(2, WorkerKind.PROCESS, 1, false, "units=0.5", 2);
        put(worker(3, 2, 0, WorkerKind.PROCESS, 300, WorkerState.RUNNING, 2.1, null, -1));
        r = update(3, tick(3, 1, 1, List.of(self(4, 1, new long[] {}, new double[] {}), process(300, 0.8, 1000, 15, 2.1)),
                Map.of())).get(1);
        assertTrue(r.running());
        assertEquals(800_000_000L, r.cpuNanos());
        assertEquals(0.8, r.coresBusy(), 1e-6);
    }

    /**
     * A round of virtual threads: its workers cannot say their CPU, the supervisor's reading of the
     * carriers can. The round waits for that figure before it settles, and without one (the carriers
     * were shared) says "not measured" (-1, no cores busy), never 0.
     */
    @Test
    void aVirtualRoundsCpuIsTheCarriersAndWaitsForIt() {
        round(1, WorkerKind.VIRTUAL, 2, false, "", 0);
        put(worker(1, 1, 0, WorkerKind.VIRTUAL, SELF, WorkerState.RUNNING, 0, null, -1));
        put(worker(2, 1, 0, WorkerKind.VIRTUAL, SELF, WorkerState.RUNNING, 0, null, -1));
        update(0.5, tick(0.5, 1, 0, List.of(process(SELF, 1, 0, 10, -100)), Map.of()));
        put(worker(1, 1, 0, WorkerKind.VIRTUAL, SELF, WorkerState.FINISHED, 0, 1.0, -1));
        put(worker(2, 1, 0, WorkerKind.VIRTUAL, SELF, WorkerState.FINISHED, 0, 1.0, -1));
        Round r = update(1.1, tick(1.1, 0.6, 2, List.of(process(SELF, 3, 0, 10, -100)), Map.of())).get(0);
        assertNull(r.verdict(), "its CPU is not in yet: it waits");
        r = book.update(asked, workers, 0, List.of(tick(1.2, 0.1, 2, List.of(process(SELF, 3.2, 0, 10, -100)), Map.of())),
                at(1.2), Map.of(1, 1_900_000_000L)).get(0);
        assertNotNull(r.verdict());
        assertEquals(1_900_000_000L, r.cpuNanos(), "the carriers' CPU over the round");
        assertEquals(1.9, r.coresBusy(), 1e-9);

        round(2, WorkerKind.VIRTUAL, 1, false, "", 2);
        put(worker(3, 2, 0, WorkerKind.VIRTUAL, SELF, WorkerState.FINISHED, 2, 3.0, -1));
        Round shared = book.update(asked, workers, 0, List.of(tick(3.1, 1, 2, List.of(process(SELF, 5, 0, 10, -100)),
                Map.of())), at(3.1), Map.of(1, 1_900_000_000L, 2, -1L)).get(1);
        assertNotNull(shared.verdict());
        assertEquals(-1, shared.cpuNanos(), "not measured, not 0");
        assertTrue(Double.isNaN(shared.coresBusy()));
        assertTrue(shared.verdict().contains("not measured") || !shared.verdict().contains("cores busy"), shared.verdict());
    }

    /**
     * A child born between two ticks is threadlab's from its first breath, even when /proc's start time,
     * counted from a boot time read in whole seconds (btime), puts its birth up to a second early: its
     * JVM's start-up is not "other processes".
     */
    @Test
    void aChildBornBetweenTicksIsOursThoughItsStartTimeReadsEarly() {
        update(1, tick(1, 1, 1.0, List.of(process(SELF, 1.0, 0, 10, -100)), Map.of()));
        round(1, WorkerKind.PROCESS, 1, false, "units=0.5", 1.0);
        put(worker(1, 1, 0, WorkerKind.PROCESS, 200, WorkerState.RUNNING, 1.2, null, -1));
        // host 1.5 cores busy over (1, 2]: threadlab 0.2 s, the child 0.5 s (born at 1.1, /proc says 0.3)
        Round r = update(2, tick(2, 1, 1.5, List.of(process(SELF, 1.2, 0, 10, -100), process(200, 0.5, 1000, 15, 0.3)),
                Map.of())).get(0);
        assertEquals(0.8, r.othersCores(), 1e-6, "1.5 busy less threadlab's 0.2 and its child's 0.5");
    }

    @Test
    void aRoundEndsWithItsLastWorkerAndItsFiguresSettleAtTheNextTick() {
        round(1, WorkerKind.THREAD, 2, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0.1, null, -1));
        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0.1, null, -1));
        List<Round> rs = update(0.5, tick(0, 1, 0, List.of(process(SELF, 1, 0, 10, -100)), Map.of()));
        Round r = rs.get(0);
        assertTrue(r.running());
        assertEquals(Duration.ofMillis(500), r.wall(), "a running round's wall runs to the model's time");

        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0.1, 1.0, 900_000_000L));
        r = update(1.2).get(0);
        assertTrue(r.running(), "one worker still runs");

        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0.1, 2.0, 1_100_000_000L));
        r = update(2.1).get(0);
        assertEquals(at(2.0), r.endedAt(), "the last worker's end");
        assertEquals(Duration.ofSeconds(2), r.wall(), "from the request to the last end");
        assertEquals(2_000_000_000L, r.cpuNanos());
        assertEquals(1.0, r.coresBusy(), 1e-9);
        assertNull(r.verdict(), "not final before a tick covers its end");
        assertTrue(book.ended().isEmpty());

        r = update(2.5, tick(2.5, 2.5, 2.0, List.of(process(SELF, 3.0, 0, 10, -100)), Map.of())).get(0);
        assertNotNull(r.verdict());
        assertEquals(2, r.finished());
        List<Round> ended = book.ended();
        assertEquals(1, ended.size(), "said once");
        update(3, tick(3, 0.5, 2.0, List.of(process(SELF, 4.0, 0, 10, -100)), Map.of()));
        assertTrue(book.ended().isEmpty(), "said once only");
    }

    @Test
    void othersCoresAreTheHostsBusyCoresLessThreadlabsOwnOverTheRoundsWindow() {
        round(1, WorkerKind.THREAD, 1, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0, null, -1));
        update(0, tick(0, 1, 0, List.of(process(SELF, 10, 0, 10, -100)), Map.of()));
        // 2 s: the host had 1.8 cores busy, threadlab used 2.0 s of CPU (1 core): others 0.8
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0, 2.0, 2_000_000_000L));
        Round r = update(2, tick(2, 2, 1.8, List.of(process(SELF, 12, 0, 10, -100)), Map.of())).get(0);
        assertEquals(0.8, r.othersCores(), 1e-6);
        assertEquals(2, r.hostCores());
        assertTrue(r.verdict().contains("other processes kept 0.8 of 2 cores busy meanwhile"), r.verdict());
    }

    /**
     * Issue 14: a process attached with {@code threadlab attach} is other load, not threadlab's: its CPU
     * was counted as threadlab's (so others' cores came out too low), from its second tick on.
     */
    @Test
    void anAttachedProcesssCpuIsOthersNotThreadlabs() {
        round(1, WorkerKind.THREAD, 1, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0, null, -1));
        update(0, tick(0, 1, 0, List.of(process(SELF, 10, 0, 10, -100), attached(555, 50)), Map.of()));
        // 2 s: the host had 1.8 cores busy; threadlab used 1 core, the attached process 0.5 of one: others 0.8
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0, 2.0, 2_000_000_000L));
        Round r = update(2, tick(2, 2, 1.8, List.of(process(SELF, 12, 0, 10, -100), attached(555, 51)), Map.of())).get(0);
        assertEquals(0.8, r.othersCores(), 1e-6, "the attached process's 0.5 core is among the others' 0.8");
        assertEquals(1, r.peakThreads(), "its threads are not the round's");
    }

    private static ProcessSample attached(long pid, double cpuSeconds) {
        Duration cpu = Duration.ofNanos((long) (cpuSeconds * 1e9));
        return new ProcessSample(pid, 1, "sleep", "S", 0, cpu, Duration.ZERO, 1 << 20, 1 << 20, 7, at(-100),
                org.threadlab.model.Attached.ROLE, List.of(), null, null);
    }

    /** A process at a tick with these threads in these kernel states (TIDs 1, 2, ...). */
    private static ProcessSample withStates(long pid, double cpuSeconds, long[] tids, String... states) {
        List<org.threadlab.sample.ThreadSample> ts = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            ts.add(new org.threadlab.sample.ThreadSample(tids[i], "t" + tids[i], states[i], 0, 0, 20, 0, 0, 0, null));
        }
        return new ProcessSample(pid, 1, "java", "S", 0, Duration.ofNanos((long) (cpuSeconds * 1e9)), Duration.ZERO, 0,
                0, states.length, at(-100), pid == SELF ? "self" : "worker", ts, null, Duration.ofMillis(500));
    }

    /**
     * A round's runnable count: at each tick in its window, its threads the kernel had in state R (a thread
     * worker's own thread, a process's every thread; threadlab's other threads not), averaged over the ticks
     * that read any; a tick after its end is not counted, and a round no tick read is not measured.
     */
    @Test
    void aRoundsRunnableIsItsThreadsInStateRAveragedOverTheTicks() {
        round(1, WorkerKind.THREAD, 2, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0.1, null, -1));
        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0.1, null, -1));
        long[] tids = {1001, 1002, 7};
        assertTrue(Double.isNaN(update(0.2).get(0).runnable()), "no tick yet: not measured");
        // both runnable, then one; threadlab's thread 7 runnable at both is not the round's
        update(0.5, tick(0.5, 0.5, 2, List.of(withStates(SELF, 1, tids, "R", "R", "R")), Map.of()));
        Round r = update(1.0, tick(1.0, 0.5, 2, List.of(withStates(SELF, 2, tids, "R", "S", "R")), Map.of())).get(0);
        assertEquals(1.5, r.runnable(), 1e-9, "(2 + 1) / 2 ticks");
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0.1, 1.2, 200_000_000L));
        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0.1, 1.2, 200_000_000L));
        // a TID reused after the end reads R: not the round's
        r = update(1.5, tick(1.5, 0.5, 2, List.of(withStates(SELF, 3, tids, "R", "R", "R")), Map.of())).get(0);
        assertFalse(r.running());
        assertNotNull(r.verdict());
        assertEquals(1.5, r.runnable(), 1e-9, "the settled round keeps it");

        // a process: every thread of the child counts; a sleeper's are all S
        round(2, WorkerKind.PROCESS, 1, false, "", 2);
        put(worker(3, 2, 0, WorkerKind.PROCESS, 300, WorkerState.RUNNING, 2.1, null, -1));
        round(3, WorkerKind.THREAD, 1, false, "", 2);
        put(worker(4, 3, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 2.1, null, -1));
        List<Round> rs = update(3, tick(3, 1, 1, List.of(withStates(SELF, 4, new long[] {1004}, "S"),
                withStates(300, 1, new long[] {300, 301, 302, 303}, "S", "R", "S", "R")), Map.of()));
        assertEquals(2.0, rs.get(1).runnable(), 1e-9, "two of the child's threads runnable");
        assertEquals(0.0, rs.get(2).runnable(), 1e-9, "a sleeping thread wants no core");

        // a virtual round has no thread of its own to read
        round(4, WorkerKind.VIRTUAL, 1, false, "", 4);
        put(worker(5, 4, 0, WorkerKind.VIRTUAL, SELF, WorkerState.RUNNING, 4.1, null, -1));
        rs = update(5, tick(5, 1, 1, List.of(withStates(SELF, 5, new long[] {1005}, "R")), Map.of()));
        assertTrue(Double.isNaN(rs.get(3).runnable()), "not measured: " + rs.get(3).runnable());
    }

    @Test
    void aChildThatEndedBetweenTicksCountsAsThreadlabsWithWhatItReported() {
        round(1, WorkerKind.PROCESS, 1, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.PROCESS, 200, WorkerState.RUNNING, 0.1, null, -1));
        update(0, tick(0, 1, 0, List.of(process(SELF, 10, 0, 10, -100)), Map.of()));
        // the child is born within the window: all its CPU so far is of this window
        update(1, tick(1, 1, 0.9, List.of(process(SELF, 10, 0, 10, -100), process(200, 0.9, 50_000_000, 20, 0.2)), Map.of()));
        put(worker(1, 1, 0, WorkerKind.PROCESS, 200, WorkerState.FINISHED, 0.1, 1.5, 1_400_000_000L));
        // gone by the next tick: its last 0.5 s comes from its own report, so others stay at 0
        Round r = update(2, tick(2, 1, 0.5, List.of(process(SELF, 10, 0, 10, -100)), Map.of())).get(0);
        assertEquals(0.0, r.othersCores(), 1e-6);
        assertEquals(50_000_000, r.peakMemory());
        assertEquals(20, r.peakThreads());
        assertEquals(1_400_000_000L, r.cpuNanos());
    }

    @Test
    void aKilledProcessesCpuIsWhatTheSamplerMeasured() {
        round(1, WorkerKind.PROCESS, 1, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.PROCESS, 200, WorkerState.RUNNING, 0.1, null, -1));
        update(1, tick(1, 1, 1, List.of(process(SELF, 10, 0, 10, -100), process(200, 0.7, 1, 20, 0.2)), Map.of()));
        put(worker(1, 1, 0, WorkerKind.PROCESS, 200, WorkerState.TERMINATED, 0.1, 1.2, -1));
        Round r = update(2, tick(2, 1, 0, List.of(process(SELF, 10, 0, 10, -100)), Map.of())).get(0);
        assertEquals(700_000_000L, r.cpuNanos());
        assertEquals(1, r.stopped());
        assertTrue(r.verdict().contains("1 stopped"), r.verdict());
        assertTrue(Double.isNaN(r.speedup()));
    }

    @Test
    void poolMembersBelongToTheirOwnersRound() {
        round(1, WorkerKind.THREAD, 1, false, "inputs=4", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0, null, -1));
        put(worker(2, 0, 1, WorkerKind.PROCESS, 300, WorkerState.RUNNING, 0.2, null, -1));
        update(0.5);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0, 1.0, 100_000_000L));
        Round r = update(1.1).get(0);
        assertTrue(r.running(), "its member still runs");
        put(worker(2, 0, 1, WorkerKind.PROCESS, 300, WorkerState.FINISHED, 0.2, 1.5, 900_000_000L));
        r = update(1.6, tick(1.6, 1.6, 1, List.of(process(SELF, 10, 0, 10, -100)), Map.of())).get(0);
        assertEquals(at(1.5), r.endedAt());
        assertEquals(1_000_000_000L, r.cpuNanos(), "the member's CPU is the round's");
        assertEquals(1, r.finished(), "the count is of the workers asked for");
    }

    @Test
    void theDefaultBaselineIsTheNewestSingleRoundOfTheSameWorkAndTheSpeedUpFollows() {
        finished(round(1, WorkerKind.THREAD, 1, false, "units=0.5", 0), 1, 1.0);
        finished(round(2, WorkerKind.THREAD, 1, false, "units=1", 2), 1, 4.0);     // other parameters
        finished(round(3, WorkerKind.THREAD, 1, false, "units=0.5", 5), 1, 5.5);   // the newest: 0.5 s
        finished(round(4, WorkerKind.THREAD, 4, true, "units=0.5", 6), 4, 8.0);    // 2 s for 4x the work
        List<Round> rs = update(9, tick(9, 9, 1, List.of(process(SELF, 10, 0, 10, -100)), Map.of()));
        Round four = rs.get(3);
        assertEquals(3, four.baseline());
        assertEquals(4 * 0.5 / 2.0, four.speedup(), 1e-9);
        assertEquals(0, rs.get(0).baseline(), "the first has none");
        assertTrue(Double.isNaN(rs.get(0).speedup()));
        assertEquals(0, rs.get(1).baseline(), "nothing of the same parameters before it");
        assertEquals(1, rs.get(2).baseline(), "a repeat is compared with the one before");
    }

    @Test
    void aMarkedBaselineWins() {
        finished(round(1, WorkerKind.THREAD, 1, false, "units=0.5", 0), 1, 1.0);
        finished(round(2, WorkerKind.THREAD, 1, false, "units=0.5", 1), 1, 2.0);
        update(2.5, tick(2.5, 2.5, 1, List.of(process(SELF, 10, 0, 10, -100)), Map.of()));
        finished(round(3, WorkerKind.PROCESS, 2, false, "units=0.5", 3), 2, 4.0);
        Round r = book.update(asked, workers, 1, List.of(tick(4, 1.5, 1, List.of(process(SELF, 10, 0, 10, -100)), Map.of())),
                at(4)).get(2);
        assertEquals(1, r.baseline());
        assertEquals(2.0, r.speedup(), 1e-9);
    }

    @Test
    void aFailedRoundIsNoBaseline() {
        round(1, WorkerKind.THREAD, 1, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FAILED, 0, 1.0, 5));
        finished(round(2, WorkerKind.THREAD, 2, false, "units=0.5", 2), 2, 3.0);
        List<Round> rs = update(4, tick(4, 4, 1, List.of(process(SELF, 10, 0, 10, -100)), Map.of()));
        assertEquals(1, rs.get(0).failed());
        assertTrue(rs.get(0).verdict().contains("1 failed"), rs.get(0).verdict());
        assertEquals(0, rs.get(1).baseline());
    }

    @Test
    void aThreadRoundsPeaksAreItsAllocatedBytesAndItsCount() {
        round(1, WorkerKind.THREAD, 2, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0, null, -1));
        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0, null, -1));
        Round r = update(1, tick(1, 1, 1, List.of(process(SELF, 10, 0, 10, -100)),
                Map.of(1L, new JavaThreadSample(1, "w1", Thread.State.RUNNABLE, false, 1000),
                        2L, new JavaThreadSample(2, "w2", Thread.State.RUNNABLE, false, 3000)))).get(0);
        assertEquals(4000, r.peakMemory());
        assertEquals(2, r.peakThreads());
    }

    /** A thread pool's threads, named after its worker, are the round's threads as the OS lists them. */
    @Test
    void aThreadPoolRoundsPeakThreadsCountItsPoolThreads() {
        asked.add(new RoundInfo(1, WorkerKind.THREAD, "pool", "workers=2", 1, 1, false, false, at(0)));
        put(new WorkerInfo(1, "w1", WorkerKind.THREAD, WorkloadSpec.of("pool").with("workers", "2"), false,
                WorkerState.RUNNING, null, at(0), null, 0, 0, SELF, 1001, 1, -1, null, null, List.of(), false, null,
                List.of(), 0, 1));
        List<org.threadlab.sample.ThreadSample> threads = new ArrayList<>();
        for (String name : List.of("main", "w1", "w1.1", "w1.2", "w10.1", "w1-pool-reader-1")) {
            threads.add(new org.threadlab.sample.ThreadSample(threads.size() + 1, name, "R", 0, 0, 20, 0, -1, -1, null));
        }
        ProcessSample self = new ProcessSample(SELF, 1, "java", "R", 0, Duration.ofSeconds(10), Duration.ZERO, 0, 0,
                threads.size(), at(-100), "self", threads, null);
        Round r = update(1, tick(1, 1, 1, List.of(self), Map.of())).get(0);
        assertEquals(3, r.peakThreads(), "the worker and its two pool threads, not another pool's nor a reader");
    }

    /** The JVM cannot say a virtual thread's allocations: its round's peak memory is not measured, not 0 B. */
    @Test
    void aVirtualRoundsPeakMemoryIsNotMeasured() {
        round(1, WorkerKind.VIRTUAL, 2, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.VIRTUAL, SELF, WorkerState.RUNNING, 0, null, -1));
        put(worker(2, 1, 0, WorkerKind.VIRTUAL, SELF, WorkerState.RUNNING, 0, null, -1));
        Round r = update(1, tick(1, 1, 1, List.of(process(SELF, 10, 0, 10, -100)), Map.of())).get(0);
        assertEquals(-1, r.peakMemory());
        assertEquals(2, r.peakThreads());
    }

    @Test
    void aWorkerTheScreenClearedStillCountsAsLastSeen() {
        round(1, WorkerKind.THREAD, 2, false, "units=0.5", 0);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0, null, -1));
        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.RUNNING, 0, null, -1));
        update(0.5);
        put(worker(1, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0, 1.0, 700_000_000L));
        update(1.1);
        workers.removeIf(w -> w.id() == 1); // cleared
        Round r = update(1.2).get(0);
        assertTrue(r.running(), "worker 2 still runs");
        put(worker(2, 1, 0, WorkerKind.THREAD, SELF, WorkerState.FINISHED, 0, 1.5, 800_000_000L));
        r = update(1.6).get(0);
        assertEquals(at(1.5), r.endedAt());
        assertEquals(1_500_000_000L, r.cpuNanos(), "the cleared worker's CPU counts");
        assertEquals(2, r.finished());
    }

    @Test
    void aRoundClearedBeforeItWasEverSeenEnds() {
        round(1, WorkerKind.THREAD, 1, false, "units=0.5", 0);
        Round r = update(1).get(0);
        assertFalse(r.running());
        assertEquals(-1, r.cpuNanos(), "nothing known");
    }

    @Test
    void noMoreThanTheKeptRounds() {
        for (int i = 1; i <= RoundBook.KEEP + 5; i++) {
            round(i, WorkerKind.THREAD, 1, false, "", i);
        }
        List<Round> rs = update(300);
        assertEquals(RoundBook.KEEP, rs.size());
        assertEquals(6, rs.get(0).id(), "the oldest go");
    }

    /** Its n workers, the k-th of them ending at {@code end}, each having used the CPU of its time. */
    private void finished(RoundInfo r, int n, double end) {
        double from = Duration.between(T0, r.requestedAt()).toNanos() / 1e9;
        for (int i = 0; i < n; i++) {
            int id = r.id() * 10 + i;
            put(worker(id, r.id(), 0, r.kind(), r.kind() == WorkerKind.PROCESS ? 500 + id : SELF, WorkerState.FINISHED, from,
                    end, (long) ((end - from) * 1e9)));
        }
    }
}
