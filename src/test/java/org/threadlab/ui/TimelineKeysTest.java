package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.lesson.Action;
import org.threadlab.lesson.LessonView;
import org.threadlab.model.Snapshot;
import org.threadlab.model.Timeline;

/**
 * The timeline pane's keys (T, the zoom keys, Esc, R), its commands to the source, its live updates
 * (paced, frozen by z) and a lesson's show: timeline.
 */
class TimelineKeysTest {
    private static final Snapshot LAB = RoundFixtures.with(RoundFixtures.three());

    private static Controller controller(TimelineFixtures.Source source, UiState st) {
        return new Controller(new ReplayCommands(), source, st, LiveKeys.TABLE, new Tasks(Runnable::run, e -> { }),
                () -> new TerminalSize(80, 24));
    }

    private static Reaction key(Controller c, char ch) {
        return c.key(new KeyStroke(ch, false, false));
    }

    @Test
    void tOpensAndClosesThePaneAndTellsTheSource() {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        source.timeline = TimelineFixtures.gil(30);
        UiState st = new UiState(Duration.ofSeconds(1));
        Controller c = controller(source, st);
        assertEquals(Reaction.REDRAW, key(c, 'T'));
        assertTrue(st.timelinePane);
        assertEquals(List.of(true), source.shows, "opening the pane starts the fine timeline");
        assertSame(source.timeline, st.timeline, "it shows the source's newest at once");
        assertTrue(st.status.contains("[ ] zoom"), st.status);
        key(c, 'T');
        assertFalse(st.timelinePane);
        assertEquals(List.of(true, false), source.shows, "closing it stops the reading");
        c.close();
    }

    @Test
    void escClosesThePaneFirstThenTheResultBoxAsBefore() {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        UiState st = new UiState(Duration.ofSeconds(1));
        Controller c = controller(source, st);
        key(c, 'T');
        c.key(new KeyStroke(KeyType.Escape));
        assertFalse(st.timelinePane);
        assertEquals(List.of(true, false), source.shows);
        assertEquals(0, st.resultHidden, "the pane closed first");
        c.key(new KeyStroke(KeyType.Escape));
        assertEquals(3, st.resultHidden, "then the result box, as before");
        c.close();
    }

    @Test
    void theRoundsPaneAndTheTimelineShareThePlace() {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        UiState st = new UiState(Duration.ofSeconds(1));
        Controller c = controller(source, st);
        key(c, 'R');
        key(c, 'T');
        assertTrue(st.timelinePane);
        assertFalse(st.roundsPane, "T took the tables' place from the rounds pane");
        key(c, 'R');
        assertTrue(st.roundsPane);
        assertFalse(st.timelinePane, "and R takes it back, stopping the timeline");
        assertEquals(List.of(true, false), source.shows);
        c.close();
    }

    @Test
    void zoomKeysAskTheSourceForAnotherSlice() {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        UiState st = new UiState(Duration.ofSeconds(1));
        Controller c = controller(source, st);
        key(c, 'T');
        key(c, ']');
        key(c, ']');
        key(c, '[');
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(50)), source.slices);
        assertEquals("timeline: 50ms a column asked for", st.status);
        for (int i = 0; i < 5; i++) {
            key(c, '[');
        }
        assertEquals(Duration.ofMillis(5), source.slices.get(source.slices.size() - 1));
        assertTrue(st.status.contains("(the finest)"), st.status);
        for (int i = 0; i < 10; i++) {
            key(c, ']');
        }
        assertEquals(Duration.ofSeconds(1), st.slice);
        assertTrue(st.status.contains("(the coarsest)"), st.status);
        // with the pane closed the key still acts, and says how to see it
        key(c, 'T');
        assertEquals(Reaction.REDRAW, key(c, '['));
        assertTrue(st.status.endsWith("T shows it"), st.status);
        c.close();
    }

    @Test
    void theKeysAreInTheHelpAndInTheFooterWhileThePaneIsOpen() throws IOException {
        List<String> keys = new ArrayList<>();
        for (KeyMap.HelpSection s : LiveKeys.TABLE.help()) {
            for (KeyMap.HelpLine l : s.lines()) {
                keys.add(l.keys() + " " + l.what());
            }
        }
        assertTrue(keys.contains("T [ ] timeline pane; [ ] zoom"), keys.toString());
        UiState st = TimelineScreenTest.open(TimelineFixtures.gil(30));
        String open = RoundFixtures.screen(80, 24, LAB, st);
        String footer = open.lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(footer.startsWith("T close [] zoom Up/Down lanes t thread"), footer);
        st.timelinePane = false;
        String closed = RoundFixtures.screen(120, 40, LAB, st);
        assertTrue(closed.lines().reduce((a, b) -> b).orElseThrow().contains("R rounds T timeline"), closed);
        // a replay's footer names T too (it acts there: the replay's own timeline), after the keys a replay needs most
        KeyMap replay = new KeyMap(List.of(ReplayKeys.group(null), LiveKeys.GROUP));
        assertTrue(replay.hints().stream().anyMatch(h -> h.binding() == LiveKeys.TIMELINE && h.keys().equals("T")), replay.hints().toString());
    }

    private static TerminalUi ui(TimelineFixtures.Source source) throws IOException {
        return new TerminalUi(Fixtures.screen(Fixtures.terminal(80, 24)), new ReplayCommands(), source,
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
    }

    @Test
    void newTimelinesAreDrawnWhileThePaneIsOpenNoFasterThanTheFramePacing() throws IOException {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        TerminalUi ui = ui(source);
        ui.listenToTimelines();
        Timeline first = TimelineFixtures.gil(10);
        source.send(first);
        ui.drain();
        assertSame(Timeline.EMPTY, ui.state().timeline, "the pane is closed: nothing taken");
        ui.key(new KeyStroke('T', false, false));
        // a burst, as 5 ms slices come: one event in the inbox, the newest taken
        Timeline last = null;
        for (int i = 1; i <= 50; i++) {
            last = TimelineFixtures.gil(10 + i);
            source.send(last);
        }
        assertEquals(Reaction.NONE, ui.drain(), "a timeline alone does not draw at the source's pace");
        assertSame(last, ui.state().timeline);
        ui.render();
        long frame = ui.lastFrameNanos();
        source.send(TimelineFixtures.gil(99));
        ui.drain();
        assertEquals(Reaction.NONE, ui.paced(frame + TerminalUi.FRAME_NANOS / 2), "too soon after the last frame");
        assertEquals(Reaction.REDRAW, ui.paced(frame + TerminalUi.FRAME_NANOS), "drawn once the pacing allows");
        ui.render();
        assertEquals(Reaction.NONE, ui.paced(ui.lastFrameNanos() + 10 * TerminalUi.FRAME_NANOS), "drawn: nothing pending");
        assertFalse(ui.state().ticking(), "an open pane with no new timeline does not redraw by itself (a paused replay)");
    }

    /** Waits (10 s at most, failing loudly) until the condition holds. */
    private static void await(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what.get());
            }
            Thread.sleep(10);
        }
    }

    @Test
    void theRunningScreenDrawsTheLastOfABurstOfTimelinesAndStopsTheTimelineWhenItQuits() throws Exception {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal terminal = Fixtures.terminal(80, 24);
        TerminalUi ui = new TerminalUi(Fixtures.screen(terminal), new ReplayCommands(), source,
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        Thread loop = new Thread(() -> {
            try {
                ui.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "timeline-loop");
        loop.start();
        try {
            terminal.addInput(new KeyStroke('T', false, false));
            await(() -> Fixtures.text(terminal).contains("> Timeline"), () -> "the pane opened\n" + Fixtures.text(terminal));
            assertEquals(List.of(true), source.shows);
            // a burst, as 5 ms slices come, then nothing: no key or model wakes the loop, the last one is drawn anyway
            for (int n = 11; n <= 40; n++) {
                source.send(TimelineFixtures.gil(n));
            }
            // one condition on one reading: a second reading could catch the terminal in the middle of a frame
            await(() -> {
                String text = Fixtures.text(terminal);
                return text.contains("last 800ms") && text.contains("▓▓▓▓▓");
            }, () -> "the newest timeline (40 slices), its lanes drawn\n" + Fixtures.text(terminal));
            terminal.addInput(new KeyStroke('q', false, false));
            loop.join(10_000);
            assertFalse(loop.isAlive(), "q quits a screen with nothing running");
            assertEquals(List.of(true, false), source.shows, "the screen gone, the source stops reading fine time");
        } finally {
            loop.interrupt();
        }
    }

    @Test
    void zFreezesTheTimelineToo() throws IOException {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        TerminalUi ui = ui(source);
        ui.listenToTimelines();
        ui.key(new KeyStroke('T', false, false));
        Timeline held = TimelineFixtures.gil(10);
        source.send(held);
        ui.drain();
        ui.key(new KeyStroke('z', false, false));
        Timeline later = TimelineFixtures.gil(20);
        source.send(later);
        ui.drain();
        ui.post(new UiEvent.NewModel(LAB));
        ui.drain();
        assertSame(held, ui.state().timeline, "frozen: the timeline on show stays");
        ui.key(new KeyStroke('z', false, false));
        assertSame(later, ui.state().timeline, "live again: the newest");
    }

    @Test
    void aReplaysTimelineFollowsItsModels() throws IOException {
        // a replay's timeline is made from its models: a new model brings it, with no timeline event of its own
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        TerminalUi ui = ui(source);
        ui.key(new KeyStroke('T', false, false));
        Timeline ticks = TimelineFixtures.many(3, 12);
        source.timeline = ticks;
        ui.post(new UiEvent.NewModel(LAB));
        assertEquals(Reaction.REDRAW, ui.drain());
        assertSame(ticks, ui.state().timeline);
    }

    private static LessonView showing(Action.View view, long seq) {
        LessonView v = RoundFixtures.lesson(LessonView.Phase.RUNNING, null);
        return new LessonView(v.title(), v.step(), v.steps(), v.stepTitle(), v.say(), v.question(), v.answer(), v.phase(), v.waitingFor(),
                v.notes(), v.rounds(), view, seq);
    }

    @Test
    void aLessonsShowTimelineOpensThePaneOnceAndShowRoundsReplacesIt() throws IOException {
        TimelineFixtures.Source source = new TimelineFixtures.Source(LAB);
        source.timeline = TimelineFixtures.gil(60);
        TerminalUi ui = ui(source);
        ui.post(new UiEvent.LessonChanged(showing(Action.View.TIMELINE, 1)));
        ui.drain();
        assertTrue(ui.state().timelinePane);
        assertEquals(List.of(true), source.shows);
        // the teacher closes it; the same view again (a later change of the same step) does not reopen it
        ui.key(new KeyStroke(KeyType.Escape));
        ui.post(new UiEvent.LessonChanged(showing(Action.View.TIMELINE, 1)));
        ui.drain();
        assertFalse(ui.state().timelinePane);
        ui.post(new UiEvent.LessonChanged(showing(Action.View.TIMELINE, 2)));
        ui.drain();
        assertTrue(ui.state().timelinePane);
        ui.post(new UiEvent.LessonChanged(showing(Action.View.ROUNDS, 3)));
        ui.drain();
        assertTrue(ui.state().roundsPane);
        assertFalse(ui.state().timelinePane);
        assertEquals(List.of(true, false, true, false), source.shows);
    }

    @Test
    void aLessonAt80x24ShowsTheGilHandOversBesideTheNarration() throws IOException {
        // the GIL lesson's second step on 2 cores: the baseline's thread has ended, four threads take turns
        Timeline g = TimelineFixtures.gil(100);
        List<org.threadlab.model.Lane> lanes = new ArrayList<>();
        lanes.add(new org.threadlab.model.Lane('A', "#1 cpu-1", 1, 20710, 20743,
                java.util.Collections.nCopies(100, new org.threadlab.model.Cell(org.threadlab.model.CellState.ENDED, -1, Double.NaN))));
        for (org.threadlab.model.Lane l : g.lanes()) {
            lanes.add(new org.threadlab.model.Lane((char) (l.key() + 1), l.label(), l.workerId(), l.pid(), l.tid(), l.cells()));
        }
        List<org.threadlab.model.CoreLane> cores = new ArrayList<>();
        for (org.threadlab.model.CoreLane c : g.cores()) {
            cores.add(new org.threadlab.model.CoreLane(c.core(), c.holders().stream().map(h -> h < 0 ? h : h + 1).toList()));
        }
        UiState st = TimelineScreenTest.open(new Timeline(g.slice(), g.kernelTick(), g.endNanos(), g.slices(), lanes, cores, g.note(), null));
        st.lesson = RoundFixtures.lesson(LessonView.Phase.RUNNING, null);
        Snapshot lab = RoundFixtures.with(List.of());
        org.threadlab.sample.HostSample h = lab.host();
        Snapshot twoCores = new Snapshot(lab.seq(), lab.takenAt(), lab.interval(), lab.selfPid(),
                new org.threadlab.sample.HostSample(h.hostName(), h.uptime(), h.load(), h.cores().subList(0, 2), h.total(),
                        h.memoryUsedBytes(), h.memoryTotalBytes(), h.swapUsedBytes(), h.swapTotalBytes(), h.window(), h.readNanos()),
                lab.processes(), lab.workers(), lab.gil(), lab.events(), List.of());
        String text = RoundFixtures.screen(80, 24, twoCores, st);
        for (String lane : List.of(" B #2 cpu-2 ", " C #3 cpu-3 ", " D #4 cpu-4 ", " E #5 cpu-5 ")) {
            assertTrue(text.lines().anyMatch(l -> l.startsWith(lane) && l.contains("▓▓▓▓▓")), lane + "\n" + text);
        }
        assertFalse(text.contains(" A #1 cpu-1"), "the ended thread gives its row to those at work\n" + text);
        assertTrue(text.contains("lanes 1-4 of 5"), text);
        assertTrue(text.contains(" 20 ms slices · CPU to ±4 ms (kernel tick) · state read each slice · GIL exact"), "the resolution is said\n" + text);
        assertTrue(text.contains("▓ holding the GIL  = waiting for the GIL"), "the legend's one row says what is on show\n" + text);
        assertTrue(text.contains("Ask the class:"), "the narration keeps its rows\n" + text);
        String mono = RoundFixtures.screen(80, 24, twoCores, st, new Theme(true, false));
        assertTrue(mono.contains(" B #2 cpu-2 =======GGGGG=====") && mono.contains("G holding the GIL"), mono);
    }
}
