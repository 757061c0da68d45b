package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.SliceWatch;
import org.threadlab.sample.ThreadSample;
import org.threadlab.worker.Event;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerState;

/**
 * Issue 14: a process threadlab did not start, attached: joined into the model as rows shaped as a
 * worker's (never a worker), marked exited with its last figures when it ends, gone when cleared.
 */
class AttachedModelTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static boolean linux() {
        return new java.io.File("/proc/self/stat").canRead();
    }

    /**
     * A {@code sleep 300}, once it sleeps: on a busy machine one just started may still be R (exec,
     * start-up) or not yet named sleep, and the tests read its state and name at their first tick.
     */
    private static Process sleep() throws Exception {
        Process p = new ProcessBuilder("sleep", "300").redirectErrorStream(true).start();
        if (!linux()) {
            return p;
        }
        java.nio.file.Path stat = java.nio.file.Path.of("/proc/" + p.pid() + "/stat");
        long deadline = System.nanoTime() + 20_000_000_000L;
        String line = "";
        while (System.nanoTime() < deadline) {
            line = java.nio.file.Files.readString(stat);
            // "PID (sleep) S ...": the name, then the state letter after the last ')'
            if (line.contains("(sleep)") && line.substring(line.lastIndexOf(')') + 2).startsWith("S")) {
                return p;
            }
            Thread.sleep(10);
        }
        p.destroyForcibly();
        throw new AssertionError("sleep " + p.pid() + " did not fall asleep within 20 s: " + line);
    }

    private static boolean hasEvent(Snapshot s, String text) {
        return s.events().stream().anyMatch(e -> e.text().contains(text));
    }

    @Test
    void aRealProcessIsWatchedWithItsThreadThenKeptExitedThenCleared() throws Exception {
        Assumptions.assumeTrue(linux(), "reads /proc");
        Process sleep = sleep();
        Sampler sampler = new Sampler(Duration.ofSeconds(1));
        try (Supervisor supervisor = new Supervisor();
             ModelHub hub = ModelHub.manual(sampler, supervisor)) {
            long pid = sleep.pid();
            assertNull(hub.attach(pid), "attached");
            assertEquals(Attached.ROLE, sampler.watching().processes().get(pid), "the sampler watches it, role attached");
            Snapshot s = hub.sampleNow();
            ProcessSample p = s.process(pid).orElseThrow();
            assertTrue(Attached.is(p) && !Attached.exited(p), p.toString());
            assertTrue(s.workers().isEmpty(), "never a worker");
            List<WorkerSample> procs = Attached.processRows(s);
            assertEquals(1, procs.size());
            WorkerSample row = procs.get(0);
            assertTrue(Attached.is(row.info()));
            assertEquals(pid, row.info().pid());
            assertEquals("sleep", row.info().name());
            assertTrue(row.info().id() < 0, "no worker id");
            assertTrue(row.memoryBytes() > 0, "its RSS");
            List<WorkerSample> threads = Attached.threadRows(s);
            assertEquals(1, threads.size(), "sleep has one thread");
            assertEquals(pid, threads.get(0).info().tid());
            assertEquals("S", threads.get(0).threadState());
            assertTrue(hasEvent(s, "watching pid " + pid + " (sleep)"), s.events().toString());
            // a second tick: its CPU over a window
            s = hub.sampleNow();
            assertFalse(Double.isNaN(Attached.processRows(s).get(0).cpuPercent()), "CPU% over the window");

            assertEquals("already watching pid " + pid, hub.attach(pid));

            sleep.destroyForcibly().waitFor();
            s = hub.sampleNow();
            p = s.process(pid).orElseThrow();
            assertTrue(Attached.exited(p), "kept, marked exited: " + p);
            row = Attached.processRows(s).get(0);
            assertEquals(WorkerState.FINISHED, row.info().state(), "ended: the table dims it");
            assertTrue(row.memoryBytes() > 0, "with its last figures");
            assertTrue(hasEvent(s, "pid " + pid + " (sleep) exited"), s.events().toString());
            assertFalse(sampler.watching().processes().containsKey(pid), "no longer read");
            s = hub.sampleNow();
            assertTrue(Attached.exited(s.process(pid).orElseThrow()), "still there a tick later");

            assertEquals(1, hub.clearExited());
            s = hub.awaitCurrent();
            assertTrue(s.process(pid).isEmpty(), "cleared");
            assertTrue(Attached.processRows(s).isEmpty() && Attached.threadRows(s).isEmpty());
        } finally {
            sleep.destroyForcibly();
        }
    }

    /** utime + stime of a process, in clock ticks, from /proc/PID/stat (the kernel's own count). */
    private static long ticks(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * The attached row's CPU% is the kernel's count over the tick's window: a busy process's ticks read
     * just before and just after each of the sampler's two reads bound what the row may say.
     */
    @Test
    void aBusyAttachedProcesssCpuIsTheKernelsOverTheWindow() throws Exception {
        Assumptions.assumeTrue(linux(), "reads /proc");
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try (ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null)) {
            long pid = busy.pid();
            assertNull(hub.attach(pid));
            long hz = 100; // USER_HZ on Linux, the unit of /proc's times
            double[] low = new double[3];
            double[] high = new double[3];
            double[] shown = new double[3];
            for (int run = 0; run < 3; run++) {
                long k0 = ticks(pid);
                hub.sampleNow();
                long k1 = ticks(pid);
                Thread.sleep(1000);
                long k2 = ticks(pid);
                Snapshot s = hub.sampleNow();
                long k3 = ticks(pid);
                ProcessSample p = s.process(pid).orElseThrow();
                WorkerSample row = Attached.processRows(s).get(0);
                double seconds = p.window().toNanos() / 1e9;
                shown[run] = row.cpuPercent();
                // in ticks over the sampler's own window; one tick either way for where in a tick each read fell
                double rowTicks = row.cpuPercent() / 100 * seconds * hz;
                low[run] = k2 - k1 - 1;
                high[run] = k3 - k0 + 1;
                assertTrue(rowTicks >= low[run] && rowTicks <= high[run], "run " + run + ": the row says " + row.cpuPercent()
                        + "% over " + seconds + " s = " + rowTicks + " ticks; the kernel counted between " + low[run]
                        + " and " + high[run]);
            }
            System.out.println("attached busy process, cpu% shown vs the kernel's ticks (low..high) a run: "
                    + java.util.Arrays.toString(shown) + " " + java.util.Arrays.toString(low) + ".." + java.util.Arrays.toString(high));
        } finally {
            busy.destroyForcibly();
        }
    }

    @Test
    void refusalsInTheUsersWords() throws Exception {
        Assumptions.assumeTrue(linux(), "reads /proc");
        Process gone = sleep();
        gone.destroyForcibly().waitFor();
        try (ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null)) {
            long self = ProcessHandle.current().pid();
            assertTrue(hub.attach(self).contains("threadlab itself"), hub.attach(self));
            assertEquals("no such process id: 0", hub.attach(0));
            assertTrue(hub.attach(gone.pid()).startsWith("no process " + gone.pid()), hub.attach(gone.pid()));
            assertEquals("pid " + gone.pid() + " is not attached", hub.detach(gone.pid()));
            assertEquals(0, hub.clearExited());
        }
    }

    @Test
    void attachedBeforeTheStartIsInTheFirstModelAndDetachStopsIt() throws Exception {
        Assumptions.assumeTrue(linux(), "reads /proc");
        Process sleep = sleep();
        Sampler sampler = new Sampler(Duration.ofSeconds(1));
        try (ModelHub hub = new ModelHub(sampler, null)) {
            assertNull(hub.attach(sleep.pid()));
            hub.start();
            assertTrue(hub.latest().process(sleep.pid()).isPresent(), "in the first model");
            assertNull(hub.detach(sleep.pid()));
            assertTrue(hub.awaitCurrent().process(sleep.pid()).isEmpty());
            assertFalse(sampler.watching().processes().containsKey(sleep.pid()));
        } finally {
            sleep.destroyForcibly();
        }
    }

    // the book alone, on fabricated readings

    private static ProcessSample proc(long pid, String state, Instant started, String error) {
        Duration cpu = Duration.ofMillis(10);
        return new ProcessSample(pid, 1, "prog", state, 1, cpu, cpu, 4096, 8192, 2, started, Attached.ROLE,
                List.of(new ThreadSample(pid, "prog", state, 1, 0, 20, 0, 0, 0, null),
                        new ThreadSample(pid + 1, "worker", "R", 50, 1, 20, 0, 0, 0, null)), error, null);
    }

    private static Measurement tick(ProcessSample... ps) {
        CoreSample total = new CoreSample(-1, 0, 0, 0, 1, 0, History.EMPTY);
        HostSample host = new HostSample("h", Duration.ZERO, new double[] {0, 0, 0}, List.of(total), total, 1, 2, 0, 0,
                Duration.ofSeconds(1), 0);
        return new Measurement(1, T0, Duration.ofSeconds(1), 1, host, List.of(ps), Map.of(), 0, null);
    }

    @Test
    void aZombieOrAReusedPidIsExitedAndOneNeverReadIsDropped() {
        AttachBook book = new AttachBook();
        assertTrue(book.add(10));
        assertTrue(book.add(20));
        assertTrue(book.add(30));
        assertFalse(book.add(10), "already watched");
        long v = book.version();
        List<String> news = book.measured(tick(proc(10, "S", T0, null), proc(20, "S", T0, null),
                proc(30, "?", null, "cannot read /proc/30/stat")));
        assertEquals(List.of("watching pid 10 (prog): 2 threads, attached (not a worker)",
                "watching pid 20 (prog): 2 threads, attached (not a worker)",
                "cannot watch pid 30 (prog): cannot read /proc/30/stat"), news);
        assertEquals(List.of(10L, 20L), book.live());
        assertTrue(book.version() > v, "the watch list is made again");
        news = book.measured(tick(proc(10, "Z", T0, null), proc(20, "S", T0.plusSeconds(5), null)));
        assertEquals(List.of("pid 10 (prog) exited", "pid 20 (prog) exited (its PID now belongs to another process)"), news);
        assertEquals(List.of(), book.live());
        List<ProcessSample> shown = book.processes(List.of());
        assertEquals(2, shown.size());
        assertTrue(shown.stream().allMatch(Attached::exited));
        assertEquals("S", shown.get(0).state(), "the last figures before it went, not the zombie's");
        assertTrue(book.add(10), "attached again under the same PID: a new watch");
        assertEquals(1, book.clearExited());
        assertEquals(List.of(10L), book.live());
    }

    @Test
    void rowsAreShapedAsAWorkersAndSayTheKernelsState() {
        Snapshot s = new Snapshot(1, T0, Duration.ofSeconds(1), 1, HostSample.UNKNOWN,
                List.of(proc(10, "S", T0, null)), List.of(), null, List.<Event>of());
        WorkerSample p = Attached.processRows(s).get(0);
        assertEquals(WorkerState.RUNNING, p.state(), "a thread in R: it ran");
        assertEquals(1, p.core(), "its busiest thread's core");
        List<WorkerSample> t = Attached.threadRows(s);
        assertEquals(List.of(10L, 11L), t.stream().map(w -> w.info().tid()).toList());
        assertEquals(List.of("S", "R"), t.stream().map(WorkerSample::threadState).toList());
        assertEquals(List.of(10L, 10L), t.stream().map(w -> w.info().pid()).toList());
        assertEquals(List.of("prog", "worker"), t.stream().map(w -> w.info().name()).toList());
        assertEquals(50, t.get(1).cpuPercent());
    }

    @Test
    void theTimelineFollowsALiveAttachedProcessWhole() {
        List<org.threadlab.worker.WorkerInfo> pseudo = Attached.timelineWorkers(List.of(proc(10, "S", T0, null)));
        SliceWatch w = TimelineBook.watch(pseudo);
        assertEquals(Map.of(10L, Set.of()), w.threadsByPid(), "every thread of it");
        assertNotNull(pseudo.get(0).workload());
        long span = 20_000_000L;
        org.threadlab.sample.Slice slice = new org.threadlab.sample.Slice(0, span, List.of(
                new org.threadlab.sample.ThreadSlice(10, 10, "prog", 0, 0, 'S', 0, false, null),
                new org.threadlab.sample.ThreadSlice(10, 11, "worker", span, 0, 'R', 1, false, null)), Map.of());
        Timeline tl = new TimelineBook().add(new org.threadlab.sample.SliceBatch(Duration.ofMillis(20), Duration.ofMillis(4),
                List.of(slice), null), pseudo, List.of(), 2);
        assertEquals(List.of("pid 10 prog 10", "pid 10 worker 11"), tl.lanes().stream().map(Lane::label).toList(),
                "its lanes named by PID, not by a worker id it has not");
        assertEquals(CellState.RUNNING, tl.lanes().get(1).cells().get(0).state());
    }
}
