package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.JavaThreadSample;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** The join keeps each worker's CPU ring by id, drops a gone worker's, and makes little per worker a tick. */
class WorkerJoinTest {
    private static final long SELF = 100;
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static WorkerInfo worker(int id) {
        return new WorkerInfo(id, "sleep-" + id, WorkerKind.THREAD, WorkloadSpec.of("sleep"), false, WorkerState.WAITING,
                null, T0, null, 0, 0, SELF, 1000L + Math.floorMod(id, 1_000_000), 30 + Math.floorMod(id, 1_000_000), -1,
                null, null, List.of(), false);
    }

    private static Measurement tick(int t, List<WorkerInfo> workers) {
        List<ThreadSample> threads = new ArrayList<>();
        Map<Long, JavaThreadSample> java = new HashMap<>();
        for (WorkerInfo w : workers) {
            threads.add(new ThreadSample(w.tid(), w.name(), "S", w.id() % 7, 0, 0, 0, 0, 0, null));
            java.put(w.javaThreadId(), new JavaThreadSample(w.javaThreadId(), w.name(), Thread.State.TIMED_WAITING, false, 64L * w.id()));
        }
        ProcessSample self = new ProcessSample(SELF, 1, "java", "S", 1, Duration.ZERO, Duration.ZERO, 0, -1, threads.size(),
                T0, "self", threads, null);
        CoreSample total = new CoreSample(-1, 0, 0, 0, 1, 0, History.EMPTY);
        HostSample host = new HostSample("h", Duration.ZERO, new double[] {0, 0, 0}, List.of(total), total, 1, 2, 0, 0,
                Duration.ofSeconds(1), 0);
        return new Measurement(t, T0.plusSeconds(t), Duration.ofSeconds(1), SELF, host, List.of(self), java, 0, null);
    }

    private static WorkerSample of(WorkerJoin.Joined j, int id) {
        return j.workers().stream().filter(w -> w.info().id() == id).findFirst().orElseThrow();
    }

    @Test
    void eachWorkerKeepsItsOwnHistoryByIdAndAGoneOnesIsDropped() {
        WorkerJoin join = new WorkerJoin();
        List<WorkerInfo> all = List.of(worker(5), worker(200), worker(70_000), worker(5_000_000), worker(-3));
        join.join(all, tick(1, all), null, null);
        WorkerJoin.Joined j = join.join(all, tick(2, all), null, null);
        for (WorkerInfo w : all) {
            WorkerSample s = of(j, w.id());
            assertEquals(2, s.cpuHistory().size(), "worker " + w.id());
            assertEquals(w.id() % 7, s.cpuPercent(), 1e-9, "worker " + w.id() + "'s own thread");
            assertEquals(64L * w.id(), s.memoryBytes(), "worker " + w.id() + "'s own Java thread");
        }
        assertEquals(5, join.kept());
        List<WorkerInfo> fewer = List.of(worker(5), worker(5_000_000));
        join.join(fewer, tick(3, fewer), null, null);
        assertEquals(2, join.kept(), "the gone workers' rings are dropped");
        j = join.join(all, tick(4, all), null, null);
        assertEquals(4, of(j, 5).cpuHistory().size());
        assertEquals(4, of(j, 5_000_000).cpuHistory().size());
        assertEquals(1, of(j, 200).cpuHistory().size(), "a ring dropped starts again");
        assertEquals(1, of(j, -3).cpuHistory().size());
    }

    @Test
    void aTickMakesLittleMoreThanEachWorkersSample() {
        List<WorkerInfo> all = new ArrayList<>();
        for (int id = 1; id <= 10_000; id++) {
            all.add(worker(id));
        }
        List<Measurement> ticks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            ticks.add(tick(t, all));
        }
        WorkerJoin join = new WorkerJoin();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 60; round++) {
            long before = mx.getThreadAllocatedBytes(me);
            join.join(all, ticks.get(round % ticks.size()), null, null);
            best = Math.min(best, mx.getThreadAllocatedBytes(me) - before);
        }
        // a sample and its history view per worker, the index's packed TIDs: 140 bytes a worker measured;
        // before, a map of boxed TIDs and boxed ids besides: 240
        assertTrue(best < 10_000 * 170L, "a join of 10,000 workers allocated " + best + " bytes");
    }
}
