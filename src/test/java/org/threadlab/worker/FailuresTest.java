package org.threadlab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;

/** A failure reads the same whether the workload ran in a thread or in a child JVM. */
class FailuresTest {
    @Test
    void reasonsAreOneLineInAUsersWords() {
        assertEquals("out of memory: Java heap space", Failures.describe(new OutOfMemoryError("Java heap space")));
        assertEquals("out of memory", Failures.describe(new OutOfMemoryError()));
        assertEquals("no such group", Failures.describe(new IllegalArgumentException("no such group")));
        assertEquals("NullPointerException: x is null", Failures.describe(new NullPointerException("x is null")));
        assertEquals("NullPointerException", Failures.describe(new NullPointerException()));
        assertEquals("IOException: disk gone", Failures.describe(new java.io.IOException("disk gone")));
    }

    @Test
    void aThreadAndAProcessRunningOutOfMemorySayTheSame() throws Exception {
        try (Supervisor s = new Supervisor()) {
            WorkloadSpec oom = WorkloadSpec.of("crash").with("how", "oom").with("after", "0s");
            WorkerInfo p = s.spawn(WorkerKind.PROCESS, oom, false);
            JoinResult j = s.join(p.id(), Duration.ofSeconds(30));
            assertEquals(WorkerState.FAILED, j.worker().state());
            assertEquals("out of memory: Java heap space", j.worker().reason());
        }
    }
}
