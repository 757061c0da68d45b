package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.EventLog;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;

/** What the terminal keeps when the screen closes: each worker and how it ended, by Python's exit rules. */
class WorkerFatesTest {

    @Test
    void aDaemonIsSaidToBeKilledAtQuitAndANonDaemonToHaveFinished() throws Exception {
        try (Supervisor s = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false)) {
            s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "300ms"), false);
            s.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "60s"), true);
            s.shutdown(false); // q, then w: the non-daemon is waited for, the daemon killed
            List<String> lines = WorkerFates.lines(s.workers(), s.events().recent(EventLog.DEFAULT_CAPACITY));
            String all = String.join("\n", lines);
            assertEquals("threadlab: what became of the 2 workers started", lines.get(0), all);
            assertTrue(lines.get(1).trim().startsWith("worker"), all);
            String first = lines.stream().filter(l -> l.contains("sleep-1")).findFirst().orElseThrow();
            String second = lines.stream().filter(l -> l.contains("sleep-2")).findFirst().orElseThrow();
            assertTrue(first.contains("thread ") && first.contains("finished after") && first.contains("slept 300ms"), all);
            assertTrue(second.contains("thread, daemon") && second.contains("killed as a daemon when threadlab quit"), all);
        }
    }

    @Test
    void nothingIsPrintedWhenNoWorkerWasStarted() {
        assertTrue(WorkerFates.lines(List.of(), List.of()).isEmpty());
    }
}
