package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.OwnProcessProbeTest.Task;
import org.threadlab.sample.ProcProbeFixtureTest.FakeProc;

/**
 * Another process's threads behind its process clock (ProcProbe.readUnlessProvenIdle): those likely to
 * have run are read first, and the others only when the process's whole CPU since the last tick is not
 * accounted for by them -- on a made-up /proc whose process clock is the sum of its threads' counters,
 * counting every schedstat read.
 */
class ProcessClockGateTest {
    private static final long PID = 100;
    private static final long MS = 1_000_000L;

    /** A process of made-up threads; its clock is the sum of their counters (and of the ended ones). */
    private static final class Process {
        final FakeProc proc = new FakeProc();
        final Map<Long, Task> threads = new LinkedHashMap<>();
        long endedNs;
        /** the clock's reads in this tick */
        int clockReads;
        /** runs this thread for 1 ms between the first and the second clock read of a tick */
        Task runsDuringTheReads;
        final ProcProbe probe;

        Process(int n) {
            this(n, true);
        }

        Process(int n, boolean withClock) {
            for (int i = 0; i < n; i++) {
                add(PID + i, i == 0 ? "main" : "worker-" + i);
            }
            proc.files.put("/fake/" + PID + "/stat", t -> FakeProc.stat("target", 'S',
                    cpuNanos() * SystemConstants.HZ / 1_000_000_000L, 250, threads.size()));
            proc.files.put("/fake/" + PID + "/statm", t -> "2000 375 300 10 0 200 0\n");
            LongUnaryOperator clock = pid -> {
                clockReads++;
                if (clockReads == 2 && runsDuringTheReads != null) {
                    runsDuringTheReads.run(1);
                    runsDuringTheReads = null;
                }
                return pid == PID ? cpuNanos() : -1;
            };
            probe = withClock ? new ProcProbe(PID, proc, "/fake", () -> proc.now, clock)
                    : new ProcProbe(PID, proc, "/fake", () -> proc.now);
        }

        void add(long tid, String name) {
            Task t = new Task(name);
            threads.put(tid, t);
            proc.tids.add(tid);
            String task = "/fake/" + PID + "/task/" + tid;
            proc.files.put(task + "/schedstat", now -> {
                t.schedstatReads++;
                return t.ns + " 0 " + t.runs + "\n";
            });
            proc.files.put(task + "/stat", now -> FakeProc.stat(t.name, 'S', t.ns * SystemConstants.HZ / 1_000_000_000L, 0));
        }

        long cpuNanos() {
            long sum = endedNs;
            for (Task t : threads.values()) {
                sum += t.ns;
            }
            return sum;
        }

        ProcessSample tick() {
            proc.now += 1000 * MS;
            clockReads = 0;
            return probe.sample("external", null);
        }

        int schedstatReads() {
            return threads.values().stream().mapToInt(t -> t.schedstatReads).sum();
        }
    }

    private static ThreadSample thread(ProcessSample p, long tid) {
        return SamplerAccuracyTest.thread(p, tid);
    }

    @Test
    void idleThreadsAreLeftUnreadWhileTheProcessClockIsExplainedByTheOnesThatRan() {
        Process p = new Process(8);
        p.probe.idleMayChange(false);
        Task busy = p.threads.get(PID + 3);
        p.tick();
        p.tick(); // every thread read: none moved since the first read
        busy.run(100);
        p.tick(); // it moved: not yet known to be likely, so every thread is read (unexplained by none)
        for (int i = 0; i < 5; i++) {
            busy.run(100);
            int before = p.schedstatReads();
            int busyBefore = busy.schedstatReads;
            ProcessSample s = p.tick();
            assertEquals(busyBefore + 1, busy.schedstatReads, "the thread that ran last tick is read first");
            assertEquals(before + 1, p.schedstatReads(), "and alone: the process clock's delta is its own");
            assertEquals(10.0, thread(s, PID + 3).cpuPercent(), 0.5, "100 ms of its ~1 s window");
            for (long tid = PID; tid < PID + 8; tid++) {
                if (tid != PID + 3) {
                    assertEquals(0.0, thread(s, tid).cpuPercent(), 0.0, "proven idle: 0 %, exactly");
                }
            }
        }
    }

    @Test
    void aThreadThatWakesIsReadInTheTickItRanWithItsCpu() {
        Process p = new Process(8);
        p.probe.idleMayChange(false);
        Task sleeper = p.threads.get(PID + 5);
        for (int i = 0; i < 3; i++) {
            p.tick();
        }
        // it has never run since first seen: the clock's delta is not explained by the likely ones (none),
        // nor by those that ran before (none): every thread is read, in the same tick
        sleeper.run(250);
        int before = sleeper.schedstatReads;
        ProcessSample s = p.tick();
        assertEquals(before + 1, sleeper.schedstatReads);
        assertEquals(25.0, thread(s, PID + 5).cpuPercent(), 0.5);
        // next tick it is likely (it moved), read first; idle again, it explains the delta (0) alone
        int all = p.schedstatReads();
        assertEquals(0.0, thread(p.tick(), PID + 5).cpuPercent(), 0.0);
        assertEquals(all + 1, p.schedstatReads(), "only the likely one");
        // now it has run before: when it wakes again it is read in the second round, before the never-run ones
        p.tick();
        sleeper.run(50);
        all = p.schedstatReads();
        s = p.tick();
        assertEquals(5.0, thread(s, PID + 5).cpuPercent(), 0.5);
        assertEquals(all + 1, p.schedstatReads(), "the ones that ran before, then proven: the never-run ones unread");
    }

    @Test
    void aThreadRunningWhileTheOthersAreReadMakesEveryThreadRead() {
        Process p = new Process(6);
        p.probe.idleMayChange(false);
        for (int i = 0; i < 3; i++) {
            p.tick();
        }
        int before = p.schedstatReads();
        p.tick();
        assertEquals(before, p.schedstatReads(), "nothing ran: nothing read (the clock's delta, 0, is explained)");
        // one runs after the clock was first read in the tick, before it is read again: the clock moved
        // while the threads were read, so nothing is proven and every thread is read
        p.runsDuringTheReads = p.threads.get(PID + 2);
        before = p.schedstatReads();
        ProcessSample s = p.tick();
        assertEquals(before + 6, p.schedstatReads(), "every thread read");
        assertTrue(thread(s, PID + 2).cpuPercent() > 0, "its millisecond shows in that tick: " + thread(s, PID + 2).cpuPercent());
    }

    @Test
    void withoutAProcessClockEveryThreadIsReadEveryTick() {
        Process p = new Process(6, false);
        p.probe.idleMayChange(false);
        p.tick();
        p.tick();
        int before = p.schedstatReads();
        p.tick();
        assertEquals(before + 6, p.schedstatReads(), "a made-up /proc, OSHI's platforms: every thread's schedstat, as ever");
    }
}
