package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A round's label says who did the work, and "+ GIL" only where the GIL stood between them. */
class RoundInfoTest {
    private static RoundInfo round(WorkerKind kind, int n, boolean gil, String workload, String params) {
        return new RoundInfo(1, kind, workload, params, n, n, false, gil, Instant.EPOCH);
    }

    @Test
    void plainRoundsAreTheirWorkers() {
        assertEquals("4 threads + GIL cpu units=0.5", round(WorkerKind.THREAD, 4, true, "cpu", "units=0.5").label());
        assertEquals("2 processes cpu", round(WorkerKind.PROCESS, 2, true, "cpu", "").label());
        assertFalse(round(WorkerKind.PROCESS, 2, true, "cpu", "").gilApplies(), "a process has a GIL of its own");
    }

    @Test
    void aProcessPoolRunAsAThreadIsAPoolOfProcessesWithoutTheGil() {
        RoundInfo r = round(WorkerKind.THREAD, 1, true, "pool", "workers=2 pool=process");
        assertEquals("pool of 2 processes", r.label());
        assertFalse(r.gilApplies(), "each member process has its own");
    }

    @Test
    void aThreadPoolIsAPoolOfThreadsUnderTheGil() {
        RoundInfo r = round(WorkerKind.THREAD, 1, true, "pool", "inputs=8 workers=4 cost=100ms");
        assertEquals("pool of 4 threads + GIL inputs=8 cost=100ms", r.label());
        assertTrue(r.gilApplies());
        // in a child process the pool's threads share that process's GIL, which is on when the round began
        assertEquals("pool of 4 threads + GIL in a process", round(WorkerKind.PROCESS, 1, true, "pool", "workers=4").label());
        assertEquals("2 pools of 1 thread, each in a process", round(WorkerKind.PROCESS, 2, false, "pool", "workers=1").label());
        assertEquals("pool of processes", round(WorkerKind.THREAD, 1, false, "pool", "pool=process").label());
    }

    @Test
    void aDaemonRoundsLabelSaysSo() {
        RoundInfo r = new RoundInfo(1, WorkerKind.PROCESS, "sleep", "duration=3s", 2, 2, true, false, Instant.EPOCH);
        assertEquals("2 processes sleep duration=3s (daemon)", r.label());
    }
}
