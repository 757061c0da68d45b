package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;
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
             Sampler sampler = new Sampler(supervisor, Duration.ofSeconds(1))) {
            WorkerInfo thread = supervisor.spawn(WorkerKind.THREAD, sleep, true);
            WorkerInfo process = supervisor.spawn(WorkerKind.PROCESS, sleep, true);
            thread = awaitTid(supervisor, thread.id());
            process = awaitTid(supervisor, process.id());
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
            ThreadSample work = SamplerAccuracyTest.thread(child, process.tid());
            assertEquals(work.core(), pw.core());
            assertEquals(1, pw.cpuHistory().size());
            assertTrue(s.events().size() >= 2, "the supervisor's events come along");
        }
    }

    private static WorkerInfo awaitTid(Supervisor supervisor, int id) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        WorkerInfo w = supervisor.worker(id).orElseThrow();
        while (w.tid() <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            w = supervisor.worker(id).orElseThrow();
        }
        assertTrue(w.tid() > 0, "worker " + id + " reported its TID");
        return w;
    }
}
