package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.ProcProbeFixtureTest.FakeProc;

/**
 * threadlab's own process read with its Java threads' clocks ({@link OwnClocks}): what is left unread,
 * and that every figure shown is still what the (made-up) kernel says.
 */
class OwnProcessProbeTest {
    private static final long PID = 100;
    private static final long MS = 1_000_000L;

    /** One made-up thread whose CPU, arrivals and state the test moves by hand. */
    static final class Task {
        String name;
        long ns;
        long runs = 1;
        char state = 'S';
        int statReads;
        int schedstatReads;

        Task(String name) {
            this.name = name;
        }

        /** It runs for {@code ms} and goes back to sleep. */
        void run(long ms) {
            ns += ms * MS;
            runs++;
        }
    }

    /** A process of made-up threads, and the Java clocks of those that are Java threads. */
    static final class Own implements OwnClocks {
        final FakeProc proc = new FakeProc();
        final Map<Long, Task> tasks = new HashMap<>();
        final Map<Long, Long> javaIdByTid = new HashMap<>();
        final Map<Long, Long> lying = new HashMap<>();
        final ProcProbe probe;
        int clockReads;
        long endedNs;

        Own() {
            proc.process();
            // the process's ticks: its threads' CPU, live and ended (without reading their files: counted reads)
            proc.files.put("/fake/" + PID + "/stat", now -> {
                long ns = endedNs;
                for (Task t : tasks.values()) {
                    ns += t.ns;
                }
                return FakeProc.stat("java", 'S', ns * SystemConstants.HZ / 1_000_000_000L, 250, tasks.size());
            });
            probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        }

        Task add(long tid, String name, long javaId) {
            Task t = new Task(name);
            tasks.put(tid, t);
            if (javaId >= 0) {
                javaIdByTid.put(tid, javaId);
            }
            proc.tids.add(tid);
            String dir = "/fake/" + PID + "/task/" + tid;
            proc.files.put(dir + "/stat", now -> {
                t.statReads++;
                return FakeProc.stat(t.name, t.state, t.ns * SystemConstants.HZ / 1_000_000_000L, 0);
            });
            proc.files.put(dir + "/schedstat", now -> {
                t.schedstatReads++;
                return t.ns + " 0 " + t.runs + "\n";
            });
            return t;
        }

        void end(long tid) {
            Task t = tasks.get(tid);
            t.statReads = Integer.MIN_VALUE;
            proc.end(tid);
            endedNs += t.ns;
            tasks.remove(tid);
            javaIdByTid.remove(tid);
        }

        ProcessSample tick() {
            proc.now += 1000 * MS;
            return probe.sample("self", null, this);
        }

        @Override
        public long javaId(long tid, String kernelName, boolean nameUnique) {
            return javaIdByTid.getOrDefault(tid, -1L);
        }

        @Override
        public long cpuNanos(long javaId) {
            clockReads++;
            for (Map.Entry<Long, Long> e : javaIdByTid.entrySet()) {
                if (e.getValue() == javaId) {
                    Task t = tasks.get(e.getKey());
                    return lying.getOrDefault(e.getKey(), t == null ? -1 : t.ns);
                }
            }
            return -1;
        }

        @Override
        public long readAt() {
            return proc.now;
        }
    }

    private static ThreadSample thread(ProcessSample p, long tid) {
        return SamplerAccuracyTest.thread(p, tid);
    }

    @Test
    void aJavaThreadWhoseClockStoodStillIsNotReadAndOneThatRanIsReadInTheSameTick() {
        Own own = new Own();
        Task worker = own.add(PID + 1, "worker", 7);
        own.tick();
        own.tick();
        int before = worker.statReads;
        int unread = 0;
        int schedstats = worker.schedstatReads;
        for (int i = 0; i < ProcProbe.IDLE_EVERY; i++) {
            ProcessSample p = own.tick();
            assertEquals(0.0, thread(p, PID + 1).cpuPercent(), 0.0);
            unread += worker.statReads == before ? 1 : 0;
            before = worker.statReads;
        }
        assertEquals(ProcProbe.IDLE_EVERY - 1, unread, "read only in its turn, once in " + ProcProbe.IDLE_EVERY);
        assertEquals(schedstats, worker.schedstatReads, "in its turn, its stat only: its clock says it used no CPU");

        worker.run(250); // it wakes and works a quarter of the next second
        before = worker.statReads;
        ProcessSample p = own.tick();
        assertEquals(before + 1, worker.statReads, "its clock moved: read now");
        assertEquals(25.0, thread(p, PID + 1).cpuPercent(), 0.5);
        assertEquals(0.0, own.tick().threads().stream().filter(t -> t.tid() == PID + 1).findFirst().get().cpuPercent(), 0.0);
    }

    @Test
    void aThreadWokenButNotYetOnACpuShowsRWithinTheRotation() {
        Own own = new Own();
        Task worker = own.add(PID + 1, "worker", 7);
        own.tick();
        own.tick();
        worker.state = 'R'; // woken, waiting for a CPU: no CPU time yet, its clock has not moved
        int ticks = 0;
        while (!"R".equals(thread(own.tick(), PID + 1).state())) {
            ticks++;
            assertTrue(ticks < ProcProbe.IDLE_EVERY, "seen R within " + ProcProbe.IDLE_EVERY + " ticks");
        }
        int before = worker.statReads;
        own.tick();
        own.tick();
        assertEquals(before + 2, worker.statReads, "a thread read R is read every tick (it may still be waiting)");
    }

    @Test
    void theJvmsOwnThreadsAreReadOnlyWhenTheirSchedstatMoved() {
        Own own = new Own();
        Task gc = own.add(PID + 2, "GC Thread#0", -1);
        own.tick();
        own.tick();
        int before = gc.statReads;
        int statReads = 0;
        for (int i = 0; i < ProcProbe.IDLE_EVERY; i++) {
            assertEquals(0.0, thread(own.tick(), PID + 2).cpuPercent(), 0.0);
            statReads += gc.statReads - before;
            before = gc.statReads;
        }
        assertEquals(1, statReads, "its stat read only in its turn: its schedstat did not move");

        gc.run(40);
        before = gc.statReads;
        ProcessSample p = own.tick();
        assertEquals(before + 1, gc.statReads, "it ran: its stat is read");
        assertEquals(4.0, thread(p, PID + 2).cpuPercent(), 0.1);
    }

    @Test
    void cpuTheClocksDoNotExplainIsLookedForAmongTheThreadsLeftUnread() {
        Own own = new Own();
        Task named = own.add(PID + 1, "worker", 7);
        own.tick();
        own.tick();
        own.tick();
        // a join by name gone wrong: the clock given for it stands still while the thread runs
        own.lying.put(PID + 1, named.ns);
        named.run(300);
        ProcessSample p = own.tick();
        assertEquals(30.0, thread(p, PID + 1).cpuPercent(), 0.5, "the process's ticks said CPU went somewhere: read");
    }

    @Test
    void aThreadBornOrEndedBetweenTicksIsSeenInTheNextTick() {
        Own own = new Own();
        own.add(PID, "java", -1);
        own.add(PID + 1, "worker", 7);
        own.add(PID + 2, "other", 8);
        own.tick();
        own.tick();
        own.end(PID + 2);
        Task born = own.add(PID + 3, "born", 9); // same count: only the failed read of the ended one tells
        born.run(100);
        ProcessSample p = own.tick();
        assertNull(p.threads().stream().filter(t -> t.tid() == PID + 2).findFirst().orElse(null), "the ended one is gone");
        assertEquals("born", thread(p, PID + 3).name(), "the new one is seen in the same tick");
        assertEquals(3, p.threads().size());
    }

    @Test
    void manyThreadsUnderATickEachDoNotLookUnexplained() {
        // 100 threads each running 9 ms a second: their ticks move by 1 nine seconds in ten, all at once,
        // while the process's (from their total) move by 90 every second: in ticks, a tick of theirs now
        // and then explains 0 of 90 (and every idle one was read); in nanoseconds all of it
        Own own = new Own();
        List<Task> busy = new ArrayList<>();
        List<Task> idle = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            busy.add(own.add(PID + i, "busy-" + i, 1000 + i));
        }
        for (long i = 100; i < 150; i++) {
            idle.add(own.add(PID + i, "idle-" + i, 1000 + i));
        }
        own.tick();
        for (int k = 0; k < 2 * ProcProbe.IDLE_EVERY; k++) {
            busy.forEach(t -> t.run(9));
            own.tick();
        }
        for (Task t : idle) {
            assertTrue(t.statReads <= 1 + 2 + 1, "an idle thread read only in its turns: " + t.statReads);
        }
    }

    @Test
    void aNameChangedInTheTickIsCountedBeforeJoiningByName() throws Exception {
        // a real Java thread of this JVM, parked: the Java view finds it by the name the kernel shows
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        Thread java = new Thread(() -> {
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "t4-joined");
        java.setDaemon(true);
        java.start();
        try {
            Own own = new Own();
            own.add(PID + 1, "t4-joined", -1);
            Task other = own.add(PID + 2, "other", -1);
            for (int i = 0; i < 3; i++) {
                own.proc.now += 1000 * MS;
                ProcessSample p = own.probe.sample("self", new JavaView(Map.of()), own);
                assertEquals(java.getId(), thread(p, PID + 1).java().id(), "a name unique on both sides joins");
                assertNull(thread(p, PID + 2).java());
            }
            other.name = "t4-joined"; // renamed: now two native threads bear the name
            other.run(5); // and it ran, so its stat (with the new name) is read in this tick
            own.proc.now += 1000 * MS;
            ProcessSample p = own.probe.sample("self", new JavaView(Map.of()), own);
            assertEquals("t4-joined", thread(p, PID + 2).name());
            assertNull(thread(p, PID + 1).java(), "the name is no longer unique: no join (the count is this tick's)");
            assertNull(thread(p, PID + 2).java());
        } finally {
            end.countDown();
            java.join(10_000);
        }
    }
}
