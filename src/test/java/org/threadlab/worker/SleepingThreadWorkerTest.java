package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;

/**
 * A sleeping thread worker waits in one piece and its progress moves with the clock: its thread is
 * not woken every step (the kernel's count of its arrivals on a CPU stands while it sleeps), and yet
 * its progress is part-way in the middle of the wait and whole at its end.
 */
class SleepingThreadWorkerTest {

    /** The third field of the thread's schedstat: how many times it was put on a CPU. */
    private static long arrivals(long tid) throws Exception {
        String s = Files.readString(Path.of("/proc/self/task/" + tid + "/schedstat")).trim();
        return Long.parseLong(s.split(" ")[2]);
    }

    @Test
    void itWakesOnceAndItsProgressMovesWithTheClock() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs /proc");
        try (Supervisor s = new Supervisor()) {
            // 4 s in steps of 100 ms (40 steps): in slices it would wake ten times a second
            WorkerInfo w = s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "4s"), false);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            WorkerInfo now = w;
            while ((now.tid() <= 0 || now.state() != WorkerState.WAITING) && System.nanoTime() < deadline) {
                Thread.sleep(10);
                now = s.worker(w.id()).orElseThrow();
            }
            assertTrue(now.tid() > 0 && now.state() == WorkerState.WAITING, "the worker sleeps within 20 s: " + now);
            long before = arrivals(now.tid());
            Thread.sleep(1_500);
            WorkerInfo mid = s.worker(w.id()).orElseThrow();
            long woke = arrivals(now.tid()) - before;
            assertTrue(woke <= 2, "in 1.5 s of its wait the thread was put on a CPU " + woke + " times (slices: about 15)");
            if (mid.state() == WorkerState.WAITING) {
                // on a loaded machine it may already be at its end: then only the end is checked
                assertTrue(mid.progressDone() > 0 && mid.progressDone() < mid.progressTotal(),
                        "part-way by the clock: " + mid.progressDone() + "/" + mid.progressTotal());
            }
            WorkerInfo end = s.join(w.id(), Duration.ofSeconds(30)).worker();
            assertEquals(WorkerState.FINISHED, end.state(), String.valueOf(end));
            assertEquals(end.progressTotal(), end.progressDone(), "whole at its end");
            assertEquals(40, end.progressTotal());
        }
    }
}
