package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.work.WorkloadSpec;

/**
 * Many short-lived workers of every kind, for a while (60 s by default; -Dthreadlab.soak.seconds=N
 * for longer), through one supervisor, as a long classroom session would: afterwards the threads,
 * the heap, the event log and the worker list are back to where they started, or capped.
 */
@ExtendWith(NoChildrenLeft.class)
class SoakTest {
    /** Enough rounds to show a leak (each starts 8 to 15 workers), whatever the clock says. */
    private static final int MIN_ROUNDS = 20;
    private static final List<WorkloadSpec> MIX = List.of(
            WorkloadSpec.of("sleep").with("duration", "20ms"),
            WorkloadSpec.of("cpu").with("units", "0.01"),
            WorkloadSpec.of("counter").with("increments", "20000"),
            WorkloadSpec.of("global").with("items", "2").with("pause", "1ms"),
            WorkloadSpec.of("queue").with("items", "20").with("produce", "0s").with("consume", "0s"),
            WorkloadSpec.of("crash").with("after", "0s"),
            WorkloadSpec.of("pool").with("inputs", "4").with("workers", "2").with("task", "sleep").with("cost", "5ms"));

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    @Tag("slow") // a minute by design: run by `mvn verify`, not by `mvn test`
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES) // -Dthreadlab.soak.seconds may ask for more than the default
    void memoryThreadsAndLogsReturnToBaseline() throws Exception {
        long seconds = Long.getLong("threadlab.soak.seconds", 60);
        try (Supervisor s = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false)) {
            // one round first, so class loading and JIT are in the baseline
            s.spawn(WorkerKind.THREAD, MIX.get(0), false);
            s.spawn(WorkerKind.PROCESS, MIX.get(0), false);
            s.joinAll(null);
            s.clearEnded();
            int baseThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            long baseHeap = usedHeapAfterGc();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            int spawned = 0;
            int round = 0;
            // for the time asked, and at least MIN_ROUNDS rounds however slow a busy machine makes them
            while (System.nanoTime() < end || round < MIN_ROUNDS) {
                for (WorkloadSpec spec : MIX) {
                    s.spawn(WorkerKind.THREAD, spec, round % 2 == 0);
                    spawned++;
                    if (VirtualThreads.available() && !spec.type().equals("pool")) {
                        s.spawn(WorkerKind.VIRTUAL, spec, false);
                        spawned++;
                    }
                }
                // processes are heavier: one per round, cycling through the mix
                s.spawn(WorkerKind.PROCESS, MIX.get(round % MIX.size()), round % 3 == 0);
                spawned++;
                if (round % 5 == 4) {
                    WorkerInfo doomed = s.spawn(WorkerKind.PROCESS, WorkloadSpec.of("sleep").with("duration", "30s"), false);
                    s.terminate(doomed.id());
                    spawned++;
                }
                s.joinAll(Duration.ofSeconds(30));
                if (round % 4 == 0) {
                    s.clearEnded();
                }
                round++;
            }
            s.clearEnded();
            assertTrue(s.events().recent(100_000).size() <= EventLog.DEFAULT_CAPACITY);
            assertEquals(0, s.workers().size());
            // pool and pipe threads may still be finishing their last step: wait for them, with a deadline
            long settle = System.nanoTime() + 30_000_000_000L;
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            while (threads > baseThreads + 3 && System.nanoTime() < settle) {
                Thread.sleep(50);
                threads = ManagementFactory.getThreadMXBean().getThreadCount();
            }
            assertTrue(threads <= baseThreads + 3, "threads: " + baseThreads + " before, " + threads + " 30 s after " + spawned + " workers");
            long heap = usedHeapAfterGc();
            assertTrue(heap <= baseHeap + 16L * 1024 * 1024, "heap: " + (baseHeap >> 20) + " MiB before, " + (heap >> 20)
                    + " MiB after " + spawned + " workers");
        }
    }

    @Test
    void endedWorkersAreCappedWithoutClearing() throws Exception {
        try (Supervisor s = new Supervisor()) {
            for (int batch = 0; batch < 6; batch++) {
                for (int i = 0; i < 100; i++) {
                    s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "1ms"), false);
                }
                s.joinAll(null);
            }
            assertEquals(Supervisor.MAX_ENDED, s.workers().size());
            assertEquals(600, s.workers().get(s.workers().size() - 1).id(), "the newest are kept");
        }
    }
}
