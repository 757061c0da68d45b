package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.Kernel;
import org.threadlab.sample.ManyThreadsProgram;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.SamplerAccuracyTest;
import org.threadlab.sample.ThreadSample;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.AwaitWorker;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** A worker's state is what it did over the interval, and the GIL's header and rows are one set of books. */
class GilAndStateTest {

    @Test
    void withTheGilOnHeaderAndRowsComeFromTheSameBooks() throws Exception {
        Assumptions.assumeTrue(Kernel.LINUX);
        WorkloadSpec cpu = WorkloadSpec.of("cpu").with("units", "60");
        try (Supervisor supervisor = new Supervisor();
             ModelHub sampler = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            supervisor.setGil(true);
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(supervisor.spawn(WorkerKind.THREAD, cpu, true).id());
            }
            for (int id : ids) {
                AwaitWorker.withTid(supervisor, id);
            }
            sampler.sampleNow();
            // over an interval with enough hand-overs that every thread had its turn
            long handoffs = supervisor.gil().state().handoffs();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (supervisor.gil().state().handoffs() < handoffs + 20) {
                assertTrue(System.nanoTime() < deadline, "the GIL was not handed over");
                Thread.sleep(20);
            }
            Snapshot s = sampler.sampleNow();
            SimulatedGil.State gil = s.gil();
            assertTrue(gil.enabled());
            double held = 0;
            double waited = 0;
            for (int id : ids) {
                WorkerSample w = s.worker(id).orElseThrow();
                assertTrue(w.gilHeld() > 0 && w.gilWaited() > 0, "each held it and waited for it: " + w);
                // the workload's own report flips between RUNNING and BLOCKED every few ms: at any
                // instant at most one said RUNNING. Over the interval, each of them ran
                assertEquals(WorkerState.RUNNING, w.state(), "it held the GIL and ran in the interval: " + w);
                held += w.gilHeld();
                waited += w.gilWaited();
            }
            assertTrue(held <= 1.0 + 1e-9, "held shares add up to " + held);
            assertEquals(gil.heldShare(), held, 1e-9, "the header's held share is the rows' sum");
            assertEquals(gil.waitingAverage(), waited, 1e-9, "the header's waiting is the rows' sum");
        }
    }

    @Test
    void withTheGilOffThereAreNoGilFigures() throws Exception {
        Assumptions.assumeTrue(Kernel.LINUX);
        try (Supervisor supervisor = new Supervisor();
             ModelHub sampler = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            int id = supervisor.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "30s"), true).id();
            AwaitWorker.withTid(supervisor, id);
            sampler.sampleNow();
            Thread.sleep(200);
            Snapshot s = sampler.sampleNow();
            WorkerSample w = s.worker(id).orElseThrow();
            assertTrue(Double.isNaN(w.gilHeld()) && Double.isNaN(w.gilWaited()), w.toString());
            assertTrue(Double.isNaN(s.gil().heldShare()) || s.gil().heldShare() == 0, s.gil().toString());
            assertEquals(WorkerState.WAITING, w.state(), "a sleeper did not run: " + w);
        }
    }

    private static WorkerInfo info(WorkerKind kind, WorkerState reported) {
        return new WorkerInfo(1, "w", kind, WorkloadSpec.of("memory"), false, reported, null, Instant.EPOCH, null, 0, 0,
                100, 101, 5, -1, null, null, List.of(), false);
    }

    private static ThreadSample thread(String state, double cpu) {
        return new ThreadSample(101, "w", state, cpu, 0, 20, 0, -1, -1, null);
    }

    private static ProcessSample process(double cpu, ThreadSample... threads) {
        return new ProcessSample(100, 1, "p", "S", cpu, Duration.ZERO, Duration.ZERO, 0, 0, threads.length, null,
                "worker", List.of(threads), null);
    }

    @Test
    void theStateIsWhatWasMeasuredNotWhatTheWorkloadLastSaid() {
        ProcessSample self = process(80, thread("S", 80));
        SimulatedGil.Usage none = new SimulatedGil.Usage(5, 0, 0, false, false);
        // issue 9: allocating at 80% CPU towards an out-of-memory crash, it had last said WAITING
        assertEquals(WorkerState.RUNNING,
                WorkerJoin.measuredState(info(WorkerKind.THREAD, WorkerState.WAITING), self, thread("S", 80), 80, none));
        // running when read, though little CPU so far
        assertEquals(WorkerState.RUNNING,
                WorkerJoin.measuredState(info(WorkerKind.THREAD, WorkerState.WAITING), self, thread("R", 0.2), 0.2, none));
        // said RUNNING, did nothing all interval
        assertEquals(WorkerState.WAITING,
                WorkerJoin.measuredState(info(WorkerKind.THREAD, WorkerState.RUNNING), self, thread("S", 0.01), 0.01, null));
        // did not run, waited for the GIL
        SimulatedGil.Usage blocked = new SimulatedGil.Usage(5, 0, 900_000_000L, false, true);
        assertEquals(WorkerState.BLOCKED,
                WorkerJoin.measuredState(info(WorkerKind.THREAD, WorkerState.RUNNING), self, thread("S", 0), 0, blocked));
        // a virtual thread's CPU is unknown: the GIL's books still say it ran
        SimulatedGil.Usage held = new SimulatedGil.Usage(5, 300_000_000L, 600_000_000L, false, true);
        assertEquals(WorkerState.RUNNING,
                WorkerJoin.measuredState(info(WorkerKind.VIRTUAL, WorkerState.BLOCKED), self, null, Double.NaN, held));
        // nothing measured: what it said
        assertEquals(WorkerState.BLOCKED,
                WorkerJoin.measuredState(info(WorkerKind.VIRTUAL, WorkerState.BLOCKED), self, null, Double.NaN, none));
        // a process: its whole CPU, or any thread running
        assertEquals(WorkerState.RUNNING, WorkerJoin.measuredState(info(WorkerKind.PROCESS, WorkerState.WAITING),
                process(45, thread("S", 45)), null, 45, null));
        assertEquals(WorkerState.WAITING, WorkerJoin.measuredState(info(WorkerKind.PROCESS, WorkerState.RUNNING),
                process(0, thread("S", 0)), null, 0, null));
        // new and ended workers are what the supervisor says
        assertEquals(WorkerState.FAILED,
                WorkerJoin.measuredState(info(WorkerKind.THREAD, WorkerState.FAILED), self, thread("R", 80), 80, none));
        assertEquals(WorkerState.NEW,
                WorkerJoin.measuredState(info(WorkerKind.THREAD, WorkerState.NEW), self, thread("R", 80), 80, none));
    }

}
