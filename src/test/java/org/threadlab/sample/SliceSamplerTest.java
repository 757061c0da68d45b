package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slice sampler on a made-up /proc (deltas, new and ended threads) and on this machine (exact clocks, the thread). */
class SliceSamplerTest {
    @TempDir
    Path proc;

    private void task(long pid, long tid, String name, char state, int core, long cpu, long wait) throws IOException {
        Path dir = proc.resolve(pid + "/task/" + tid);
        Files.createDirectories(dir);
        // field 39 (processor) is the 37th after the name; the others do not matter here
        StringBuilder stat = new StringBuilder(tid + " (" + name + ") " + state);
        for (int f = 4; f <= 52; f++) {
            stat.append(' ').append(f == 39 ? core : 0);
        }
        Files.writeString(dir.resolve("stat"), stat + "\n");
        Files.writeString(dir.resolve("schedstat"), cpu + " " + wait + " 7\n");
    }

    @Test
    void schedstatParsesItsThreeNumbersAndRefusesOthers() {
        byte[] b = "2500000000 1200 30\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new SchedStat(2_500_000_000L, 1200, 30), SchedStat.parse(b, b.length));
        byte[] bad = "12 x\n".getBytes(StandardCharsets.US_ASCII);
        assertNull(SchedStat.parse(bad, bad.length));
        assertNull(SchedStat.parse(new byte[0], 0));
    }

    @Test
    void slicesCarryEachThreadsDeltasStateAndCoreAndAnEndedThreadOnceAsX() throws Exception {
        task(4242, 4242, "main", 'S', 0, 1_000_000, 500);
        task(4242, 4243, "a (weird) name)", 'R', 1, 2_000_000_000L, 10_000);
        SliceSampler s = new SliceSampler(proc.toString(), -1, false);
        s.watch(new SliceWatch(Map.of(4242L, new LinkedHashSet<>(List.of(4243L, 4242L))), Map.of()));
        assertNull(s.step(), "the first read is the baseline");
        task(4242, 4242, "main", 'S', 0, 1_000_000, 500);
        task(4242, 4243, "a (weird) name)", 'D', 3, 2_010_000_000L, 40_000);
        // a slice of real length: back-to-back steps last microseconds, and a read delayed by a few (a busy
        // machine) then made its own interval a fraction of the span (30 µs of run queue read as 231 µs)
        Thread.sleep(100);
        Slice slice = s.step();
        assertEquals(2, slice.threads().size());
        ThreadSlice busy = slice.threads().get(0);
        assertEquals(4243, busy.tid(), "in the watch's order");
        assertEquals("a (weird) name)", busy.name());
        assertEquals('D', busy.state());
        assertEquals(3, busy.core());
        assertFalse(busy.exact());
        // 10 ms over its own two reads, brought to the slice's span: the two spans differ by the time between
        // the slice's clock read and this thread's read, which on a busy machine is a good part of a step
        // that takes only a few ms here, so only the size is checked, not the scaling's last digits
        assertEquals(10_000_000, busy.cpuNanos(), 4_000_000);
        assertEquals(30_000, busy.runQueueNanos(), 12_000);
        assertEquals(0, slice.threads().get(1).cpuNanos());
        assertTrue(slice.processCpuNanos().isEmpty(), "the process clock of another process is no better than schedstat");
        Files.writeString(proc.resolve("4242/task/4243/schedstat"), ""); // a gone thread reads nothing
        Slice after = s.step();
        assertEquals('X', after.threads().get(0).state());
        assertEquals(-1, after.threads().get(0).cpuNanos());
        assertEquals(List.of(4242L), s.step().threads().stream().map(ThreadSlice::tid).toList(), "shown once as ended, then dropped");
        s.close();
    }

    @Test
    void anEmptyTidSetFollowsEveryThreadAndFindsNewOnesOnARelist() throws Exception {
        task(77, 77, "py", 'S', 0, 0, 0);
        task(77, 80, "busy-1", 'R', 1, 0, 0);
        SliceSampler s = new SliceSampler(proc.toString(), -1, false);
        s.watch(new SliceWatch(Map.of(77L, Set.of()), Map.of()));
        s.step();
        assertEquals(List.of(77L, 80L), s.step().threads().stream().map(ThreadSlice::tid).toList());
        assertNull(s.unavailable());
        try (SliceSampler viaPlatform = new SliceSampler(Platform.proc(proc))) {
            viaPlatform.watch(new SliceWatch(Map.of(77L, Set.of()), Map.of()));
            viaPlatform.step();
            assertEquals(2, viaPlatform.step().threads().size(), "a Platform's /proc root is read");
        }
        assertEquals("needs Linux's /proc", new SliceSampler(Platform.of(() -> null)).unavailable());
        task(77, 79, "busy-0", 'R', 0, 0, 0);
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Long> tids;
        do {
            assertTrue(System.nanoTime() < deadline, "the new thread was never listed");
            Thread.sleep(20);
            tids = s.step().threads().stream().map(ThreadSlice::tid).toList();
        } while (tids.size() < 3);
        assertEquals(Set.of(77L, 79L, 80L), Set.copyOf(tids));
        s.close();
    }

    @Test
    void aThreadBornDuringTheRunIsListedAtTheNextSliceWithAllItsCpuSinceBirth() throws Exception {
        // checked against the kernel: CPython threads started mid-run showed 19 ms of their 192 ms (the CPU
        // before their first read was taken as a baseline, and they were listed only every 250 ms)
        task(77, 77, "py", 'S', 0, 5_000_000, 0);
        SliceSampler s = new SliceSampler(proc.toString(), -1, false);
        s.watch(new SliceWatch(Map.of(77L, Set.of()), Map.of()));
        assertNull(s.step());
        assertEquals(List.of(77L), s.step().threads().stream().map(ThreadSlice::tid).toList());
        task(77, 79, "busy-0", 'R', 1, 12_000_000, 3_000_000); // born since the last listing
        Thread.sleep(20); // it ran 12 ms: at least that long has passed since the last listing (at least, not exactly)
        Slice slice = s.step();
        ThreadSlice born = slice.threads().stream().filter(t -> t.tid() == 79).findFirst()
                .orElseThrow(() -> new AssertionError("a thread born since the last slice is listed at once"));
        assertEquals("busy-0", born.name());
        assertEquals('R', born.state());
        // all of its CPU since birth, in the slice it was born in (not taken as a baseline)
        assertEquals(12_000_000, born.cpuNanos(), 4_000_000);
        assertEquals(3_000_000, born.runQueueNanos(), 1_000_000);
        task(77, 79, "busy-0", 'R', 1, 20_000_000, 3_000_000);
        Thread.sleep(20); // slices of real length: a delta is brought to the span by its own reads' interval
        assertEquals(8_000_000, s.step().threads().stream().filter(t -> t.tid() == 79).findFirst().orElseThrow().cpuNanos(),
                3_000_000, "then deltas as for any thread");
        // listed but more CPU than the time since the previous listing: not a newborn, so a baseline (no
        // 5 s burst in one slice); and one gone before its first read is not shown as ended
        task(77, 81, "old", 'R', 0, 5_000_000_000L, 0);
        Files.createDirectories(proc.resolve("77/task/82")); // listed, its files gone
        Slice next = s.step();
        assertTrue(next.threads().stream().noneMatch(t -> t.tid() == 81 || t.tid() == 82), next.toString());
        task(77, 81, "old", 'R', 0, 5_010_000_000L, 0);
        Thread.sleep(20);
        assertEquals(10_000_000, s.step().threads().stream().filter(t -> t.tid() == 81).findFirst().orElseThrow().cpuNanos(),
                4_000_000);
        s.close();
    }

    @Test
    void aDeltaBroughtToTheSliceNeverClaimsMoreThanACoreUnlessTheKernelsOwnFigureDoes() {
        // seen against the kernel under load: a 291 ms slice (the machine stalled) where one thread's two reads
        // were 1 ms apart and its figure had just moved by a stale tick showed 4.83 cores for one thread
        assertEquals(291_000_000, SliceSampler.scale(4_800_000, 291_000_000, 1_000_000));
        assertEquals(10_000_000, SliceSampler.scale(5_000_000, 10_000_000, 5_000_000), "a rate brought to the span");
        assertEquals(9_000_000, SliceSampler.scale(9_000_000, 5_000_000, 4_900_000),
                "a tick's lump the kernel itself shows stays as read (over many slices it cancels)");
        assertEquals(-1, SliceSampler.scale(-5, 10, 10));
    }

    @Test
    void aLateSliceIsNotFollowedByAShortOne() {
        long ms = 1_000_000;
        assertEquals(40 * ms, SliceSampler.nextDeadline(20 * ms, 21 * ms, 20 * ms), "on time: the next deadline on the grid");
        // late by 19.9 ms of a 20 ms slice: the next deadline 0.1 ms away made a 94 µs slice (seen in --json)
        assertEquals(60 * ms, SliceSampler.nextDeadline(20 * ms, 39_900_000, 20 * ms), "a grid point too near is skipped");
        assertEquals(320 * ms, SliceSampler.nextDeadline(20 * ms, 300 * ms, 20 * ms), "after a stall, the grid point at least half a slice on");
    }

    @Test
    void theSliceIsLengthenedWhenManyThreadsAreWatchedAndRefusedOutsideItsBounds() {
        assertEquals(Duration.ofMillis(20), SliceSampler.lengthFor(Duration.ofMillis(20), 16));
        assertEquals(Duration.ofMillis(5), SliceSampler.lengthFor(Duration.ofMillis(5), 4));
        Duration many = SliceSampler.lengthFor(Duration.ofMillis(5), 64);
        assertTrue(many.compareTo(Duration.ofMillis(5)) > 0 && many.toMillis() * 1_000_000 >= 64 * SliceSampler.FLOOR_NANOS_PER_THREAD, many.toString());
        SliceSampler s = new SliceSampler(proc.toString(), -1, false);
        assertThrows(IllegalArgumentException.class, () -> s.setSlice(Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> s.setSlice(Duration.ofSeconds(2)));
        s.close();
    }

    @Test
    void theNoteSaysTheSliceTheTickAndWhenStatesAreRead() {
        assertEquals("20 ms slices · CPU to ±4 ms (kernel tick) · state read each slice",
                SliceSampler.note(Duration.ofMillis(20), Duration.ofMillis(4)));
        assertTrue(SliceSampler.note(Duration.ofMillis(5), null).contains("not measured"));
        Assumptions.assumeTrue(Kernel.LINUX, "needs /proc");
        Duration configured = KernelTick.configured(Platform.PROC);
        if (configured != null) {
            // the kernel's own figure wins: a measurement alone read 1.3 ms on a busy machine whose tick is 4 ms
            assertEquals(configured, KernelTick.measured(Platform.PROC), "the tick is the kernel's 1/CONFIG_HZ");
        }
        // a measurement is kept only as one of the ticks kernels are built with
        assertEquals(Duration.ofMillis(4), KernelTick.standard(Duration.ofNanos(3_900_000)));
        assertEquals(Duration.ofMillis(10), KernelTick.standard(Duration.ofNanos(10_300_000)));
        assertNull(KernelTick.standard(Duration.ofNanos(1_300_000)));
        assertNull(KernelTick.standard(null));
        assertEquals(4_000_000, KernelTick.topCluster(new long[] {400_000, 3_990_000, 4_000_000, 4_010_000, 4_000_000, 1_000_000}));
    }

    @Test
    void ownThreadsAreReadFromTheirExactClocksWithTheirJavaState() throws Exception {
        Assumptions.assumeTrue(Kernel.LINUX, "needs /proc");
        long self = ProcessHandle.current().pid();
        Object lock = new Object();
        try (Kernel.Spinner spin = new Kernel.Spinner("slice-spin", new CountDownLatch(0))) {
            long[] blockedTid = new long[1];
            CountDownLatch started = new CountDownLatch(1);
            Thread blocked = new Thread(() -> {
                blockedTid[0] = org.threadlab.worker.NativeThreadId.current();
                started.countDown();
                synchronized (lock) {
                    Thread.onSpinWait();
                }
            }, "slice-blocked");
            SliceSampler s = new SliceSampler();
            synchronized (lock) {
                blocked.start();
                started.await();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (blocked.getState() != Thread.State.BLOCKED) {
                    assertTrue(System.nanoTime() < deadline, "the thread never blocked");
                    Thread.sleep(5);
                }
                s.watch(new SliceWatch(Map.of(self, new LinkedHashSet<>(List.of(spin.tid, blockedTid[0]))),
                        Map.of(spin.tid, spin.thread.getId(), blockedTid[0], blocked.getId())));
                s.step();
                Slice slice;
                do { // the spinner may wait for a core on a busy machine: until it ran in a slice
                    assertTrue(System.nanoTime() < deadline, "the spinner never ran");
                    Thread.sleep(30);
                    slice = s.step();
                } while (slice.threads().get(0).cpuNanos() <= 0);
                ThreadSlice spinning = slice.threads().get(0);
                ThreadSlice onLock = slice.threads().get(1);
                assertTrue(spinning.exact() && onLock.exact());
                assertEquals("RUNNABLE", spinning.javaState());
                assertTrue(spinning.cpuNanos() > 0, "the spinner ran: " + spinning);
                assertEquals("BLOCKED", onLock.javaState());
                assertTrue(onLock.cpuNanos() < spinning.cpuNanos(), onLock + " vs " + spinning);
            }
            blocked.join(5000);
            s.close();
        }
    }

    @Test
    void aThreadParkedOnAReentrantLockAnotherOwnsIsBlockedAndOneAwaitingALatchIsNot() throws Exception {
        // checked live: the counter workload's lock mode (a ReentrantLock) never showed 'L', the JVM calls a
        // thread parked on it WAITING; it waits on a lock all the same
        Assumptions.assumeTrue(Kernel.LINUX, "needs /proc");
        long self = ProcessHandle.current().pid();
        java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        CountDownLatch never = new CountDownLatch(1);
        long[] tids = new long[2];
        CountDownLatch started = new CountDownLatch(2);
        Thread onLock = new Thread(() -> {
            tids[0] = org.threadlab.worker.NativeThreadId.current();
            started.countDown();
            lock.lock();
            lock.unlock();
        }, "slice-on-lock");
        Thread onLatch = new Thread(() -> {
            tids[1] = org.threadlab.worker.NativeThreadId.current();
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slice-on-latch");
        lock.lock();
        try (SliceSampler s = new SliceSampler()) {
            onLock.start();
            onLatch.start();
            started.await();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (onLock.getState() != Thread.State.WAITING || onLatch.getState() != Thread.State.WAITING) {
                assertTrue(System.nanoTime() < deadline, "the threads never parked");
                Thread.sleep(5);
            }
            s.watch(new SliceWatch(Map.of(self, new LinkedHashSet<>(List.of(tids[0], tids[1]))),
                    Map.of(tids[0], onLock.getId(), tids[1], onLatch.getId())));
            s.step();
            Slice slice = s.step();
            assertEquals("BLOCKED", slice.threads().get(0).javaState(), "parked on a lock another thread owns");
            assertEquals("WAITING", slice.threads().get(1).javaState(), "a latch is owned by nobody: waiting, not locked out");
        } finally {
            lock.unlock();
            never.countDown();
            onLock.join(5000);
            onLatch.join(5000);
        }
    }

    @Test
    void itReadsOnlyWhileStartedOnANamedDaemonThreadAndPublishesBatches() throws Exception {
        Assumptions.assumeTrue(Kernel.LINUX, "needs /proc");
        long self = ProcessHandle.current().pid();
        List<SliceBatch> seen = new CopyOnWriteArrayList<>();
        try (SliceSampler s = new SliceSampler()) {
            assertNull(s.unavailable());
            s.onSlices(seen::add);
            s.watch(new SliceWatch(Map.of(self, Set.of()), Map.of()));
            s.start();
            assertTrue(s.running());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (seen.stream().mapToInt(b -> b.slices().size()).sum() < 10) {
                assertTrue(System.nanoTime() < deadline, "slices arrive: " + seen.size());
                Thread.sleep(10);
            }
            Thread t = Thread.getAllStackTraces().keySet().stream().filter(x -> x.getName().equals("threadlab-slices")).findFirst().orElseThrow();
            assertTrue(t.isDaemon());
            SliceBatch b = seen.get(seen.size() - 1);
            assertNull(b.error());
            Duration configured = KernelTick.configured(Platform.PROC);
            assertEquals(configured == null ? b.kernelTick() : configured, b.kernelTick(), "1/CONFIG_HZ (4 ms here)");
            Slice last = b.slices().get(b.slices().size() - 1);
            assertTrue(last.threads().size() > 5, "every thread of this JVM: " + last.threads().size());
            for (Slice sl : b.slices()) {
                assertTrue(sl.spanNanos() > 0);
            }
            s.pause();
            int before = seen.size(); // pause returns once what was read is published
            Thread.sleep(300);
            assertEquals(before, seen.size(), "no reads while paused");
            s.start();
            deadline = System.nanoTime() + 10_000_000_000L;
            while (seen.size() == before) {
                assertTrue(System.nanoTime() < deadline, "reads again once started");
                Thread.sleep(10);
            }
            Slice first = seen.get(before).slices().get(0);
            assertTrue(first.spanNanos() < 300_000_000L, "a slice never spans a pause: " + first.spanNanos());
            // a listener may close the source on its own thread: it ends at once, without waiting for itself
            java.util.concurrent.CountDownLatch closedFromListener = new java.util.concurrent.CountDownLatch(1);
            s.onSlices(b2 -> {
                s.close();
                closedFromListener.countDown();
            });
            long t0 = System.nanoTime();
            assertTrue(closedFromListener.await(10, java.util.concurrent.TimeUnit.SECONDS));
            t.join(5000);
            assertFalse(t.isAlive(), "the slices thread ended");
            assertTrue(System.nanoTime() - t0 < 1_500_000_000L, "no wait on itself");
        }
    }
}
