package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.Kernel;
import org.threadlab.sample.ManyThreadsProgram;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.SamplerAccuracyTest;
import org.threadlab.sample.ThreadSample;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.AwaitWorker;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** Worker rows joined to the right process and thread by PID/TID, with real workers. */
class WorkerSampleTest {

    @Test
    void threadAndProcessWorkersCarryTheirPidTidAndLiveNumbers() throws Exception {
        Assumptions.assumeTrue(Kernel.LINUX);
        long self = ProcessHandle.current().pid();
        WorkloadSpec sleep = WorkloadSpec.of("sleep").with("duration", "30s");
        try (Supervisor supervisor = new Supervisor();
             ModelHub sampler = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            WorkerInfo thread = supervisor.spawn(WorkerKind.THREAD, sleep, true);
            WorkerInfo process = supervisor.spawn(WorkerKind.PROCESS, sleep, true);
            thread = AwaitWorker.withTid(supervisor, thread.id());
            process = AwaitWorker.withTid(supervisor, process.id());
            sampler.sampleNow();
            Thread.sleep(200);
            Snapshot s = sampler.sampleNow();

            WorkerSample tw = s.worker(thread.id()).orElseThrow();
            assertEquals(self, tw.info().pid());
            ThreadSample native1 = SamplerAccuracyTest.thread(s.process(self).orElseThrow(), thread.tid());
            assertNotNull(native1.java(), "the worker's TID maps to its Java thread");
            assertEquals(thread.javaThreadId(), native1.java().id());
            assertEquals(native1.core(), tw.core());
            assertEquals(native1.state(), tw.threadState());
            assertEquals(native1.cpuPercent(), tw.cpuPercent());
            assertTrue(tw.memoryBytes() >= 0, "allocated bytes of its thread");

            WorkerSample pw = s.worker(process.id()).orElseThrow();
            ProcessSample child = s.process(process.pid()).orElseThrow();
            assertEquals("worker", child.role());
            assertEquals(self, child.ppid());
            assertEquals(child.rssBytes(), pw.memoryBytes());
            assertTrue(pw.memoryBytes() > 0);
            assertEquals(child.cpuPercent(), pw.cpuPercent());
            assertEquals(WorkerJoin.workCore(child, process.tid()), pw.core(), "the busiest thread's core");
            assertEquals(1, pw.cpuHistory().size());
            assertTrue(s.events().size() >= 2, "the supervisor's events come along");
        }
    }

    @Test
    void aProcessWorkersCoreIsItsBusiestThreadsNotItsMainThreads() {
        // an external program's main thread often only waits (here on core 0) while a worker thread
        // does the work (on core 1): the row showed the main thread's core
        long pid = 500;
        java.util.function.BiFunction<Long, Double, ThreadSample> t = (tid, cpu) ->
                new ThreadSample(tid, "t" + tid, cpu > 0 ? "R" : "S", cpu, tid == pid ? 0 : (int) (tid - pid), 20, 0, -1, -1, null);
        ProcessSample program = process(pid, t.apply(pid, 0.0), t.apply(pid + 1, 0.5), t.apply(pid + 2, 97.0));
        assertEquals(2, WorkerJoin.workCore(program, pid));
        // nobody ran: the work thread's, else the main thread's
        ProcessSample idle = process(pid, t.apply(pid, 0.0), t.apply(pid + 1, 0.0));
        assertEquals(1, WorkerJoin.workCore(idle, pid + 1));
        assertEquals(0, WorkerJoin.workCore(idle, -1));
        assertEquals(-1, WorkerJoin.workCore(process(pid), pid));
    }

    @Test
    void anExecWorkersCoreIsWhereItsBusyThreadRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Assumptions.assumeTrue(Kernel.LINUX && Runtime.getRuntime().availableProcessors() >= 2);
        Assumptions.assumeTrue(ManyThreadsProgram.gccAvailable(), "needs gcc for the program");
        java.nio.file.Path bin = ManyThreadsProgram.compile(dir);
        // main thread kept on core 0 (waiting), one busy thread kept on core 1
        WorkloadSpec exec = WorkloadSpec.of("exec").with("cmd", bin + " 0 1 100 pin 60");
        try (Supervisor supervisor = new Supervisor();
             ModelHub sampler = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            WorkerInfo w = AwaitWorker.withTid(supervisor, supervisor.spawn(WorkerKind.PROCESS, exec, true).id());
            long deadline = System.nanoTime() + 20_000_000_000L;
            WorkerSample ws;
            ProcessSample p;
            do {
                sampler.sampleNow();
                Thread.sleep(300);
                Snapshot s = sampler.sampleNow();
                ws = s.worker(w.id()).orElseThrow();
                p = s.process(ws.info().pid()).orElseThrow();
            } while ((p.threads().size() < 2 || p.threads().stream().anyMatch(x -> Double.isNaN(x.cpuPercent())))
                    && System.nanoTime() < deadline);
            assertEquals(2, p.threads().size(), "the program's two threads: " + p.threads());
            assertEquals(0, SamplerAccuracyTest.thread(p, p.pid()).core(), "its main thread waits on core 0");
            assertEquals(1, ws.core(), "the row shows where the work runs: " + p.threads());
        }
    }

    private static ProcessSample process(long pid, ThreadSample... threads) {
        return new ProcessSample(pid, 1, "prog", "S", 50, Duration.ZERO, Duration.ZERO, 0, 0, threads.length, null,
                "worker", java.util.List.of(threads), null);
    }

}
