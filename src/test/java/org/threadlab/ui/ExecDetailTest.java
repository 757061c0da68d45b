package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.History;
import org.threadlab.model.WorkerSample;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** An exec worker's detail: its program's stdout shown as stderr is, and one exit code. */
class ExecDetailTest {
    @Test
    void theProgramsOutputAndOneExitCode() {
        WorkerInfo i = new WorkerInfo(3, "exec-3", WorkerKind.PROCESS, WorkloadSpec.of("exec").with("cmd", "python3 x.py"), false,
                WorkerState.FAILED, "python3 exited with code 2: boom", Fixtures.NOW.minusSeconds(3), Fixtures.NOW.minusSeconds(1),
                0, 0, 777, 777, -1, -1, 2, null, List.of("Traceback (most recent call last):", "boom"), false, null,
                List.of("starting 4 threads"), 0);
        List<String> lines = DetailView.lines(new WorkerSample(i, Double.NaN, -1, -1, null, History.EMPTY), Fixtures.snapshot(),
                new UiState(Duration.ofSeconds(1)), System.nanoTime(), 120, 20, new Theme(false, true))
                .stream().map(DetailView.Line::text).toList();
        String all = String.join("\n", lines);
        assertTrue(lines.contains("stdout (last 1 line):") && lines.contains("  starting 4 threads"), all);
        assertTrue(lines.contains("stderr (last 2 lines):") && lines.contains("  boom"), all);
        assertEquals(1, all.split("code 2", -1).length - 1, "one exit code, not the reason's and another: " + all);
    }
}
