package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.ModelHub;
import org.threadlab.model.Snapshot;
import org.threadlab.sample.ProcessSample;

/** Warm spares ({@code --spares}) are shown as what they are: real processes with PIDs and memory, counted in the title, never rows. */
class SpareRowsTest {

    private static ProcessSample spare(long pid, String role, long rss) {
        return new ProcessSample(pid, Fixtures.SELF, "java", "S", 0.0, Duration.ofMillis(150), Duration.ZERO, rss, -1, 14,
                Fixtures.NOW.minusSeconds(3), role, List.of(), null);
    }

    private static Snapshot withSpares(ProcessSample... spares) {
        Snapshot base = Fixtures.snapshot();
        List<ProcessSample> processes = new ArrayList<>(base.processes());
        processes.addAll(List.of(spares));
        return new Snapshot(base.seq(), base.takenAt(), base.interval(), base.selfPid(), base.host(), processes, base.workers(),
                base.gil(), base.events());
    }

    private static String screen(Snapshot s, int cols, int rows) throws Exception {
        DefaultVirtualTerminal t = Fixtures.terminal(cols, rows);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), new Theme(false, true), s, new UiState(Duration.ofSeconds(1)), System.nanoTime());
        screen.refresh(Screen.RefreshType.DELTA);
        return Fixtures.text(t);
    }

    @Test
    void theProcessPaneCountsTheSparesAndListsThemWithTheirPidsAndMemory() throws Exception {
        Snapshot s = withSpares(spare(4501, ModelHub.SPARE, 38 << 20), spare(4502, ModelHub.SPARE, 39 << 20),
                spare(4503, ModelHub.SPARE_STARTING, 12 << 20));
        String text = screen(s, 120, 40);
        assertTrue(text.contains("Processes (2) + 2 spares ready, 1 starting"), text);
        assertTrue(text.contains("spares: pid 4501 38M, pid 4502 39M, pid 4503 12M (starting)"), text);
        // never workers: the header's count and the table's rows are the workers' only
        assertTrue(text.contains("workers 3/5"), text);
    }

    @Test
    void theLineFitsAtEightyColumnsAndNothingShowsWithoutSpares() throws Exception {
        String text = screen(withSpares(spare(4501, ModelHub.SPARE, 38 << 20)), 80, 24);
        assertTrue(text.contains("+ 1 spare ready"), text);
        assertTrue(text.contains("spare: pid 4501 38M"), text);
        String none = screen(Fixtures.snapshot(), 120, 40);
        assertFalse(none.contains("spare"), none);
    }

    @Test
    void theCountSaysWhatIsReady() {
        assertEquals("1 spare ready", WorkerTableView.spareCount(List.of(spare(1, ModelHub.SPARE, 1))));
        assertEquals("0 spares ready, 1 starting", WorkerTableView.spareCount(List.of(spare(1, ModelHub.SPARE_STARTING, 1))));
    }
}
