package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Cell;
import org.threadlab.model.CellState;
import org.threadlab.model.CoreLane;
import org.threadlab.model.Lane;
import org.threadlab.model.Snapshot;
import org.threadlab.model.Timeline;

/** The timeline pane drawn from fabricated timelines on Lanterna's virtual terminal. */
class TimelineScreenTest {
    private static final Theme UNICODE = new Theme(false, true);
    private static final Theme ASCII_MONO = new Theme(true, false);
    private static final Snapshot LAB = RoundFixtures.with(List.of());

    static UiState open(Timeline t) {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.timelinePane = true;
        st.timeline = t;
        return st;
    }

    private static String screen(int cols, int rows, Timeline t, Theme theme) throws IOException {
        return RoundFixtures.screen(cols, rows, LAB, open(t), theme);
    }

    /** The pane's row that starts with this lane's key and label, or a core's label (the meters' rows start at column 0). */
    private static String row(String screen, String start) {
        return screen.lines().filter(l -> l.startsWith(" ") && l.stripLeading().startsWith(start)).findFirst().orElse("(no row " + start + ")\n" + screen);
    }

    @Test
    void everyStateHasACharacterOfItsOwnInAsciiAndInUnicode() throws IOException {
        for (Theme theme : List.of(ASCII_MONO, UNICODE, new Theme(true, true), new Theme(false, false))) {
            Set<Character> seen = new HashSet<>();
            for (CellState s : CellState.values()) {
                char ch = theme.cell(s);
                assertTrue(seen.add(ch), s + " shares '" + ch + "' in ascii=" + theme.ascii);
                // none looks like a core (0-9, a-z) or a lane's key
                assertFalse(Character.isLetterOrDigit(ch) && ch != 'G' && ch != 'L', s + ": " + ch);
            }
        }
        // 3 slices of each state in turn, then running on cores 0, 1, 9, 10, 35, 36 and an unknown one
        String ascii = screen(120, 40, TimelineFixtures.everyState(), ASCII_MONO);
        assertTrue(row(ascii, "A #7 mixed").endsWith("   333+++GGG===...LLL___019az**"), ascii);
        ascii.chars().forEach(ch -> assertTrue(ch >= 0x20 && ch < 0x7f || ch == '\n', "non-ASCII " + (char) ch + "\n" + ascii));
        String unicode = screen(120, 40, TimelineFixtures.everyState(), UNICODE);
        assertTrue(row(unicode, "A #7 mixed").endsWith("   333░░░▓▓▓===···LLL×××019az**"), unicode);
    }

    @Test
    void theLegendSaysEveryStatesCharacterAndWords() throws IOException {
        String text = screen(120, 40, TimelineFixtures.everyState(), ASCII_MONO);
        for (String item : List.of("0-9,a-z running on that core", "+ waiting for a core", "G holding the GIL", "= waiting for the GIL",
                ". sleeping or waiting on I/O", "L blocked on a lock", "_ ended", "blank: no reading")) {
            assertTrue(text.contains(item), item + "\n" + text);
        }
        String two = screen(120, 40, TimelineFixtures.gil(40), UNICODE);
        assertTrue(two.contains("0-1 running on that core") && two.contains("▓ holding the GIL") && two.contains("· sleeping"), two);
    }

    @Test
    void theLegendCutToOneRowExplainsWhatIsOnShowFirst() {
        List<String> items = TimelineView.legend(TimelineFixtures.gil(40), UNICODE, 40);
        assertEquals(List.of("▓ holding the GIL", "= waiting for the GIL"), items.subList(0, 2));
        assertEquals(CellState.values().length, items.size());
    }

    @Test
    void coreRowsShowTheKeyOfTheLaneThatHeldThem() throws IOException {
        String text = screen(80, 24, TimelineFixtures.gil(100), UNICODE);
        // GIL hand-overs every 5 slices: A on core 0, B on core 1, C on core 0, D on core 1, newest at the right
        assertTrue(row(text, "cpu0").contains("AAAAA     CCCCC     AAAAA"), text);
        assertTrue(row(text, "cpu1").contains("BBBBB     DDDDD     BBBBB"), text);
        assertTrue(row(text, "A #2 cpu-2").contains("=====▓▓▓▓▓====="), text);
        // the newest slice (99) is D's: its cell is the last column of the pane, and core 1's row ends in D
        assertTrue(row(text, "D #5 cpu-5").endsWith("▓▓▓▓▓"), text);
        assertTrue(row(text, "cpu1").endsWith("DDDDD"), text);
        assertEquals(79, text.lines().filter(l -> l.startsWith(" D #5")).findFirst().orElseThrow().length());
    }

    @Test
    void theTitleSaysTheSliceAndTheSpanAndTheNoteSaysTheResolution() throws IOException {
        String text = screen(120, 40, TimelineFixtures.gil(300), UNICODE);
        // 120 columns: 107 slices of 20ms on show (see aNarrowPane...)
        String title = text.lines().filter(l -> l.contains("> Timeline")).findFirst().orElseThrow();
        assertTrue(title.contains("> Timeline  20ms a column, last 2.14s  [ ] zoom  T or Esc close"), title);
        assertTrue(text.contains(" " + TimelineFixtures.NOTE), text);
        Timeline t = TimelineFixtures.gil(10);
        Timeline failed = new Timeline(t.slice(), t.kernelTick(), t.endNanos(), t.slices(), t.lanes(), t.cores(), t.note(),
                "cannot read /proc/20710/task/20801/schedstat: the timeline stopped");
        String broken = screen(80, 24, failed, UNICODE);
        assertTrue(broken.contains("cannot read /proc/20710/task/20801/schedstat"), broken);
        assertTrue(broken.contains(TimelineFixtures.NOTE.substring(0, 40)), broken);
    }

    @Test
    void beforeTheFirstSlicesThePaneSaysSo() throws IOException {
        String text = screen(80, 24, Timeline.EMPTY, UNICODE);
        assertTrue(text.contains("Waiting for the first slices."), text);
        assertTrue(text.contains("0-9 running on that core"), "no core count yet: not '0'\n" + text);
        assertTrue(text.contains("─ > Timeline  20ms a column"), text);
        // a session without fine time (no slice source) says so, and nothing about waiting or starting workers
        Timeline none = new Timeline(Duration.ofMillis(20), null, 0, 0, List.of(), List.of(), "", "no fine timeline in this session");
        String without = screen(80, 24, none, UNICODE);
        assertTrue(without.contains(" no fine timeline in this session"), without);
        assertFalse(without.contains("Waiting for the first slices") || without.contains("No threads to follow"), without);
    }

    @Test
    void aNarrowPaneShowsTheNewestSlicesAndFewerOfThem() throws IOException {
        Timeline t = TimelineFixtures.gil(300);
        String wide = screen(120, 40, t, UNICODE);
        String narrow = screen(80, 24, t, UNICODE);
        int wideCells = row(wide, "A #2 cpu-2").length() - " A #2 cpu-2 ".length();
        int narrowCells = row(narrow, "A #2 cpu-2").length() - " A #2 cpu-2 ".length();
        // 118 columns inside the pane less the key, the label (8) and three spaces; 78 less the same at 80
        assertEquals(107, wideCells, wide);
        assertEquals(67, narrowCells, narrow);
        // both end at the newest slice: their last 60 cells are the same
        assertEquals(row(wide, "A #2 cpu-2").substring(row(wide, "A #2 cpu-2").length() - 60),
                row(narrow, "A #2 cpu-2").substring(row(narrow, "A #2 cpu-2").length() - 60));
        // long labels are cut so the cells keep two thirds of the width
        List<Lane> lanes = new ArrayList<>();
        for (Lane l : t.lanes()) {
            lanes.add(new Lane(l.key(), l.label() + " python3 busy_threads.py worker thread", l.workerId(), l.pid(), l.tid(), l.cells()));
        }
        Timeline longNames = new Timeline(t.slice(), t.kernelTick(), t.endNanos(), t.slices(), lanes, t.cores(), t.note(), null);
        String cut = screen(80, 24, longNames, UNICODE);
        assertTrue(cut.contains(" A #2 cpu-2 python3 busy_t… "), cut);
    }

    @Test
    void manyLanesScrollWithUpAndDownAndSaySo() throws IOException {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        source.timeline = TimelineFixtures.many(12, 40);
        UiState st = new UiState(Duration.ofSeconds(1));
        Controller c = new Controller(new ReplayCommands(), source, st, LiveKeys.TABLE, new Tasks(Runnable::run, e -> { }),
                () -> new com.googlecode.lanterna.TerminalSize(80, 24));
        c.key(new com.googlecode.lanterna.input.KeyStroke('T', false, false));
        String first = RoundFixtures.screen(80, 24, LAB, st, UNICODE);
        assertTrue(first.contains("lanes 1-5 of 12"), first);
        assertTrue(row(first, "A #1 sleep-1").length() > 20, first);
        for (int i = 0; i < 3; i++) {
            c.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.ArrowDown));
        }
        String down = RoundFixtures.screen(80, 24, LAB, st, UNICODE);
        assertTrue(down.contains("lanes 4-8 of 12"), down);
        assertTrue(down.lines().anyMatch(l -> l.startsWith(" D #4 sleep-4")) && down.lines().noneMatch(l -> l.startsWith(" C #3")), down);
        c.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.End));
        assertTrue(RoundFixtures.screen(80, 24, LAB, st, UNICODE).contains("lanes 8-12 of 12"));
        c.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.ArrowUp));
        assertTrue(RoundFixtures.screen(80, 24, LAB, st, UNICODE).contains("lanes 7-11 of 12"), "Up right after End moves at once");
        c.key(new com.googlecode.lanterna.input.KeyStroke(com.googlecode.lanterna.input.KeyType.Home));
        assertTrue(RoundFixtures.screen(80, 24, LAB, st, UNICODE).contains("lanes 1-5 of 12"));
        assertEquals(Pane.THREADS, st.focus, "the arrows scrolled the pane, not the tables");
        c.close();
    }

    @Test
    void manyLanesTakeTheLegendsRowsOfStatesNotOnShow() throws IOException {
        // twelve sleepers at 80x24: one legend row says what is on show, the rows of states not on show
        // (a lock, the GIL, ended) show a fifth lane instead
        String s = screen(80, 24, TimelineFixtures.many(12, 40), UNICODE);
        assertTrue(s.contains("lanes 1-5 of 12"), s);
        assertTrue(row(s, "E #5 sleep-5").length() > 20, s);
        String legend = row(s, "0-3 running on that core");
        assertTrue(legend.contains("· sleeping or waiting on I/O"), s);
        assertTrue(!s.contains("blocked on a lock") && !s.contains("holding the GIL"), s);
        // with every lane on show the legend keeps its rows, the states not on show too
        String few = screen(80, 24, TimelineFixtures.many(2, 40), UNICODE);
        assertTrue(few.contains("L blocked on a lock") && few.contains("▓ holding the GIL"), few);
    }

    @Test
    void aRunningCellWithNoCoreIsExplainedInTheLegend() throws IOException {
        // a replay's samples often carry no core: those running cells are '*', which no digit explains
        List<org.threadlab.model.Cell> cells = new java.util.ArrayList<>();
        for (int s = 0; s < 20; s++) {
            cells.add(new org.threadlab.model.Cell(s < 10 ? CellState.RUNNING : CellState.SLEEPING, s < 5 ? -1 : 1, 0.5));
        }
        List<CoreLane> cores = List.of(new CoreLane(0, java.util.Collections.nCopies(20, -1)),
                new CoreLane(1, java.util.Collections.nCopies(20, -1)));
        Timeline t = new Timeline(Duration.ofSeconds(1), null, 1_000_000_000L, 20,
                List.of(new Lane('A', "#1 cpu-1", 1, 20710, 20743, cells)), cores, "", null);
        String s = screen(80, 24, t, UNICODE);
        assertTrue(row(s, "A #1 cpu-1").contains("*****11111"), s);
        assertTrue(s.contains("* running, core unknown"), s);
        String known = screen(80, 24, TimelineFixtures.many(2, 40), UNICODE);
        assertTrue(!known.contains("core unknown"), "only where a '*' is on show\n" + known);
    }

    @Test
    void aReplayWithNoWorkersYetDoesNotOfferKeysItHasNot() throws IOException {
        UiState st = open(new Timeline(Duration.ofSeconds(1), null, 1_000_000_000L, 3, List.of(),
                List.of(new CoreLane(0, List.of(-1, -1, -1))), "", null));
        st.replay = "REPLAY || x1  1/89";
        String s = RoundFixtures.screen(80, 24, LAB, st, UNICODE);
        assertTrue(s.contains("No workers at this point of the recording"), s);
        assertTrue(!s.contains("4t, p"), "a replay starts no workers\n" + s);
        st.replay = null;
        String live = RoundFixtures.screen(80, 24, LAB, st, UNICODE);
        assertTrue(live.contains("No threads to follow: start workers (4t, p)"), live);
    }

    @Test
    void zoomInAReplaySaysItsColumnsAreTheRecordedSamples() {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        UiState st = new UiState(Duration.ofSeconds(1));
        st.replay = "REPLAY || x1  1/89";
        TimelinePane pane = new TimelinePane(st, source);
        pane.toggle();
        assertTrue(st.status.contains("a column per recorded sample") && !st.status.contains("zoom,"), st.status);
        pane.zoom(1);
        assertTrue(st.status.contains("a replay has a column per recorded sample") && !st.status.contains("asked for"), st.status);
        st.replay = null;
        pane.zoom(1);
        assertTrue(st.status.contains("a column asked for"), "live, the zoom says what it asked for: " + st.status);
    }

    @Test
    void theNoteReadsInAsciiToo() throws IOException {
        // the note comes from the sampler with '·' and '±': on an ASCII terminal they were '?', a doubt
        // where the note says how far to trust the figures
        String s = screen(80, 24, TimelineFixtures.gil(40), ASCII_MONO);
        assertTrue(s.contains(" 20 ms slices - CPU to ~4 ms (kernel tick) - state read each slice - GIL exact"), s);
        assertTrue(s.lines().noneMatch(l -> l.contains("?") && !l.contains("?:help") && !l.contains("? help")), s);
    }

    @Test
    void theGilLessonsTimelineStepReadsWholeAt80x24() throws Exception {
        // the step that opens the timeline says so; at 80x24 beside the pane its narration was cut just
        // before the sentence that points the class at the timeline
        org.threadlab.lesson.Lesson gil = org.threadlab.lesson.Lessons.load("gil");
        org.threadlab.lesson.Step step = gil.steps().stream()
                .filter(x -> x.actions().stream().anyMatch(a -> a instanceof org.threadlab.lesson.Action.Show sh
                        && sh.toString().toLowerCase().contains("timeline"))).findFirst().orElseThrow();
        UiState st = open(TimelineFixtures.gil(40));
        st.lesson = new org.threadlab.lesson.LessonView(gil.title(), 2, gil.steps().size(), step.title(), step.say(),
                step.ask().text(), null, org.threadlab.lesson.LessonView.Phase.RUNNING, "the round to end", List.of(), List.of(), null, 0);
        String s = RoundFixtures.screen(80, 24, LAB, st, UNICODE);
        String narration = s.substring(s.indexOf("Step 2 of"), s.indexOf("Ask the class"));
        assertTrue(narration.contains("timeline") && !narration.contains("…"), s);
        assertTrue(row(s, "A #2 cpu-2").length() > 40 && row(s, "D #5 cpu-5").length() > 40, "the four threads stay in view\n" + s);
        // the cores' rows give way to the lanes, and the title says so in words no class reads as "no core busy"
        assertTrue(s.contains("> Timeline  20ms a column, last 800ms  no room for the cores  [ ] zoom") && !s.contains("0 of 4 cores"), s);
    }

    @Test
    void manyCoresShowTheOnesTheLanesHeld() throws IOException {
        // 40 cores: a pane of 80x24 cannot hold them all; the one the lane ran on is kept, the title counts the rest
        String text = screen(80, 24, TimelineFixtures.everyState(), UNICODE);
        assertTrue(row(text, "cpu3").contains("AAA"), text);
        assertFalse(text.lines().anyMatch(l -> l.startsWith(" ") && l.strip().startsWith("cpu0")), text);
        assertTrue(text.contains("1 of 40 cores"), text);
    }

    @Test
    void runningCellsAreColouredByCoreAndNotWithoutColour() throws IOException {
        Timeline t = TimelineFixtures.many(2, 40);
        for (Theme theme : List.of(UNICODE, new Theme(false, false))) {
            DefaultVirtualTerminal term = Fixtures.terminal(80, 24);
            TerminalScreen s = Fixtures.screen(term);
            Renderer.draw(s.newTextGraphics(), theme, LAB, open(t), System.nanoTime());
            s.refresh(Screen.RefreshType.DELTA);
            List<String> lines = Fixtures.lines(term);
            int y = 0;
            while (!lines.get(y).startsWith(" A #1 sleep-1")) {
                y++;
            }
            int x = lines.get(y).lastIndexOf('0');
            TextColor fg = term.getCharacter(x, y).getForegroundColor();
            assertEquals(theme.color ? TextColor.ANSI.GREEN : TextColor.ANSI.DEFAULT, fg, "core 0's cell in colour=" + theme.color);
            int dot = lines.get(y).lastIndexOf('·');
            assertNotEquals(' ', lines.get(y).charAt(dot), "a sleeping cell reads with no colour");
        }
        assertEquals(Theme.Role.CORE_B, Theme.cellRole(new Cell(CellState.RUNNING, 1, 1)));
        assertEquals(Theme.Role.GIL, Theme.cellRole(new Cell(CellState.GIL_HELD, 1, 1)));
    }

    @Test
    void theAxisSaysHowLongAgoEachColumnWas() {
        // 20ms a column: a mark every 500ms (25 columns), "now" ending at the newest column
        String axis = TimelineView.axis(Duration.ofMillis(20), 80, 80);
        assertEquals(80, axis.length());
        assertTrue(axis.endsWith("now"), axis);
        assertEquals(79 - 25, axis.indexOf("-500ms") + "-500ms".length() - 1, axis);
        assertEquals(79 - 50, axis.indexOf("-1s") + 2, axis);
        // 1s a column: a mark every 20s; fewer slices than columns: no mark before the oldest
        String coarse = TimelineView.axis(Duration.ofSeconds(1), 80, 30);
        assertTrue(coarse.contains("-20s") && !coarse.contains("-40s"), coarse);
        String fine = TimelineView.axis(Duration.ofMillis(5), 40, 40);
        assertTrue(fine.contains("-100ms") || fine.contains("-50ms"), fine);
    }

    @Test
    void aLaneShorterThanTheTimelineIsDrawnNotRefused() throws IOException {
        Timeline t = TimelineFixtures.gil(50);
        Lane shortLane = new Lane('E', "#9 late", 9, 20710, 20999, t.lanes().get(0).cells().subList(40, 50));
        List<Lane> lanes = new ArrayList<>(t.lanes().subList(0, 2));
        lanes.add(shortLane);
        Timeline odd = new Timeline(t.slice(), t.kernelTick(), t.endNanos(), t.slices(), lanes,
                List.of(new org.threadlab.model.CoreLane(0, List.of(0, 1, 7))), t.note(), null);
        String text = screen(80, 24, odd, UNICODE);
        assertTrue(row(text, "E #9 late").endsWith(row(text, "A #2 cpu-2").substring(row(text, "A #2 cpu-2").length() - 10)), text);
        assertTrue(row(text, "cpu0").endsWith("AB"), "a holder that is no lane is left blank\n" + text);
    }

    @Test
    void aLongNoteTakesTwoRowsWhereThereIsRoomElseIsCutVisibly() throws IOException {
        String note = "5 ms slices: finer than 5 kernel ticks (4 ms): CPU reads in tick steps, the state sampled each slice draws"
                + " the cells; GIL exact (its own books)";
        Timeline g = TimelineFixtures.gil(100);
        Timeline t = new Timeline(Duration.ofMillis(5), g.kernelTick(), g.endNanos(), g.slices(), g.lanes(), g.cores(), note, null);
        String text = screen(80, 24, t, UNICODE);
        assertTrue(text.contains(" 5 ms slices: finer than 5 kernel ticks (4 ms): CPU reads in tick steps, the"), text);
        assertTrue(text.contains(" state sampled each slice draws the cells; GIL exact (its own books)"), text);
        assertTrue(row(text, "D #5 cpu-5").length() > 20 && row(text, "cpu1").length() > 20, "the lanes and cores keep their rows\n" + text);
        UiState st = open(t);
        st.lesson = RoundFixtures.lesson(org.threadlab.lesson.LessonView.Phase.RUNNING, null);
        String lesson = RoundFixtures.screen(80, 24, LAB, st);
        assertTrue(lesson.contains(" 5 ms slices: finer than 5 kernel ticks (4 ms): CPU reads in tick steps, the s…"), lesson);
    }
}
