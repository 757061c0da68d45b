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
import org.threadlab.model.Snapshot;

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
        assertTrue(lines.get(0).contains("labhost") && lines.get(0).contains("GIL off")
                && lines.get(0).contains("?:help"), lines.get(0));
        assertTrue(lines.get(0).contains("up 0:12:00") && lines.get(0).contains("load 1.20")
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
        assertTrue(lineWith(lines, "mem [").contains("swp ["), "this machine has swap");
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
    void anEmptyThreadsTableSaysHowToStartOneWithoutCuttingAWordAt80x24() throws IOException {
        Snapshot s = Fixtures.snapshot();
        Snapshot empty = new Snapshot(s.seq(), s.takenAt(), s.interval(), s.selfPid(), s.host(), s.processes(), List.of(),
                s.gil(), List.of());
        String row = lineWith(Fixtures.lines(draw(80, 24, empty, state(), UNICODE)), "no threads yet");
        assertTrue(row.startsWith(" no threads yet: t starts one "), row);
        assertFalse(row.contains(", v a"), "cut mid-word: " + row);
        assertTrue(Fixtures.text(draw(120, 40, empty, state(), UNICODE)).contains("no threads yet: t starts one, v a virtual one"));
    }

    @Test
    void at80x24BothTableTitlesShowTheSortAndTheFilterWhole() throws IOException {
        UiState st = state();
        st.sort = SortKey.MEMORY;
        st.filter = "sleep";
        String titles = lineWith(Fixtures.lines(draw(80, 24, Fixtures.lab(), st, UNICODE)), "Processes");
        String threads = titles.substring(0, titles.indexOf('\u252c'));
        assertTrue(threads.contains("Threads") && threads.contains(" sort mem /sleep "), "threads title: " + threads);
        assertTrue(titles.substring(titles.indexOf('\u252c')).contains(" sort mem /sleep "), titles);
        // where there is room, the title says whose threads they are
        assertTrue(lineWith(Fixtures.lines(draw(120, 40, Fixtures.lab(), st, UNICODE)), "Processes")
                .contains("Threads in pid " + Fixtures.LAB_SELF + " (2) sort mem /sleep "));
    }

    @Test
    void helpOverlayListsEveryKey() throws IOException {
        UiState st = state();
        st.overlay = UiState.Overlay.HELP;
        for (int[] size : new int[][] {{80, 24}, {200, 60}}) {
            String text = Fixtures.text(draw(size[0], size[1], Fixtures.snapshot(), st, UNICODE));
            for (KeyMap.HelpSection sec : LiveKeys.TABLE.help()) {
                for (KeyMap.HelpLine l : sec.lines()) {
                    assertTrue(text.contains(l.keys() + " ") && text.contains(l.what()), l + " at " + size[0] + "x" + size[1] + "\n" + text);
                }
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
        st.dialog.open(st.workload.written());
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
        String titles = lineWith(lines, "Processes");
        assertTrue(titles.contains("sort cpu") && titles.contains("/cpu"), titles);
        assertTrue(lines.stream().noneMatch(l -> l.contains("sleep-2") && l.contains("DONE")), "filtered out");
    }

    @Test
    void aQueuesLiveStatusShowsOnItsRowAndItsOutcomeInTheDetail() throws IOException {
        Snapshot base = Fixtures.snapshot();
        WorkerInfo q = new WorkerInfo(6, "queue-6", WorkerKind.THREAD, org.threadlab.work.WorkloadSpec.of("queue"), false,
                WorkerState.RUNNING, null, Fixtures.NOW.minusSeconds(2), null, 40, 200, Fixtures.SELF, 4260, 36, -1, null, null,
                List.of(), false, "queue 12/16, put 52, got 40, full 3x, empty 0x");
        List<org.threadlab.model.WorkerSample> workers = new java.util.ArrayList<>(base.workers());
        workers.add(new org.threadlab.model.WorkerSample(q, 1.0, 0, 1000, "S", org.threadlab.sample.History.EMPTY));
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

    // ---- issue 9: the screen at the sizes people use ----

    private static UiState processSelected(int id) {
        UiState st = state();
        st.focus = Pane.PROCESSES;
        st.selected.put(Pane.PROCESSES, id);
        return st;
    }

    @Test
    void childJvmDetailListsItsThreadsBusiestFirstAndSaysHowManyAreHidden() throws IOException {
        List<String> lines = Fixtures.lines(draw(120, 40, Fixtures.lab(), processSelected(3), UNICODE));
        String title = lineWith(lines, "threads in pid 20748");
        assertTrue(title.contains(": 22, busiest first; ") && title.contains(" more not shown"), title);
        int first = lines.indexOf(title) + 1;
        assertTrue(lines.get(first).trim().startsWith("20764 threadlab-work  R  64.0"),
                "the busy work thread (highest TID) comes first:\n" + String.join("\n", lines));
        int hidden = Integer.parseInt(title.replaceAll(".*; (\\d+) more not shown.*", "$1"));
        long shown = lines.subList(first, lines.indexOf(lineWith(lines, "─ Events"))).stream()
                .flatMap(l -> java.util.Arrays.stream(l.trim().split("   +"))).filter(p -> p.matches("\\d{5} .*")).count();
        assertEquals(22, shown + hidden, "shown + hidden = all threads:\n" + String.join("\n", lines));
        // at 80x24 there is room for one line: it names the busiest and the rest
        String small = lineWith(Fixtures.lines(draw(80, 24, Fixtures.lab(), processSelected(3), UNICODE)), "22 threads");
        assertTrue(small.contains("22 threads; busiest 20764 threadlab-work 64.0%; 21 more not shown"), small);
    }

    @Test
    void bothTablesShowPidAndTidAt80x24And120x40() throws IOException {
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            List<String> lines = Fixtures.lines(draw(size[0], size[1], Fixtures.lab(), state(), UNICODE));
            String header = lineWith(lines, " name ");
            int split = header.indexOf('│');
            for (String half : List.of(header.substring(0, split), header.substring(split))) {
                assertTrue(half.matches(".* pid +tid .*"), size[0] + "x" + size[1] + ": " + header);
            }
            assertTrue(lineWith(lines, "cpu-1").matches(".*20710 +20743 .*") && lineWith(lines, "cpu-3").matches(".*20748 +20764 .*"),
                    String.join("\n", lines));
        }
    }

    @Test
    void aCutNameKeepsItsDistinguishingEndAndWideTablesDoNotCutNames() throws IOException {
        String narrow = Fixtures.text(draw(80, 24, Fixtures.lab(), state(), UNICODE));
        assertTrue(narrow.contains(" sle…-942 ") && narrow.contains(" sle…-943 ") && narrow.contains(" coun…-12 "), narrow);
        String ascii = Fixtures.text(draw(80, 24, Fixtures.lab(), state(), new Theme(true, false)));
        assertTrue(ascii.contains(" sle~-942 "), ascii);
        String wide = Fixtures.text(draw(120, 40, Fixtures.lab(), state(), UNICODE));
        for (String name : List.of("counter-12", "counter-13", "sleep-942", "sleep-943")) {
            assertTrue(wide.contains(" " + name + " "), name + " whole at 120 columns:\n" + wide);
        }
    }

    @Test
    void noSwapNoMeterAndThreadlabsOwnNumbersAreNeverCut() throws IOException {
        for (int[] size : new int[][] {{80, 24}, {120, 40}, {200, 60}}) {
            String mem = lineWith(Fixtures.lines(draw(size[0], size[1], Fixtures.lab(), state(), UNICODE)), "mem [");
            assertFalse(mem.contains("swp"), "this machine has no swap: " + mem);
            assertTrue(mem.stripTrailing().endsWith("threadlab pid 20710  rss 70M  threads 27  cpu 82.3%"), mem);
            String withSwap = lineWith(Fixtures.lines(draw(size[0], size[1], Fixtures.snapshot(), state(), UNICODE)), "mem [");
            assertTrue(withSwap.stripTrailing().endsWith("threadlab pid 4242  rss 61M  threads 23  cpu 99.5%"), withSwap);
            assertEquals(size[0] >= 120, withSwap.contains("swp [") && withSwap.contains("0B/1.9G"), withSwap);
        }
    }

    @Test
    void theHeaderLeavesItemsOutRatherThanCuttingThem() throws IOException {
        for (int w : new int[] {80, 90, 100, 120}) {
            String header = Fixtures.lines(draw(w, 40, Fixtures.lab(), state(), UNICODE)).get(0);
            assertTrue(header.endsWith("?:help "), header);
            String items = header.substring(0, header.length() - "?:help ".length()).stripTrailing();
            assertTrue(items.contains("GIL off") && items.contains("workers 5/7"), header);
            for (String item : items.trim().split("  ")) {
                assertTrue(List.of("threadlab", "vm", "up 1 day, 03:04:05", "load 1.22", "load 1.22 1.22 1.31", "GIL off",
                        "workers 5/7", "every 1s").contains(item), "'" + item + "' is a whole item, at " + w + ": " + header);
            }
        }
    }

    @Test
    void theHeaderSaysWhichSourceMadeTheFigures() throws IOException {
        UiState st = state();
        st.source = "oshi";
        String header = Fixtures.lines(draw(120, 40, Fixtures.lab(), st, UNICODE)).get(0);
        assertTrue(header.contains("every 1s (oshi)"), header);
    }

    @Test
    void uptimeIsWrittenAsHtopWritesIt() throws IOException {
        assertTrue(Fixtures.lines(draw(120, 40, Fixtures.lab(), state(), UNICODE)).get(0).contains("  up 1 day, 03:04:05  "));
        Snapshot base = Fixtures.snapshot();
        for (Object[] c : new Object[][] {{Duration.ofSeconds(22 * 60 + 59), "up 0:22:59"}, {Duration.ofSeconds(5), "up 0:00:05"},
                {Duration.ofHours(49).plusSeconds(7), "up 2 days, 01:00:07"}, {Duration.ofHours(5), "up 5:00:00"}}) {
            org.threadlab.sample.HostSample h = base.host();
            Snapshot s = new Snapshot(base.seq(), base.takenAt(), base.interval(), base.selfPid(),
                    new org.threadlab.sample.HostSample(h.hostName(), (Duration) c[0], h.load(), h.cores(), h.total(),
                            h.memoryUsedBytes(), h.memoryTotalBytes(), h.swapUsedBytes(), h.swapTotalBytes()),
                    base.processes(), base.workers(), base.gil(), base.events());
            String header = Fixtures.lines(draw(120, 40, s, state(), UNICODE)).get(0);
            assertTrue(header.contains("  " + c[1] + "  "), c[1] + " in " + header);
        }
    }

    @Test
    void theTooSmallMessageWrapsInsteadOfBeingCut() throws IOException {
        for (int[] size : new int[][] {{60, 20}, {30, 10}, {79, 24}}) {
            String text = Fixtures.text(draw(size[0], size[1], Fixtures.snapshot(), state(), UNICODE));
            String flat = text.replaceAll("\\s+", " ").trim();
            assertEquals("threadlab needs at least 80x24; this terminal is " + size[0] + "x" + size[1]
                    + ". Enlarge it, or press q to quit.", flat, text);
        }
    }

    @Test
    void theStatusLinesHalvesNeverOverwriteEachOther() throws IOException {
        String words = "started 12 processes: exec-3 exec-4 exec-5 exec-6 (the program printed its timing) and more besides";
        String cmd = "python3 demos/busy_threads.py 30 --threads 4 --seconds 30 --and-more-arguments";
        for (int w : new int[] {80, 120}) {
            for (int sl = 0; sl <= words.length(); sl += 9) {
                for (int cl = 0; cl <= cmd.length(); cl += 13) {
                    UiState st = state();
                    st.status(words.substring(0, sl), false);
                    st.workload = ChosenWorkload.of(org.threadlab.work.WorkloadSpec.of("exec").with("cmd", cl == 0 ? "true" : cmd.substring(0, cl)));
                    st.count = 12;
                    String line = Fixtures.lines(draw(w, 24, Fixtures.snapshot(), st, UNICODE)).get(22);
                    int right = line.indexOf("workload: ");
                    assertTrue(right >= 0, "the workload keeps its place: '" + line + "'");
                    assertTrue(line.endsWith("  count 12"), "the count is never cut: '" + line + "'");
                    String left = line.substring(0, right);
                    assertTrue(left.endsWith("  ") || sl == 0, "two blank columns between the halves: '" + line + "'");
                    String shownLeft = left.stripTrailing();
                    String status = words.substring(0, sl).stripTrailing();
                    assertTrue(shownLeft.equals(status) || shownLeft.endsWith("…") && status.startsWith(shownLeft.substring(0, shownLeft.length() - 1)),
                            "the message is whole or cut with an ellipsis: '" + line + "'");
                    String shownRight = line.substring(right, line.length() - "  count 12".length());
                    String workload = "workload: " + st.workload.describe();
                    assertTrue(shownRight.equals(workload) || shownRight.endsWith("…") && workload.startsWith(shownRight.substring(0, shownRight.length() - 1)),
                            "the workload is whole or cut with an ellipsis: '" + line + "'");
                }
            }
        }
    }

    @Test
    void aReplaysLongerHelpKeepsEveryKeyAt80x24() throws IOException {
        List<KeyMap.Binding> replay = new java.util.ArrayList<>();
        for (String[] b : new String[][] {{"space", "pause / play"}, {".", "step forward"}, {",", "step back"},
                {">", "faster (up to x16)"}, {"<", "slower (down to x0.25)"}, {"n", "jump to the next event"}}) {
            Key key = b[0].equals("space") ? Key.of(' ') : Key.of(b[0].charAt(0));
            replay.add(KeyMap.Binding.of(List.of(key), b[1], (c, k) -> Reaction.REDRAW));
        }
        UiState st = state();
        st.overlay = UiState.Overlay.HELP;
        st.help = new KeyMap(List.of(new KeyMap.Group("Replay", replay), LiveKeys.GROUP)).help();
        String text = Fixtures.text(draw(80, 24, Fixtures.snapshot(), st, UNICODE));
        for (KeyMap.HelpSection sec : st.help) {
            for (KeyMap.HelpLine l : sec.lines()) {
                assertTrue(text.contains(l.keys() + " ") && text.contains(l.what()), l + "\n" + text);
            }
        }
        assertTrue(text.contains("Replay") && text.contains("Any key closes this help."), text);
        // what does not fit is left out whole, never a title without its lines
        assertTrue(!text.contains("Columns") || text.contains("process / native thread id"), text);
        assertTrue(!text.contains("States") || text.contains("terminated (k, K, quit)"), text);
    }

    @Test
    void helpExplainsTheStatesAndTheTerseColumns() throws IOException {
        UiState st = state();
        st.overlay = UiState.Overlay.HELP;
        for (int[] size : new int[][] {{80, 24}, {120, 40}, {200, 60}}) {
            String text = Fixtures.text(draw(size[0], size[1], Fixtures.snapshot(), st, UNICODE));
            // the key column is 10 wide (room for "q Q ^C F10"), and one space follows; at 80x24 the
            // all-processes view's keys took the rows of the columns' explanations: every key stays listed
            // (the help's rule), the columns are explained from 120x40 up
            List<String> explained = size[0] == 80 ? List.of("BLOCK      waiting for the GIL", "STOP       asked to stop, still runs",
                    "Any key closes this help.") : List.of("BLOCK      waiting for the GIL", "STOP       asked to stop, still runs",
                    "d          daemon (d) or not (.)", "alloc      bytes the thread allocated", "core       the CPU it last ran on",
                    "Any key closes this help.");
            for (String s : explained) {
                assertTrue(text.contains(s), s + " at " + size[0] + "x" + size[1] + "\n" + text);
            }
            assertTrue(text.contains("all processes (as htop)"), text);
        }
    }

    @Test
    void coloursAreOnlyThoseTheTerminalHas() throws IOException {
        UiState st = processSelected(3);
        for (String term : List.of("vt100", "xterm", "screen", "xterm-16color", "xterm-256color")) {
            UiOptions o = UiOptions.detect(Duration.ofSeconds(1), false, false, false, java.util.Map.of("TERM", term, "LANG", "C.UTF-8"));
            for (UiState.Overlay overlay : List.of(UiState.Overlay.NONE, UiState.Overlay.HELP)) {
                st.overlay = overlay;
                DefaultVirtualTerminal t = draw(120, 40, Fixtures.snapshot(), st, Theme.of(o));
                java.util.Set<TextColor> used = new java.util.HashSet<>();
                boolean unicode = false;
                for (int y = 0; y < 40; y++) {
                    for (int x = 0; x < 120; x++) {
                        TextCharacter c = t.getCharacter(x, y);
                        used.add(c.getForegroundColor());
                        used.add(c.getBackgroundColor());
                        unicode |= c.getCharacterString().chars().anyMatch(ch -> ch > 0x7e);
                    }
                }
                used.remove(TextColor.ANSI.DEFAULT);
                boolean bright = used.stream().anyMatch(c -> c instanceof TextColor.ANSI a && a.isBright());
                boolean indexed = used.stream().anyMatch(c -> !(c instanceof TextColor.ANSI));
                switch (term) {
                    case "vt100" -> {
                        assertTrue(used.isEmpty(), "no colour on a VT100: " + used);
                        assertFalse(unicode, "ASCII boxes on a VT100");
                    }
                    case "xterm", "screen" -> assertTrue(!used.isEmpty() && !bright && !indexed, term + " has 8 colours: " + used);
                    case "xterm-16color" -> assertTrue(bright && !indexed, term + ": " + used);
                    default -> assertTrue(indexed, "256 colours where TERM says so: " + used);
                }
            }
        }
    }
}
