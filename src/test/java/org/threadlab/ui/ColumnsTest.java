package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;

/** The worker tables' column choice, name cutting, status split and wrapping, as pure functions. */
class ColumnsTest {
    private static Canvas canvas(boolean ascii) throws IOException {
        TerminalScreen screen = Fixtures.screen(Fixtures.terminal(200, 60));
        return new Canvas(screen.newTextGraphics(), new Theme(ascii, !ascii));
    }

    private static List<String> keys(List<WorkerTableView.Placed> placed) {
        List<String> out = new ArrayList<>();
        for (WorkerTableView.Placed p : placed) {
            out.add(p.column().key());
        }
        return out;
    }

    @Test
    void pidAndTidAreTheLastColumnsDroppedAsATableNarrows() throws IOException {
        Canvas c = canvas(false);
        Snapshot s = Fixtures.lab();
        for (Pane pane : Pane.values()) {
            List<WorkerSample> rows = Rows.of(s, new UiState(Duration.ofSeconds(1)), pane);
            for (int width = 8; width <= 200; width++) {
                List<WorkerTableView.Placed> placed = WorkerTableView.columns(pane, width, rows, s, c);
                List<String> keys = keys(placed);
                int used = -1;
                for (WorkerTableView.Placed p : placed) {
                    used += 1 + p.width();
                }
                assertTrue(used <= width, pane + " at " + width + ": " + keys + " take " + used);
                assertTrue(keys.contains("name"), pane + " at " + width + ": " + keys);
                boolean others = keys.stream().anyMatch(k -> !List.of("name", "pid", "tid").contains(k));
                assertTrue(!others || keys.contains("pid") && keys.contains("tid"),
                        pane + " at " + width + " drops pid or tid before " + keys);
            }
            // in a table as wide as 120 columns' half, names are whole
            for (WorkerTableView.Placed p : WorkerTableView.columns(pane, 58, rows, s, c)) {
                if (p.column().key().equals("name")) {
                    int longest = rows.stream().mapToInt(w -> w.info().name().length()).max().orElse(0);
                    assertTrue(p.width() >= longest, pane + ": name " + p.width() + ", longest " + longest);
                }
            }
        }
    }

    @Test
    void numbersAreNeverCutTheirColumnsAreAsWideAsTheWidestValue() throws IOException {
        Canvas c = canvas(false);
        Snapshot s = Fixtures.lab();
        List<WorkerSample> rows = Rows.of(s, new UiState(Duration.ofSeconds(1)), Pane.THREADS);
        for (WorkerTableView.Placed p : WorkerTableView.columns(Pane.THREADS, 120, rows, s, c)) {
            switch (p.column().key()) {
                case "id" -> assertEquals(3, p.width(), "ids up to 943");
                case "pid", "tid" -> assertEquals(5, p.width(), "five-digit ids");
                default -> { }
            }
        }
    }

    @Test
    void aColumnCanBeShownOnlyWhenTheSnapshotCallsForIt() throws IOException {
        Canvas c = canvas(false);
        WorkerTableView.Column gilOnly = WorkerTableView.Column.of("x", "x", 3, true, (w, s, width, cv) -> "1")
                .ranks(45, WorkerTableView.NEVER).when(s -> s.gil() != null && s.gil().enabled());
        assertFalse(gilOnly.when().test(Fixtures.lab()), "the fixture's GIL is off");
        assertEquals(WorkerTableView.NEVER, gilOnly.rank(Pane.PROCESSES));
        // with the GIL off, every column but the GIL's own is there
        assertTrue(WorkerTableView.COLUMNS.stream().filter(col -> !col.key().equals("gil"))
                .allMatch(col -> col.when().test(Fixtures.lab())));
        assertFalse(WorkerTableView.COLUMNS.stream().filter(col -> col.key().equals("gil")).findFirst().orElseThrow()
                .when().test(Fixtures.lab()));
    }

    @Test
    void aCutNameKeepsItsDistinguishingEnd() throws IOException {
        Canvas c = canvas(false);
        assertEquals("sle…-942", c.fitKeepingEnd("sleep-942", 8));
        // a pool member's name keeps its pool's number and its own: pool-12.1 is not pool-16.1
        assertEquals("po…-12.1", c.fitKeepingEnd("pool-12.1", 8));
        assertEquals("pool-3.1", c.fitKeepingEnd("pool-3.1", 8));
        assertEquals("sleep-942", c.fitKeepingEnd("sleep-942", 9));
        assertEquals("coun…-12", c.fitKeepingEnd("counter-12", 8));
        assertEquals("GC Thr…#0", c.fitKeepingEnd("GC Thread#0", 9));
        assertEquals("no-numb…", c.fitKeepingEnd("no-numbers-here", 8), "no number at the end: cut at the end");
        assertEquals("1234567…", c.fitKeepingEnd("123456789", 8), "all digits: cut at the end");
        assertEquals("sle~-942", canvas(true).fitKeepingEnd("sleep-942", 8));
    }

    @Test
    void statusSplitLeavesAGapAndTheWorkloadAThird() {
        assertEquals(List.of(10, 20), List.of(FooterView.split(80, 10, 20)[0], FooterView.split(80, 10, 20)[1]));
        int[] both = FooterView.split(80, 70, 60);
        assertEquals(80 - FooterView.STATUS_GAP, both[0] + both[1]);
        assertEquals(26, both[1], "a third for the workload");
        int[] shortRight = FooterView.split(80, 100, 12);
        assertEquals(12, shortRight[1]);
        assertEquals(80 - 2 - 12, shortRight[0]);
    }

    @Test
    void wrapBreaksAtSpacesAndSplitsOnlyWordsLongerThanALine() {
        assertEquals(List.of("threadlab needs", "at least 80x24;", "this terminal", "is 20x5."),
                Canvas.wrapLines("threadlab needs at least 80x24; this terminal is 20x5.", 15));
        assertEquals(List.of("abcde", "fghij", "k"), Canvas.wrapLines("abcdefghijk", 5));
    }
}
