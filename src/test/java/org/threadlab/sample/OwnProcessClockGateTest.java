package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.OwnProcessProbeTest.Own;
import org.threadlab.sample.OwnProcessProbeTest.Task;

/**
 * threadlab's own threads behind its process's clock (ProcProbe.readOwnRest): the clock less the reading
 * thread's time (its own schedstat, read right after) is every other thread's; while it moves only by
 * what the threads likely to have run (the reader, those that moved at their last read) account for, the
 * others, Java threads and the JVM's own alike, are left unread at 0 % and their Java clocks are not
 * asked for; when it moves by more, they are read in that tick. On a made-up /proc whose clock sums its
 * threads.
 */
class OwnProcessClockGateTest {
    private static final long PID = 100;
    private static final long READER = PID + 1;
    private static final long WORKER = PID + 2;
    private static final long VM = PID + 3;
    private static final long COMPILER = PID + 4;
    private static final long MS = 1_000_000L;

    /** A made-up own process: the reader (this test's thread), a Java worker, two JVM threads without a Java clock. */
    private static final class Jvm {
        final Own own = new Own();
        final Task reader = own.add(READER, "threadlab-sampl", Thread.currentThread().getId());
        final Task worker = own.add(WORKER, "worker", 7);
        final Task vm = own.add(VM, "VM Thread", -1);
        final Task compiler = own.add(COMPILER, "C2 CompilerThre", -1);
        final ProcProbe probe;

        Jvm(boolean withClock) {
            own.proc.files.put("/fake/thread-self/stat", t -> READER + " (threadlab-sampl) R 1\n");
            own.proc.files.put("/fake/thread-self/schedstat", t -> reader.ns + " 0 " + reader.runs + "\n");
            LongUnaryOperator clock = pid -> {
                long sum = own.endedNs;
                for (Task t : own.tasks.values()) {
                    sum += t.ns;
                }
                return pid == PID ? sum : -1;
            };
            probe = new ProcProbe(PID, own.proc, "/fake", () -> own.proc.now, withClock ? clock : ProcessClock.NONE);
            probe.idleMayChange(false);
        }

        /** The reader runs, as it does to take a tick, then the tick. */
        ProcessSample tick() {
            reader.run(1);
            own.proc.now += 1000 * MS;
            return probe.sample("self", null, own);
        }

        /** Reads of the files of every thread but the reader. */
        int othersReads() {
            return worker.statReads + worker.schedstatReads + vm.schedstatReads + vm.statReads
                    + compiler.schedstatReads + compiler.statReads;
        }
    }

    private static double cpu(ProcessSample p, long tid) {
        return SamplerAccuracyTest.thread(p, tid).cpuPercent();
    }

    @Test
    void whileOnlyTheReaderRunsTheOthersAreLeftUnreadAndTheirJavaClocksUnasked() {
        Jvm jvm = new Jvm(true);
        for (int i = 0; i < 3; i++) {
            jvm.tick();
        }
        int before = jvm.othersReads();
        int clocksBefore = jvm.own.clockReads;
        int readerSchedstat = jvm.reader.schedstatReads;
        int readerStat = jvm.reader.statReads;
        for (int i = 0; i < 5; i++) {
            ProcessSample s = jvm.tick();
            assertEquals(0.0, cpu(s, WORKER), 0.0);
            assertEquals(0.0, cpu(s, VM), 0.0);
            assertEquals(0.0, cpu(s, COMPILER), 0.0);
            assertEquals(0.1, cpu(s, READER), 0.01, "the reader's 1 ms of the second");
        }
        assertEquals(before, jvm.othersReads(), "proven idle five ticks running: no file of theirs read");
        assertEquals(clocksBefore, jvm.own.clockReads, "no Java clock asked for, not even the reader's");
        assertEquals(readerSchedstat, jvm.reader.schedstatReads, "the reader's CPU: thread-self's schedstat, read with the clock");
        assertEquals(readerStat + 5, jvm.reader.statReads, "the reader's state and core: its stat, every tick");
    }

    @Test
    void aJavaThreadThatRanUnexpectedlyIsReadInTheTickItRan() {
        Jvm jvm = new Jvm(true);
        for (int i = 0; i < 3; i++) {
            jvm.tick();
        }
        jvm.worker.run(20);
        ProcessSample s = jvm.tick();
        assertEquals(2.0, cpu(s, WORKER), 0.1, "its 20 ms of the second, in the tick it ran");
        assertEquals(0.0, cpu(s, VM), 0.0);
        // it moved: read next tick as likely (its clock stands: not its files), then left to the gate
        jvm.tick();
        int after = jvm.othersReads();
        jvm.tick();
        jvm.tick();
        assertEquals(after, jvm.othersReads());
    }

    @Test
    void aJvmThreadThatRanIsReadInThatTickAndLeftAgainOnceIdle() {
        Jvm jvm = new Jvm(true);
        for (int i = 0; i < 3; i++) {
            jvm.tick();
        }
        jvm.compiler.run(30);
        int before = jvm.compiler.schedstatReads;
        ProcessSample s = jvm.tick();
        assertEquals(before + 1, jvm.compiler.schedstatReads);
        assertEquals(3.0, cpu(s, COMPILER), 0.1, "30 ms of its second, in the tick it ran");
        assertEquals(0.0, cpu(s, VM), 0.0);
        // idle again: read once more as likely (it moved), then proven idle
        jvm.tick();
        int after = jvm.othersReads();
        jvm.tick();
        assertEquals(after, jvm.othersReads());
    }

    @Test
    void aJvmThreadThatRanBeforeIsReadAloneWhenItWakesAgain() {
        Jvm jvm = new Jvm(true);
        for (int i = 0; i < 3; i++) {
            jvm.tick();
        }
        jvm.compiler.run(30);
        jvm.tick();
        jvm.tick();
        jvm.tick(); // idle again, proven so
        int vm = jvm.vm.schedstatReads + jvm.vm.statReads;
        int worker = jvm.worker.schedstatReads + jvm.worker.statReads;
        int compiler = jvm.compiler.schedstatReads;
        jvm.compiler.run(10); // it wakes, unlikely by its last read: the proof fails, then holds with it read
        ProcessSample s = jvm.tick();
        assertEquals(compiler + 1, jvm.compiler.schedstatReads);
        assertEquals(1.0, cpu(s, COMPILER), 0.1, "its 10 ms of the second");
        assertEquals(vm, jvm.vm.schedstatReads + jvm.vm.statReads, "never ran: still proven idle");
        assertEquals(worker, jvm.worker.schedstatReads + jvm.worker.statReads, "never ran: still proven idle");
    }

    @Test
    void aThreadThatEndsMakesTheRestRead() {
        Jvm jvm = new Jvm(true);
        for (int i = 0; i < 3; i++) {
            jvm.tick();
        }
        // a JVM thread runs and ends: the process keeps its time, so the rest moved and every one is read
        jvm.vm.run(5);
        jvm.own.end(VM);
        int before = jvm.compiler.schedstatReads;
        ProcessSample s = jvm.tick();
        assertEquals(before + 1, jvm.compiler.schedstatReads, "read: the clock's rest moved");
        assertTrue(s.threads().stream().noneMatch(t -> t.tid() == VM));
    }

    @Test
    void anotherReadingThreadProvesNothingInItsFirstTick() throws Exception {
        Jvm jvm = new Jvm(true);
        for (int i = 0; i < 3; i++) {
            jvm.tick();
        }
        int before = jvm.vm.schedstatReads;
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                jvm.tick();
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        other.start();
        other.join();
        assertEquals(null, failed.get());
        assertEquals(before + 1, jvm.vm.schedstatReads, "a new reader's share was not in the last rest: read");
    }

    @Test
    void withoutTheClockEveryThreadIsAccountedForEveryTick() {
        Jvm jvm = new Jvm(false);
        for (int i = 0; i < 3; i++) {
            jvm.tick();
        }
        int vmBefore = jvm.vm.schedstatReads + jvm.compiler.schedstatReads;
        int clocksBefore = jvm.own.clockReads;
        jvm.tick();
        assertEquals(vmBefore + 2, jvm.vm.schedstatReads + jvm.compiler.schedstatReads, "the JVM's threads: their schedstat");
        assertEquals(clocksBefore + 2, jvm.own.clockReads, "the Java threads: their clocks");
    }

    /** Counts the reads of one thread's files (the real /proc behind). */
    private static final class Counting extends ProcFiles {
        volatile String watched = "\0";
        int reads;

        @Override
        boolean read(Kept k) {
            reads += k.path.contains(watched) ? 1 : 0;
            return super.read(k);
        }

        @Override
        boolean read(String path) {
            reads += path.contains(watched) ? 1 : 0;
            return super.read(path);
        }
    }

    /**
     * On this kernel, through JNA: the proof's premise holds (the process clock less the reader's own
     * schedstat, read right after, is the others' time to the nanosecond: an idle thread is proven idle,
     * its files unread, in some ticks at least), and a thread that ran between two ticks shows in the
     * second what its own clock says it used, whatever was proven before.
     */
    @Test
    void onThisKernelAnIdleThreadIsLeftUnreadAndOneThatRanShowsItsCpuInThatTick() throws Exception {
        Assumptions.assumeTrue(Platform.PROC_AVAILABLE, "needs Linux's /proc");
        LongUnaryOperator clock = ProcessClock.system();
        long self = ProcessHandle.current().pid();
        clock.applyAsLong(1); // another process's clock starts JNA's load; the own one waits for it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (clock.applyAsLong(self) < 0) {
            assertTrue(System.nanoTime() < deadline, "JNA's process clock did not load in 20 s");
            Thread.sleep(10);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Semaphore go = new Semaphore(0);
        Semaphore done = new Semaphore(0);
        AtomicLong tid = new AtomicLong(-1);
        Thread burner = new Thread(() -> {
            try {
                tid.set(Long.parseLong(Files.readString(Path.of("/proc/thread-self/stat")).split(" ")[0]));
                done.release();
                while (true) {
                    go.acquire();
                    long until = mx.getCurrentThreadCpuTime() + 20 * MS;
                    while (mx.getCurrentThreadCpuTime() < until) {
                        Thread.onSpinWait();
                    }
                    done.release();
                }
            } catch (Exception e) {
                // interrupted: the test is over
            }
        }, "gate-burner");
        burner.setDaemon(true);
        burner.start();
        assertTrue(done.tryAcquire(10, TimeUnit.SECONDS));
        Counting files = new Counting();
        files.watched = "/task/" + tid.get() + "/";
        ProcProbe probe = new ProcProbe(self, files, "/proc", System::nanoTime, clock);
        probe.idleMayChange(false);
        probe.switchesWanted(t -> false);
        JavaView.Memory memory = new JavaView.Memory();
        try {
            for (int i = 0; i < 5; i++) {
                probe.sample("self", new JavaView(Map.of(), memory));
            }
            // idle: left unread in some ticks (a tick in which another thread of this JVM ran reads it)
            boolean leftUnread = false;
            for (int i = 0; i < 200 && !leftUnread; i++) {
                Thread.sleep(20);
                int before = files.reads;
                ProcessSample s = probe.sample("self", new JavaView(Map.of(), memory));
                assertEquals(0.0, SamplerAccuracyTest.thread(s, tid.get()).cpuPercent(), 0.0, "idle, it shows 0 %");
                leftUnread = files.reads == before;
            }
            assertTrue(leftUnread, "never proven idle in 200 ticks: the process clock less the reader's schedstat is not exact here");
            for (int i = 0; i < 5; i++) {
                long wall0 = System.nanoTime();
                long cpu0 = mx.getThreadCpuTime(burner.getId());
                go.release();
                assertTrue(done.tryAcquire(30, TimeUnit.SECONDS));
                long cpu1 = mx.getThreadCpuTime(burner.getId());
                ProcessSample s = probe.sample("self", new JavaView(Map.of(), memory));
                long wall = System.nanoTime() - wall0;
                double shown = SamplerAccuracyTest.thread(s, tid.get()).cpuPercent();
                // its window: from the last tick to this one, near wall (a tick is a millisecond or so, the burn 20)
                double expected = 100.0 * (cpu1 - cpu0) / wall;
                assertTrue(shown > 0.75 * expected && shown < 1.25 * expected,
                        "it ran " + (cpu1 - cpu0) / 1e6 + " ms in " + wall / 1e6 + " ms: " + expected + " %, shown " + shown + " %");
            }
        } finally {
            burner.interrupt();
            probe.close();
        }
    }
}
