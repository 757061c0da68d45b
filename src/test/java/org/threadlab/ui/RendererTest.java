package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.worker.WorkerState;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.sample.Snapshot;

class RendererTest {

    private static DefaultVirtualTerminal draw(int cols, int rows, Snapshot s, UiState st, Theme theme) throws IOException {
        DefaultVirtualTerminal t = Fixtures.terminal(cols, rows);
        TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), theme, s, st, System.nanoTime());
        screen.refresh(Screen.RefreshType.DELTA);
        return t;
    }

    private static UiState state() {
        return new UiState(Duration.ofSeconds(1));
    }

    private static final Theme UNICODE = new Theme(false, true);

    private static String lineWith(List<String> lines, String needle) {
        return lines.stream().filter(l -> l.contains(needle)).findFirst().orElseThrow(() -> new AssertionError("no line with " + needle));
    }

    @Test
    void smallestScreenShowsHeaderTablesSideBySideAndFooter() throws IOException {
        List<String> lines = Fixtures.lines(draw(80, 24, Fixtures.snapshot(), state(), UNICODE));
        assertTrue(lines.get(0).contains("threadlab") && lines.get(0).contains("labhost") && lines.get(0).contains("GIL off")
                && lines.get(0).contains("?:help"), lines.get(0));
        assertTrue(lines.get(0).contains("up 12:00") && lines.get(0).contains("load 1.20")
                && lines.get(0).contains("workers 3/5"), lines.get(0));
        String titles = lineWith(lines, "Threads in pid 4242");
        assertTrue(titles.indexOf("Processes") > titles.indexOf("Threads in pid 4242"), titles);
        String row = lineWith(lines, "cpu-1");
        assertTrue(row.contains("cpu-3") && row.indexOf("cpu-3") > row.indexOf("cpu-1"), "rows side by side: " + row);
        assertTrue(row.contains("98.7") && row.contains("RUN"), row);
        assertTrue(lineWith(lines, "mem-4").contains("FAIL"));
        assertTrue(lineWith(lines, "virt-5").contains("WAIT"));
        assertTrue(lines.get(23).contains("q quit") && lines.get(23).contains("daemon:off"), lines.get(23));
        assertTrue(lineWith(lines, "mem [").contains("3.1G/22G"));
        assertTrue(lineWith(lines, "threadlab pid 4242").contains("rss 61M"));
        assertTrue(lineWith(lines, "Events") != null);
        assertTrue(Fixtures.text(draw(80, 24, Fixtures.snapshot(), state(), UNICODE)).contains("mem-4 failed"));
    }

    @Test
    void endedRowsStayAndAreDimmed() throws IOException {
        DefaultVirtualTerminal t = draw(80, 24, Fixtures.snapshot(), state(), UNICODE);
        List<String> lines = Fixtures.lines(t);
        int row = lines.indexOf(lineWith(lines, "sleep-2"));
        int col = lines.get(row).indexOf("sleep-2");
        TextCharacter c = t.getCharacter(col, row);
        assertEquals(TextColor.ANSI.BLACK_BRIGHT, c.getForegroundColor());
        assertTrue(lines.get(row).contains("DONE"), "the state says it too, for monochrome: " + lines.get(row));
        int live = lines.indexOf(lineWith(lines, "cpu-1"));
        assertEquals(TextColor.ANSI.DEFAULT, t.getCharacter(lines.get(live).indexOf("cpu-1"), live).getForegroundColor());
    }

    @Test
    void detailPaneListsAllThreadsOfASelectedProcess() throws IOException {
        UiState st = state();
        st.focus = Pane.PROCESSES;
        st.selected.put(Pane.PROCESSES, 3);
        String text = Fixtures.text(draw(200, 60, Fixtures.snapshot(), st, UNICODE));
        assertTrue(text.contains("Detail: cpu-3 (process in pid 4301)"), text);
        for (String name : List.of("GC Thread#0", "C2 CompilerThre", "VM Thread", "4302")) {
            assertTrue(text.contains(name), name);
        }
        assertTrue(text.contains("threads in pid 4301: 4"));
        assertTrue(text.contains("warming up"), "stderr tail");
    }

    @Test
    void detailPaneShowsHowAProcessEnded() throws IOException {
        UiState st = state();
        st.focus = Pane.PROCESSES;
        st.selected.put(Pane.PROCESSES, 4);
        String text = Fixtures.text(draw(200, 60, Fixtures.snapshot(), st, UNICODE));
        assertTrue(text.contains("failed: out of memory: Java heap space  exit code 1"), text);
        assertTrue(text.contains("java.lang.OutOfMemoryError"));
    }

    @Test
    void wideScreenShowsEveryColumnAndEveryCore() throws IOException {
        List<String> lines = Fixtures.lines(draw(200, 60, Fixtures.snapshot(), state(), UNICODE));
        String header = lineWith(lines, "workload");
        for (String h : List.of("id", "name", "pid", "tid", "kind", "state", "cpu%", "core", "alloc", "progress", "age")) {
            assertTrue(header.contains(h), h + " in " + header);
        }
        assertTrue(header.contains("rss"), header);
        for (int i = 0; i < 8; i++) {
            assertTrue(String.join("\n", lines).contains("cpu" + i + " ["), "core " + i);
        }
        String row = lineWith(lines, "cpu-1");
        assertTrue(row.contains("4251") && row.contains("thr") && row.contains("cpu units=2") && row.contains("0:05"), row);
        assertTrue(row.contains("█"), "progress bar: " + row);
        assertTrue(lineWith(lines, "cpu7 [").contains("▂▅▇"), "sparkline: " + lineWith(lines, "cpu7 ["));
        assertTrue(lineWith(lines, "mem [").contains("swp ["));
    }

    @Test
    void unknownNumbersShowAsDashOrNa() throws IOException {
        String text = Fixtures.text(draw(200, 60, Fixtures.snapshot(), state(), UNICODE));
        String sleep = text.lines().filter(l -> l.contains("sleep-2")).findFirst().orElseThrow();
        assertFalse(sleep.contains("NaN"));
        assertTrue(sleep.contains(" - "), sleep);
        assertFalse(text.contains("NaN"));
        assertFalse(java.util.regex.Pattern.compile("(?<![\\w-])-1\\b").matcher(text).find(), "no -1 leaks onto the screen:\n" + text);
    }

    @Test
    void helpOverlayListsEveryKey() throws IOException {
        UiState st = state();
        st.overlay = UiState.Overlay.HELP;
        for (int[] size : new int[][] {{80, 24}, {200, 60}}) {
            String text = Fixtures.text(draw(size[0], size[1], Fixtures.snapshot(), st, UNICODE));
            for (KeyMap.Binding b : KeyMap.HELP) {
                assertTrue(text.contains(b.what()), b.what() + " at " + size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void asciiModeWritesOnlyAscii() throws IOException {
        Theme ascii = new Theme(true, false);
        UiState st = state();
        st.focus = Pane.PROCESSES;
        st.selected.put(Pane.PROCESSES, 3);
        for (UiState.Overlay o : UiState.Overlay.values()) {
            st.overlay = o;
            for (int[] size : new int[][] {{80, 24}, {200, 60}}) {
                String text = Fixtures.text(draw(size[0], size[1], Fixtures.snapshot(), st, ascii));
                text.chars().forEach(ch -> assertTrue(ch >= 0x20 && ch < 0x7f || ch == '\n',
                        "non-ASCII " + Integer.toHexString(ch) + " with overlay " + o + "\n" + text));
                assertTrue(o != UiState.Overlay.NONE || text.contains("Threads in pid 4242"));
            }
        }
    }

    @Test
    void tooSmallTerminalSaysSo() throws IOException {
        String text = Fixtures.text(draw(60, 20, Fixtures.snapshot(), state(), UNICODE));
        assertTrue(text.contains("at least 80x24") && text.contains("60x20"), text);
    }

    @Test
    void workloadDialogShowsErrorsInline() throws IOException {
        UiState st = state();
        st.overlay = UiState.Overlay.WORKLOAD;
        st.dialog.open(st.workload);
        st.dialog.params = "units=lots";
        st.dialog.apply();
        String text = Fixtures.text(draw(80, 24, Fixtures.snapshot(), st, UNICODE));
        assertTrue(text.contains("< cpu >"), text);
        assertTrue(text.contains("error: units must be a number"), text);
    }

    @Test
    void frozenDisplayAndSortAndFilterShowInTheScreen() throws IOException {
        UiState st = state();
        st.frozen = Fixtures.snapshot();
        st.sort = SortKey.CPU;
        st.filter = "cpu";
        List<String> lines = Fixtures.lines(draw(80, 24, Fixtures.snapshot(), st, UNICODE));
        assertTrue(lines.get(0).contains("FROZEN"), lines.get(0));
        String titles = lineWith(lines, "Threads in pid");
        assertTrue(titles.contains("sort cpu") && titles.contains("/cpu"), titles);
        assertTrue(lines.stream().noneMatch(l -> l.contains("sleep-2") && l.contains("DONE")), "filtered out");
    }

    @Test
    void aQueuesLiveStatusShowsOnItsRowAndItsOutcomeInTheDetail() throws IOException {
        Snapshot base = Fixtures.snapshot();
        WorkerInfo q = new WorkerInfo(6, "queue-6", WorkerKind.THREAD, org.threadlab.work.WorkloadSpec.of("queue"), false,
                WorkerState.RUNNING, null, Fixtures.NOW.minusSeconds(2), null, 40, 200, Fixtures.SELF, 4260, 36, -1, null, null,
                List.of(), false, "queue 12/16, put 52, got 40, full 3x, empty 0x");
        List<org.threadlab.sample.WorkerSample> workers = new java.util.ArrayList<>(base.workers());
        workers.add(new org.threadlab.sample.WorkerSample(q, 1.0, 0, 1000, "S", org.threadlab.sample.History.EMPTY));
        List<org.threadlab.worker.Event> events = new java.util.ArrayList<>(base.events());
        events.add(new org.threadlab.worker.Event(9, Fixtures.NOW, org.threadlab.worker.Event.Type.OUTCOME, 6,
                "counter, 4 threads, unsafe: expected 400000, got 351204, lost 48796 (12.2%)"));
        Snapshot s = new Snapshot(base.seq(), base.takenAt(), base.interval(), base.selfPid(), base.host(), base.processes(),
                workers, base.gil(), events);
        UiState st = state();
        st.selected.put(Pane.THREADS, 6);
        String text = Fixtures.text(draw(200, 60, s, st, UNICODE));
        String row = text.lines().filter(l -> l.contains("queue-6")).findFirst().orElseThrow();
        assertTrue(row.contains("queue 12/16"), row);
        assertTrue(text.contains("status: queue 12/16, put 52, got 40, full 3x, empty 0x"), text);
        assertTrue(text.contains("outcome: counter, 4 threads, unsafe: expected 400000, got 351204, lost 48796"), text);
    }
}
