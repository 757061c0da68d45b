package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The probe's arithmetic on a made-up /proc whose every file read takes a millisecond of a fake clock:
 * a slow read of many threads, as on a loaded machine, without the machine.
 */
class ProcProbeFixtureTest {
    private static final long PID = 100;
    private static final long MS = 1_000_000L;

    /** A /proc where time passes only as files are read; a thread's counters are functions of that time. */
    static final class FakeProc extends ProcFiles {
        long now = 1_000 * MS;
        final Map<String, LongFunction<String>> files = new HashMap<>();
        final TreeSet<Long> tids = new TreeSet<>();
        boolean schedstat = true;
        boolean gone;
        /** Per task directory: bumped when its thread ends, so the files kept open for it fail from then on. */
        final Map<String, Integer> generation = new HashMap<>();
        int keptReads;
        int listings;
        long endedTicks;

        /** A kept file of the fake: bound to its thread's generation, as a real one is to its task. */
        static final class FakeKept extends Kept {
            final int generation;

            FakeKept(String path, int generation) {
                super(path, null);
                this.generation = generation;
            }
        }

        private int generationOf(String path) {
            return generation.getOrDefault(path.substring(0, path.lastIndexOf('/')), 0);
        }

        @Override
        Kept keep(String path) {
            return gone || !files.containsKey(path) ? null : new FakeKept(path, generationOf(path));
        }

        @Override
        boolean read(Kept k) {
            if (((FakeKept) k).generation != generationOf(k.path)) {
                now += MS;
                load(new byte[0]);
                return false; // ESRCH: the thread it was opened for has ended
            }
            keptReads++;
            return read(k.path);
        }

        /** Thread {@code tid} ends and a new one, started now, gets its TID. */
        void reuse(long tid, String name, double share) {
            String task = "/fake/" + PID + "/task/" + tid;
            generation.merge(task, 1, Integer::sum);
            // the process keeps the ticks of its ended threads
            endedTicks += Long.parseLong(files.get(task + "/stat").apply(now).split(" ")[13]);
            long born = now;
            files.put(task + "/stat", t -> stat(name, 'S', ticks(share, t - born), 0));
            files.put(task + "/schedstat", t -> (long) (share * (t - born)) + " 0 0\n");
        }

        @Override
        boolean read(String path) {
            now += MS;
            LongFunction<String> f = files.get(path);
            if (gone || f == null || (!schedstat && path.endsWith("/schedstat"))) {
                load(new byte[0]);
                return false;
            }
            load(f.apply(now).getBytes(StandardCharsets.UTF_8));
            return true;
        }

        @Override
        String[] entries(String dir) {
            listings++;
            return gone ? new String[0] : tids.stream().map(String::valueOf).toArray(String[]::new);
        }

        @Override
        boolean isDirectory(String dir) {
            return !gone;
        }

        /** A thread that has used {@code share} of a core since time 0, read at any moment. */
        void thread(long tid, String name, double share) {
            tids.add(tid);
            String task = "/fake/" + PID + "/task/" + tid;
            files.put(task + "/stat", t -> stat(name, share > 0.5 ? 'R' : 'S', ticks(share, t), 0));
            files.put(task + "/schedstat", t -> (long) (share * t) + " 0 0\n");
        }

        void process() {
            files.put("/fake/" + PID + "/stat", t -> {
                long ticks = endedTicks;
                for (long tid : tids) {
                    ticks += Long.parseLong(files.get("/fake/" + PID + "/task/" + tid + "/stat").apply(t).split(" ")[13]);
                }
                return stat("target", 'S', ticks, 250, tids.size());
            });
            files.put("/fake/" + PID + "/statm", t -> "2000 375 300 10 0 200 0\n");
        }

        static long ticks(double share, long t) {
            return (long) (share * t * SystemConstants.HZ / 1e9);
        }

        /** A stat line: utime = ticks, stime 0, rss 250 pages, last core 1. */
        static String stat(String name, char state, long ticks, long rss) {
            return stat(name, state, ticks, rss, 1);
        }

        /** A stat line with {@code threads} in its num_threads field (a process's). */
        static String stat(String name, char state, long ticks, long rss, int threads) {
            return PID + " (" + name + ") " + state + " 1 " + PID + " " + PID + " 0 -1 4194304 0 0 0 0 " + ticks
                    + " 0 0 0 20 0 " + threads + " 0 5 8192000 " + rss
                    + " 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
        }

        /** A thread born now, using {@code share} of a core from now on. */
        void born(long tid, String name, double share) {
            tids.add(tid);
            String task = "/fake/" + PID + "/task/" + tid;
            long born = now;
            files.put(task + "/stat", t -> stat(name, 'S', ticks(share, t - born), 0));
            files.put(task + "/schedstat", t -> (long) (share * (t - born)) + " 0 0\n");
        }

        /** Thread {@code tid} ends: its files go (kept ones fail), the process keeps its ticks. */
        void end(long tid) {
            String task = "/fake/" + PID + "/task/" + tid;
            generation.merge(task, 1, Integer::sum);
            endedTicks += Long.parseLong(files.get(task + "/stat").apply(now).split(" ")[13]);
            files.remove(task + "/stat");
            files.remove(task + "/schedstat");
            tids.remove(tid);
        }
    }

    private static ThreadSample thread(ProcessSample p, long tid) {
        return SamplerAccuracyTest.thread(p, tid);
    }

    /** 200 sleeping threads and three using a quarter of a core each, started last (read last). */
    private static FakeProc issueNine() {
        FakeProc proc = new FakeProc();
        for (long tid = PID; tid < PID + 200; tid++) {
            proc.thread(tid, "sleeper", 0);
        }
        for (long tid = PID + 200; tid < PID + 203; tid++) {
            proc.thread(tid, "busy", 0.25);
        }
        proc.process();
        return proc;
    }

    @Test
    void aThreadReadLateIsDividedByItsOwnInterval() {
        FakeProc proc = issueNine();
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        assertTrue(Double.isNaN(thread(probe.sample("external", null), PID + 202).cpuPercent()), "first sight: unknown");
        proc.now += 500 * MS;
        ProcessSample p = probe.sample("external", null);
        // the first tick read every thread (hundreds of fake milliseconds), the second only the busy ones
        // and an eighth of the rest: divided by the process's window, the busy ones showed 16%
        for (long tid = PID + 200; tid < PID + 203; tid++) {
            assertEquals(25.0, thread(p, tid).cpuPercent(), 0.01, "busy thread " + tid);
        }
        assertEquals(0.0, thread(p, PID + 3).cpuPercent(), 0.0);
        assertTrue(ProcProbe.READ_ALL_UP_TO < 203, "enough threads that a tick reads only some");
    }

    @Test
    void withoutSchedstatTheTicksOfStatAreUsed() {
        FakeProc proc = issueNine();
        proc.schedstat = false;
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        probe.sample("external", null);
        proc.now += 2_000 * MS;
        ProcessSample p = probe.sample("external", null);
        for (long tid = PID + 200; tid < PID + 203; tid++) {
            // ticks of 10 ms: one tick either way over about two seconds
            assertEquals(25.0, thread(p, tid).cpuPercent(), 100.0 / SystemConstants.HZ / 1.7 + 0.01, "busy thread " + tid);
        }
    }

    @Test
    void aThreadReadLessOftenSpreadsItsFewMicrosecondsOverItsOwnInterval() {
        FakeProc proc = new FakeProc();
        for (long tid = PID; tid < PID + 200; tid++) {
            proc.thread(tid, "sleeper", tid == PID + 7 ? 0.001 : 0);
        }
        proc.process();
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        double seen = Double.NaN;
        for (int i = 0; i < 3 * ProcProbe.IDLE_EVERY; i++) {
            proc.now += 1000 * MS;
            ThreadSample t = thread(probe.sample("external", null), PID + 7);
            if (i > 0 && t.cpuPercent() > 0) {
                seen = t.cpuPercent();
            }
        }
        // 0.1% of a core, read every eighth tick: 0.1%, not eight ticks' worth heaped on one (0.8%)
        assertEquals(0.1, seen, 0.01);
    }

    @Test
    void unexplainedTicksAreLookedForFirstAmongThreadsThatHaveRunBefore() {
        FakeProc proc = new FakeProc();
        for (long tid = PID; tid < PID + 400; tid++) {
            proc.thread(tid, "sleeper", 0);
        }
        long jit = PID + 400;
        long[] jitNanos = {0};
        proc.tids.add(jit);
        String task = "/fake/" + PID + "/task/" + jit;
        proc.files.put(task + "/stat", t -> FakeProc.stat("C2 Compiler", 'S', jitNanos[0] * SystemConstants.HZ / 1_000_000_000L, 0));
        proc.files.put(task + "/schedstat", t -> jitNanos[0] + " 0 0\n");
        proc.process();
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        probe.sample("external", null);
        jitNanos[0] += 100 * MS; // it compiles: read next tick, it has run
        proc.now += 500 * MS;
        probe.sample("external", null);
        for (int i = 0; i < 3; i++) {
            proc.now += 500 * MS;
            probe.sample("external", null); // idle again, read only in its turn
        }
        // it compiles again, between two ticks in which its turn does not come
        int reads = -1;
        ProcessSample p = null;
        for (int attempt = 0; attempt < ProcProbe.IDLE_EVERY && reads < 0; attempt++) {
            jitNanos[0] += 100 * MS;
            proc.now += 500 * MS;
            int before = proc.keptReads;
            p = probe.sample("external", null);
            if (thread(p, jit).cpuPercent() > 0) {
                reads = proc.keptReads - before;
            }
        }
        assertTrue(reads > 0, "its CPU was found");
        assertTrue(thread(p, jit).cpuPercent() > 5, "and shown: " + thread(p, jit).cpuPercent());
        assertTrue(reads < 2 * 401 / 2, "without reading all 401 threads: " + reads + " reads");
    }

    @Test
    void aThreadWhoseFiguresDidNotChangeIsShownByLastTicksSampleAChangedOneByANewOne() {
        FakeProc proc = new FakeProc();
        proc.thread(PID, "main", 0);
        proc.thread(PID + 1, "sleeper", 0);
        proc.process();
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        probe.sample("external", null);
        proc.now += 100 * MS;
        ProcessSample before = probe.sample("external", null);
        proc.now += 100 * MS;
        ProcessSample same = probe.sample("external", null);
        assertTrue(thread(before, PID + 1) == thread(same, PID + 1), "asleep at 0 %: the same sample again");
        assertEquals(0.0, thread(same, PID + 1).cpuPercent(), 0.0);

        // it is renamed and runs: read, and shown anew with this tick's figures
        String task = "/fake/" + PID + "/task/" + (PID + 1);
        long from = proc.now;
        proc.files.put(task + "/stat", t -> FakeProc.stat("renamed", 'S', FakeProc.ticks(0.5, t - from), 0));
        proc.files.put(task + "/schedstat", t -> (long) (0.5 * (t - from)) + " 1 1\n");
        proc.now += 100 * MS;
        ProcessSample changed = probe.sample("external", null);
        ThreadSample t = thread(changed, PID + 1);
        assertTrue(t != thread(same, PID + 1));
        assertEquals("renamed", t.name());
        assertTrue(t.cpuPercent() > 10, "its CPU this tick: " + t.cpuPercent());
        assertEquals("sleeper", thread(same, PID + 1).name(), "what was shown before is not changed");
    }

    @Test
    void theTaskDirectoryIsListedOnlyWhenItsThreadsCanHaveChanged() {
        FakeProc proc = new FakeProc();
        proc.thread(PID, "main", 0);
        proc.thread(PID + 1, "worker", 0.5);
        proc.thread(PID + 2, "sleeper", 0);
        proc.process();
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        probe.sample("external", null);
        proc.now += 100 * MS;
        ProcessSample p = probe.sample("external", null);
        assertEquals(1, proc.listings, "as many threads as listed, none ended: the listing stands");
        assertEquals(3, p.threads().size());
        assertEquals(50.0, thread(p, PID + 1).cpuPercent(), 1.0);

        proc.born(PID + 3, "born", 0.25); // one more thread: the count says so
        proc.now += 100 * MS;
        p = probe.sample("external", null);
        assertEquals(2, proc.listings);
        assertEquals(25.0, thread(p, PID + 3).cpuPercent(), 3.0, "counted from its birth (over the window it was born in)");

        proc.end(PID + 2); // one ends and another is born: the same count
        proc.born(PID + 9, "late", 0.25);
        proc.now += 100 * MS;
        p = probe.sample("external", null);
        assertEquals(3, proc.listings, "a kept file failed: listed again");
        assertEquals(4, p.threads().size());
        assertNull(p.threads().stream().filter(t -> t.tid() == PID + 2).findFirst().orElse(null), "the ended one is gone");
        assertEquals("late", thread(p, PID + 9).name(), "the new one is seen in the same tick");
        assertEquals(50.0, thread(p, PID + 1).cpuPercent(), 1.0, "the others read once, over their own window");

        proc.now += 100 * MS;
        p = probe.sample("external", null);
        assertEquals(3, proc.listings);
        assertEquals(25.0, thread(p, PID + 9).cpuPercent(), 1.0);
        assertEquals(4, p.threads().size());
    }

    @Test
    void aTidGivenToANewThreadIsReadAsThatNewThreadNotAsADeltaFromTheOldOne() {
        FakeProc proc = new FakeProc();
        proc.thread(PID, "main", 0);
        proc.thread(PID + 1, "old", 0.9);
        proc.process();
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        probe.sample("external", null);
        proc.now += 500 * MS;
        assertEquals(90.0, thread(probe.sample("external", null), PID + 1).cpuPercent(), 0.5);
        // between two ticks "old" ends and the kernel gives its TID to "new", which uses a quarter of a core
        proc.reuse(PID + 1, "new", 0.25);
        proc.now += 500 * MS;
        int keptBefore = proc.keptReads;
        ThreadSample t = thread(probe.sample("external", null), PID + 1);
        assertEquals("new", t.name());
        // read by path, its counters (far below the old thread's) made a negative delta: 0%
        assertEquals(25.0, t.cpuPercent(), 1.0, "the new thread's own CPU since it was born in this window");
        assertTrue(proc.keptReads > keptBefore, "read through kept files");
        proc.now += 500 * MS;
        assertEquals(25.0, thread(probe.sample("external", null), PID + 1).cpuPercent(), 0.5, "and from then on");
    }

    @Test
    void aThreadsStatusIsReadAgainOnlyWhenItMayHaveBeenOnACpuSince() {
        FakeProc proc = new FakeProc();
        proc.thread(PID, "main", 0);
        proc.process();
        String task = "/fake/" + PID + "/task/" + PID;
        long[] runs = {5};
        long[] voluntary = {10};
        Runnable[] afterStatusRead = {() -> {}};
        int[] statusReads = {0};
        proc.files.put(task + "/schedstat", t -> "1000 0 " + runs[0] + "\n");
        proc.files.put(task + "/status", t -> {
            statusReads[0]++;
            String out = "Name:\tmain\nvoluntary_ctxt_switches:\t" + voluntary[0] + "\nnonvoluntary_ctxt_switches:\t2\n";
            afterStatusRead[0].run();
            afterStatusRead[0] = () -> {};
            return out;
        });
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        assertEquals(10, thread(probe.sample("external", null), PID).voluntarySwitches());
        assertEquals(10, thread(probe.sample("external", null), PID).voluntarySwitches());
        int reads = statusReads[0];
        assertEquals(10, thread(probe.sample("external", null), PID).voluntarySwitches());
        assertEquals(reads, statusReads[0], "not on a CPU since two reads that agreed: status not read again");
        // it runs (arrives on a CPU) and sleeps again: one more switch, read in that very tick
        runs[0]++;
        voluntary[0]++;
        assertEquals(11, thread(probe.sample("external", null), PID).voluntarySwitches());
        // the next arrival's switch away comes just after its status was read (state already S):
        // the arrivals then stay the same, but its count moved, and the next tick reads it
        runs[0]++;
        voluntary[0]++;
        afterStatusRead[0] = () -> voluntary[0]++;
        assertEquals(12, thread(probe.sample("external", null), PID).voluntarySwitches());
        assertEquals(13, thread(probe.sample("external", null), PID).voluntarySwitches(), "one status read alone does not settle it");
        reads = statusReads[0];
        assertEquals(13, thread(probe.sample("external", null), PID).voluntarySwitches());
        assertEquals(13, thread(probe.sample("external", null), PID).voluntarySwitches());
        assertEquals(reads, statusReads[0], "settled again");
        // without arrival counts (schedstat "0 0 0", or none) status is read every tick
        runs[0] = 0;
        reads = statusReads[0];
        probe.sample("external", null);
        probe.sample("external", null);
        probe.sample("external", null);
        assertEquals(reads + 3, statusReads[0]);
    }

    @Test
    void rssIsStatmsResidentPagesAndTheWindowIsTheMeasuredOne() {
        FakeProc proc = issueNine();
        ProcProbe probe = new ProcProbe(PID, proc, "/fake", () -> proc.now);
        ProcessSample first = probe.sample("external", null);
        assertNull(first.window());
        long before = proc.now;
        proc.now += 500 * MS;
        ProcessSample p = probe.sample("external", null);
        assertEquals(375 * SystemConstants.PAGE_SIZE, p.rssBytes(), "statm's resident pages, not stat's 250");
        long readsOfTheFirstTick = before - 1_000 * MS;
        assertEquals(Duration.ofMillis(500 + readsOfTheFirstTick / MS), p.window());
        proc.gone = true;
        ProcessSample gone = probe.sample("external", null);
        assertEquals("no process " + PID, gone.error());
        assertNull(gone.window());
    }
}
