package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
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
            while (System.nanoTime() < end) {
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
            assertTrue(spawned >= 5 * seconds, "only " + spawned + " workers in " + seconds + " s");
            assertTrue(s.events().recent(100_000).size() <= EventLog.DEFAULT_CAPACITY);
            assertEquals(0, s.workers().size());
            Thread.sleep(300); // let pool and pipe threads finish their last step
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(threads <= baseThreads + 3, "threads: " + baseThreads + " before, " + threads + " after " + spawned + " workers");
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
