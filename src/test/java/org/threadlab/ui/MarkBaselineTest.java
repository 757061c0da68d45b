package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;

/** B through the live commands: the supervisor notes the baseline; B again on it goes back to the default; no such round is refused. */
class MarkBaselineTest {
    @Test
    void marksTogglesAndRefuses() throws Exception {
        try (Supervisor supervisor = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false)) {
            SupervisorCommands commands = new SupervisorCommands(supervisor);
            int round = supervisor.spawnRound(WorkerKind.THREAD, Workloads.parse(WorkloadSpec.of("sleep").with("duration", "100ms")),
                    1, false).round().id();
            Reply marked = commands.markBaseline(round);
            assertEquals(round, supervisor.baseline());
            assertTrue(marked.status().startsWith("baseline: round #" + round), marked.status());
            Reply again = commands.markBaseline(round);
            assertEquals(0, supervisor.baseline());
            assertEquals("baseline: back to the single-worker round of each workload", again.status());
            Reply none = commands.markBaseline(99);
            assertTrue(none.error() && none.status().equals("refused: there is no round #99"), none.status());
            assertEquals(0, supervisor.baseline());
            commands.joinAll();
        }
    }
}
