package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.work.HeapBudget;
import org.threadlab.work.WorkloadSpec;

/** A thread workload takes at most its budget of threadlab's shared heap. */
class HeapBudgetTest {
    @BeforeEach
    void smallBudget() {
        System.setProperty(HeapBudget.PROPERTY, "96MiB");
    }

    @AfterEach
    void defaultBudget() {
        System.clearProperty(HeapBudget.PROPERTY);
    }

    @Test
    void aMemoryWorkloadOverTheBudgetIsRefusedInAThread() {
        try (Supervisor s = new Supervisor()) {
            SpawnRefused e = assertThrows(SpawnRefused.class,
                    () -> s.spawn(WorkerKind.THREAD, WorkloadSpec.of("memory").with("size", "128MiB"), false));
            assertTrue(e.getMessage().startsWith("needs 128MiB but a thread may take at most 96MiB of threadlab's heap"), e.getMessage());
        }
    }

    @Test
    void anOutOfMemoryCrashInAThreadStopsAtTheBudget() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(WorkerKind.THREAD, WorkloadSpec.of("crash").with("how", "oom").with("after", "0s"), false);
            WorkerInfo end = s.join(w.id(), Duration.ofSeconds(60)).worker();
            assertEquals(WorkerState.FAILED, end.state());
            assertTrue(end.reason().startsWith("out of memory: reached the 96MiB a thread workload may take"), end.reason());
        }
    }
}
