package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.History;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.work.SimulatedGil;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** With the GIL on, the header and the rows tell one interval: shares held and waited, states measured. */
class GilColumnTest {

    private static List<String> draw(int cols, int rows, Snapshot s) throws IOException {
        DefaultVirtualTerminal t = Fixtures.terminal(cols, rows);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), new Theme(false, true), s, new UiState(Duration.ofSeconds(1)), System.nanoTime());
        screen.refresh(Screen.RefreshType.DELTA);
        return Fixtures.lines(t);
    }

    /** Four CPU threads taking turns: each held the GIL a quarter of the interval and waited the rest. */
    private static Snapshot fourTakingTurns() {
        // five-digit PIDs and TIDs, as on most machines
        Snapshot base = Fixtures.lab();
        List<WorkerSample> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // the workload's own last word is BLOCKED for three of them, as at any instant under the GIL
            WorkerInfo w = Fixtures.info(10 + i, "gil-" + i, WorkerKind.THREAD, i == 0 ? WorkerState.RUNNING : WorkerState.BLOCKED,
                    false, Fixtures.LAB_SELF, 20770 + i, 1, 10, null, null, null, List.of());
            workers.add(new WorkerSample(w, 24.8, i % 2, 1000, "S", History.EMPTY, WorkerState.RUNNING, 0.245, 0.74));
        }
        SimulatedGil.State gil = new SimulatedGil.State(true, null, 4, Duration.ofMillis(5), 800, 0.98, 2.96);
        return new Snapshot(base.seq(), base.takenAt(), base.interval(), base.selfPid(), base.host(), base.processes(),
                workers, gil, base.events());
    }

    @Test
    void headerAndRowsShowTheSameInterval() throws IOException {
        List<String> lines = draw(120, 40, fourTakingTurns());
        assertTrue(lines.get(0).contains("GIL ON held 98% 3.0 waiting"), lines.get(0));
        assertFalse(lines.get(0).contains("(free)"), "not an instant between two holders: " + lines.get(0));
        String header = lines.stream().filter(l -> l.contains("gil h/w")).findFirst()
                .orElseThrow(() -> new AssertionError("a gil column while the GIL is on\n" + String.join("\n", lines)));
        assertTrue(header.contains("cpu%"), header);
        for (int i = 0; i < 4; i++) {
            String name = "gil-" + i;
            String row = lines.stream().filter(l -> l.contains(name)).findFirst().orElseThrow();
            assertTrue(row.contains("RUN") && !row.contains("BLOCK"), "measured, not the workload's word: " + row);
            assertTrue(row.contains("25/74"), row);
        }
    }

    @Test
    void at80x24TheGilColumnStaysUnderItsShortHeaderWithPidAndTid() throws IOException {
        List<String> lines = draw(80, 24, fourTakingTurns());
        String header = lines.stream().filter(l -> l.contains(" name ")).findFirst().orElseThrow();
        String threads = header.substring(0, header.indexOf('\u2502'));
        assertTrue(threads.matches(".*pid +tid .*cpu% +gil *"), "the threads table's header: " + threads);
        for (int i = 0; i < 4; i++) {
            String name = "gil-" + i;
            String row = lines.stream().filter(l -> l.contains(name)).findFirst().orElseThrow();
            assertTrue(row.contains(Fixtures.LAB_SELF + " " + (20770 + i)) && row.contains(" 25/74\u2502"), "pid, tid and gil whole: " + row);
        }
        // where there is room, the header says what the two numbers are
        assertTrue(draw(100, 30, fourTakingTurns()).stream().anyMatch(l -> l.contains("cpu% gil h/w")));
    }

    @Test
    void theShortHeaderNeverCutsANumberColumn() throws IOException {
        Snapshot s = fourTakingTurns();
        Canvas c = new Canvas(Fixtures.screen(Fixtures.terminal(200, 60)).newTextGraphics(), new Theme(false, true));
        List<WorkerSample> rows = Rows.of(s, new UiState(Duration.ofSeconds(1)), Pane.THREADS);
        for (int width = 8; width <= 200; width++) {
            for (WorkerTableView.Placed p : WorkerTableView.columns(Pane.THREADS, width, rows, s, c)) {
                String key = p.column().key();
                if (key.equals("pid") || key.equals("tid")) {
                    assertTrue(p.width() >= 5, key + " cut to " + p.width() + " at " + width);
                }
            }
        }
    }

    @Test
    void noGilColumnWhileTheGilIsOff() throws IOException {
        List<String> lines = draw(120, 40, Fixtures.snapshot());
        assertTrue(lines.stream().noneMatch(l -> l.contains("gil h/w")), String.join("\n", lines));
    }
}
