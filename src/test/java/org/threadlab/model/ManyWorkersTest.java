package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.sample.Ring;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Limits;
import org.threadlab.worker.SpawnRefused;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;

/** 2,000 sleeping thread workers: every one of them is joined to its thread and measured, every tick. */
@ExtendWith(NoChildrenLeft.class)
class ManyWorkersTest {
    private static final int N = 2_000;

    @Test
    void everyWorkerIsMeasuredNotOnlyTheOnesOnScreen() throws Exception {
        try (Supervisor supervisor = new Supervisor(new Limits(4, N, Duration.ofMillis(500)), false);
             ModelHub hub = ModelHub.manual(new Sampler(Duration.ofMillis(200)), supervisor)) {
            var spec = Workloads.parse(WorkloadSpec.of("sleep").with("duration", "60s"));
            int started = 0;
            while (started < N) {
                started += supervisor.spawnRound(WorkerKind.THREAD, spec, Math.min(999, N - started), true).workers().size();
            }
            Snapshot s = null;
            long deadline = System.nanoTime() + 60_000_000_000L;
            long measured = 0;
            // a worker whose thread has not yet said its TID is not measured yet: ticks until all have
            while (measured < N && System.nanoTime() < deadline) {
                s = hub.sampleNow();
                measured = s.workers().stream().filter(w -> w.info().tid() > 0 && !Double.isNaN(w.cpuPercent())).count();
            }
            assertEquals(N, s.workers().size());
            assertEquals(N, measured, "every worker's CPU is measured, by its TID");
            // each one's history grows by one a tick, and never past the ring's size
            for (int i = 0; i < 3; i++) {
                s = hub.sampleNow();
            }
            for (WorkerSample w : s.workers()) {
                assertTrue(w.cpuHistory().size() >= 3 && w.cpuHistory().size() <= Ring.CAPACITY, w.info().name());
            }
            // the round holds them all, and its figures count them all
            List<Round> rounds = s.rounds();
            assertEquals(N, rounds.stream().mapToInt(r -> r.info().started()).sum());
            // the limit is exact at the count: one more is refused
            assertThrowsRefused(supervisor, spec);
        }
    }

    private static void assertThrowsRefused(Supervisor supervisor, org.threadlab.work.TypedSpec spec) {
        try {
            supervisor.spawn(WorkerKind.THREAD, spec, true);
            assertFalse(true, "a worker over the limit started");
        } catch (SpawnRefused e) {
            assertTrue(e.getMessage().contains("limit of " + N + " live threads"), e.getMessage());
        }
    }

    @Test
    void theWatchListIsMadeAgainExactlyWhenWhatItIsMadeOfChanged() {
        List<org.threadlab.worker.WorkerInfo> before = List.of(info(1, -1, org.threadlab.worker.WorkerState.NEW),
                info(2, 702, org.threadlab.worker.WorkerState.RUNNING));
        List<org.threadlab.worker.WorkerInfo> same = List.of(info(1, -1, org.threadlab.worker.WorkerState.NEW),
                info(2, 702, org.threadlab.worker.WorkerState.RUNNING));
        // worker 1's thread said its TID: the sampler must now read it
        List<org.threadlab.worker.WorkerInfo> started = List.of(info(1, 701, org.threadlab.worker.WorkerState.RUNNING),
                info(2, 702, org.threadlab.worker.WorkerState.RUNNING));
        List<org.threadlab.worker.WorkerInfo> ended = List.of(info(1, 701, org.threadlab.worker.WorkerState.RUNNING),
                info(2, 702, org.threadlab.worker.WorkerState.FINISHED));
        assertTrue(java.util.Arrays.equals(ModelHub.watchKey(before, java.util.List.of()), ModelHub.watchKey(same, java.util.List.of())));
        assertEquals(ModelHub.watchList(before), ModelHub.watchList(same));
        assertFalse(java.util.Arrays.equals(ModelHub.watchKey(before, java.util.List.of()), ModelHub.watchKey(started, java.util.List.of())));
        assertFalse(ModelHub.watchList(before).equals(ModelHub.watchList(started)));
        assertFalse(java.util.Arrays.equals(ModelHub.watchKey(started, java.util.List.of()), ModelHub.watchKey(ended, java.util.List.of())));
        assertFalse(ModelHub.watchList(started).equals(ModelHub.watchList(ended)));
        // compared in place, the key says the same
        assertTrue(ModelHub.sameWatchKey(ModelHub.watchKey(before, List.of()), same, List.of()));
        assertFalse(ModelHub.sameWatchKey(ModelHub.watchKey(before, List.of()), started, List.of()));
        assertFalse(ModelHub.sameWatchKey(ModelHub.watchKey(started, List.of()), ended, List.of()));
        assertFalse(ModelHub.sameWatchKey(ModelHub.watchKey(started, List.of()), started.subList(0, 1), List.of()));
        assertFalse(ModelHub.sameWatchKey(null, started, List.of()));
    }

    private static org.threadlab.worker.WorkerInfo info(int id, long tid, org.threadlab.worker.WorkerState state) {
        return new org.threadlab.worker.WorkerInfo(id, "sleep-" + id, WorkerKind.THREAD, WorkloadSpec.of("sleep"), false, state,
                null, null, null, 0, 0, 4242, tid, 30 + id, -1, null, null, List.of(), false);
    }
}
