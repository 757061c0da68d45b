package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Round;
import org.threadlab.model.RoundVerdict;
import org.threadlab.model.Snapshot;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * The rounds pane, the big timer and the round's result box, drawn from fabricated rounds at 80x24
 * and 120x40, and their keys (R, B, Esc, arrows) through the controller.
 */
class RoundsScreenTest {
    private static final Theme UNICODE = new Theme(false, true);
    private static final Theme ASCII_MONO = new Theme(true, false);

    private static UiState state() {
        return new UiState(Duration.ofSeconds(1));
    }

    private static List<Round> threeAndRunning(double wallSoFar) {
        List<Round> r = new ArrayList<>(RoundFixtures.three());
        r.add(RoundFixtures.running(RoundFixtures.info(4, 2, WorkerKind.THREAD, false), wallSoFar, 2 * wallSoFar));
        return r;
    }

    @Test
    void theRoundsPaneWithThreeRoundsAt80x24() throws IOException {
        UiState st = state();
        st.roundsPane = true;
        st.resultHidden = 3;
        assertEquals(Fixtures.withEventTimes("""
                 vm  up 1 day, 03:04:05  load 1.22  GIL off  workers 5/7  every 1s       ?:help
                cpu0 [||||||||           35%]       ▂▅▃ cpu1 [|||||||||||||||||||92%]       ▂▅▇
                cpu2 [||                 10%]       ▂▅▂ cpu3 [|                   5%]       ▂▅▁
                mem [             458M/23G]  threadlab pid 20710  rss 70M  threads 27  cpu 82.3%
                ─ > Rounds (3)  Up/Down select  B baseline  R or Esc close ─────────────────────
                    #    round                                  wall     cpu cores speed-up
                  B #1   1 thread cpu units=0.5     ██         2.0 s   2.0 s   1.0  baseline
                    #2   4 threads + GIL cpu units… ████████   8.1 s   8.0 s   1.0  0.99x vs #1
                 >  #3   4 processes cpu units=0.5  ██         2.3 s   8.8 s   3.8  3.48x vs #1
                 #3 4 processes cpu units=0.5 (peak 48M memory, 20 OS threads): 4 processes did
                 3.5x the work of one per second: each has its own interpreter and core
                 busy machine: other processes kept 1.3 of 4 cores busy meanwhile, so this
                 round's times are longer than alone

                ─ Detail: cpu-1 (thread in pid 20710) ──────────────────────────────────────────
                 #1 cpu-1  thread  running  age 0:04  cpu  progress 40% (40/100)
                 cpu                        ▂▅▆ 69.8%  core 1  allocated 43K
                 native tid 20743 'cpu-1' state R  cpu 69.8%  core 1  switches 3 voluntary, 40…
                ─ Events ───────────────────────────────────────────────────────────────────────
                 {T1}  started thread cpu-1 (in pid 20710): cpu units=10
                 {T2}  started process cpu-3 (pid 20748): cpu units=10
                 {T3}  mem-4 failed after 1.00s: out of memory
                                                                                   workload: cpu
                t thread v virtual p process w workload d daemon:off k stop       ? help  q quit"""),
                RoundFixtures.screen(80, 24, RoundFixtures.with(RoundFixtures.three()), st));
    }

    @Test
    void theRoundsPaneAt120x40HasLongerBarsAndWholeLabels() throws IOException {
        UiState st = state();
        st.roundsPane = true;
        st.roundSelected = 1;
        st.resultHidden = 3;
        String text = RoundFixtures.screen(120, 40, RoundFixtures.with(RoundFixtures.three()), st);
        List<String> lines = text.lines().toList();
        String one = row(lines, "#1 ");
        String gil = row(lines, "#2 ");
        String procs = row(lines, "#3 ");
        // bars proportional to wall time: the GIL round's is the longest, full; 2.0 s is about a quarter of 8.1 s
        int full = bar(gil);
        assertTrue(full >= 30, gil);
        assertEquals(Math.round(full * 2.0 / 8.1), bar(one), 1, one);
        assertEquals(Math.round(full * 2.3 / 8.1), bar(procs), 1, procs);
        assertTrue(gil.contains("4 threads + GIL cpu units=0.5") && gil.contains("0.99x vs #1") && gil.startsWith(" > "), gil);
        assertTrue(one.contains("baseline") && one.startsWith("  B"), one);
        // the selected round's verdict, whole, under the list
        assertTrue(text.contains("#2 4 threads + GIL cpu units=0.5 (peak 48M memory, 20 OS threads): 4 threads with the GIL took"
                + " 4.0x the wall time of"), text);
        assertTrue(text.contains(" 1: the GIL let one run at"), text);
        assertTrue(text.contains("one after another"), text);
        assertFalse(text.contains("busy machine"), "round 2 ran on an idle machine\n" + text);
    }

    @Test
    void aRunningRoundsBarGrowsAndSaysSo() throws IOException {
        UiState st = state();
        st.roundsPane = true;
        String early = RoundFixtures.screen(120, 40, RoundFixtures.with(threeAndRunning(1.0)), st);
        String later = RoundFixtures.screen(120, 40, RoundFixtures.with(threeAndRunning(4.0)), st);
        String e = row(early.lines().toList(), "#4 ");
        String l = row(later.lines().toList(), "#4 ");
        assertTrue(e.contains("running") && e.contains("1.0 s"), e);
        assertTrue(bar(l) > bar(e) + 5, e + "\n" + l);
    }

    @Test
    void paneIsReadableInAsciiMonochrome() throws IOException {
        UiState st = state();
        st.roundsPane = true;
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(RoundFixtures.three()), st, ASCII_MONO);
        text.chars().forEach(ch -> assertTrue(ch >= 0x20 && ch < 0x7f || ch == '\n', "non-ASCII " + (char) ch + "\n" + text));
        assertTrue(text.contains("#2   4 threads + GIL cpu units~ ########   8.1 s"), text);
        assertTrue(text.contains("- > Rounds (3)"), text);
    }

    @Test
    void withALessonAt80x24TheThreeRoundsStillShowSideBySide() throws IOException {
        UiState st = state();
        st.roundsPane = true;
        st.lesson = RoundFixtures.lesson(org.threadlab.lesson.LessonView.Phase.DONE, "Slower.");
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(RoundFixtures.three()), st);
        for (String id : List.of("#1 ", "#2 ", "#3 ")) {
            assertTrue(row(text.lines().toList(), id).contains(" s "), id + "\n" + text);
        }
        assertTrue(text.contains(" #3 4 processes cpu units=0.5 (peak 48M memory, 20 OS threads): 4 processes did"), text);
        assertTrue(text.contains(" 3.5x the work of one per second"), text);
        assertTrue(text.contains("Ask the class:"), text);
    }

    @Test
    void withALessonAt80x24FourRoundsAllShowTheBaselineToo() throws IOException {
        // the GIL lesson's fourth step: 1 thread | threads + GIL | threads | processes, at one glance
        List<Round> four = new ArrayList<>(RoundFixtures.three());
        four.add(RoundFixtures.ended(RoundFixtures.info(4, 4, WorkerKind.THREAD, false), 2.2, 8.0, 0.1, 1, 3.6,
                "4 threads: 3.6x as fast as one after another, 3.6 of 4 cores busy"));
        UiState st = state();
        st.roundsPane = true;
        st.lesson = RoundFixtures.lesson(org.threadlab.lesson.LessonView.Phase.DONE, "Slower.");
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(four), st);
        for (String id : List.of("#1 ", "#2 ", "#3 ", "#4 ")) {
            assertTrue(row(text.lines().toList(), id).contains(" s "), id + "\n" + text);
        }
        assertTrue(text.contains(" #4 4 threads cpu units=0.5 (peak 48M memory, 20 OS threads): 4 threads:"), text);
    }

    @Test
    void noRoundsYetSaysWhatARoundIs() throws IOException {
        UiState st = state();
        st.roundsPane = true;
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(List.of()), st);
        assertTrue(text.contains("No rounds yet. A round is the workers one key starts together"), text);
    }

    @Test
    void theBigTimerShowsTheNewestRunningRoundInFiveRows() throws IOException {
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            String text = RoundFixtures.screen(size[0], size[1], RoundFixtures.with(threeAndRunning(12.3)), state());
            assertTrue(text.contains("#4 running: 2 threads cpu units=0.5"), text);
            List<String> big = BigDigits.lines("12.3", 5, UNICODE);
            int at = text.indexOf(big.get(0));
            assertTrue(at > 0, text);
            for (String l : big) {
                assertTrue(text.contains(l), l + "\n" + text);
            }
            assertFalse(text.contains("#3 ended"), "a round runs: no result box\n" + text);
        }
    }

    @Test
    void theTimerIsHashesInAsciiAndThreeRowsWhenALessonTakesTheDetail() throws IOException {
        UiState st = state();
        st.lesson = RoundFixtures.lesson(org.threadlab.lesson.LessonView.Phase.RUNNING, null);
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(threeAndRunning(8.1)), st, ASCII_MONO);
        List<String> big = BigDigits.lines("8.1", 3, ASCII_MONO);
        assertEquals(3, big.size());
        for (String l : big) {
            assertTrue(text.contains(l), l + "\n" + text);
        }
        assertTrue(String.join("", big).contains("#"), big.toString());
        assertTrue(text.contains("#4 running"), text);
    }

    @Test
    void theTimerIsHiddenWhenNoRoundRuns() throws IOException {
        UiState st = state();
        st.resultHidden = 3;
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(RoundFixtures.three()), st);
        assertFalse(text.contains(" running: ") || text.contains(" ended: "), text);
        assertTrue(text.contains("─ Events "), text);
    }

    @Test
    void theTimerShowsTheRunningRoundsCpuAndCoresSoFar() throws IOException {
        // QA: "cpu so far -" and "cores busy -" for the whole round; the model now gives them while it runs
        Round r = RoundFixtures.running(RoundFixtures.info(4, 2, WorkerKind.THREAD, false), 2.0, 3.1);
        Snapshot s = RoundFixtures.with(List.of(r));
        UiState st = state();
        String text = RoundFixtures.screen(120, 40, s, st);
        String box = panel(text, 120, 40, s, st);
        assertTrue(box.contains("#4 running: 2 threads cpu units=0.5"), text);
        assertTrue(box.contains("cpu so far 3.1 s"), text);
        assertTrue(box.contains("cores busy 1.6"), text);
        // a round whose CPU is not known yet (no tick, or virtual threads) still says "-", never 0
        Round unknown = new Round(r.info(), null, r.wall(), -1, Double.NaN, 0.1, 4, 0, 0, 0, -1, -1, 0, Double.NaN, null);
        Snapshot u = RoundFixtures.with(List.of(unknown));
        String none = panel(RoundFixtures.screen(120, 40, u, state()), 120, 40, u, state());
        assertTrue(none.contains("cpu so far -") && none.contains("cores busy -"), none);
    }

    @Test
    void theTimerTicksBetweenModels() {
        UiState st = state();
        long now = System.nanoTime();
        st.modelNanos = now - 700_000_000L;
        Round r = RoundFixtures.running(RoundFixtures.info(4, 2, WorkerKind.THREAD, false), 2.0, 4.0);
        assertEquals("2.7", BigDigits.clock(RoundsView.wall(r, Renderer.sinceModel(st, now))));
        // frozen: the display holds one instant
        st.frozen = RoundFixtures.with(List.of(r));
        assertEquals("2.0", BigDigits.clock(RoundsView.wall(r, Renderer.sinceModel(st, now))));
        // a replay's model is an instant of the recording: paused, its clock stands still
        st.replay = "REPLAY || x1";
        assertEquals("2.0", BigDigits.clock(RoundsView.wall(r, Renderer.sinceModel(st, now))));
        st.replay = null;
        // a model that stopped coming does not let the timer run away
        st.frozen = null;
        st.modelNanos = now - 60_000_000_000L;
        assertEquals("5.0", BigDigits.clock(RoundsView.wall(r, Renderer.sinceModel(st, now))));
        st.roundRunning = true;
        assertTrue(st.ticking());
    }

    @Test
    void aNewModelWithARunningRoundMakesTheScreenTickUntilItEnds() throws IOException {
        Snapshot running = RoundFixtures.with(threeAndRunning(1.0));
        TerminalUi ui = new TerminalUi(Fixtures.screen(Fixtures.terminal(80, 24)), new ReplayCommands(), Fixtures.source(running),
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, List.of());
        assertFalse(ui.state().ticking());
        ui.post(new UiEvent.NewModel(running));
        ui.drain();
        assertTrue(ui.state().ticking(), "redraws every 100 ms while a round runs");
        assertTrue(ui.state().modelNanos != 0);
        ui.post(new UiEvent.NewModel(RoundFixtures.with(RoundFixtures.three())));
        ui.drain();
        assertFalse(ui.state().ticking(), "no round runs: back to redrawing on models");
    }

    @Test
    void digitsHaveTheirShapes() {
        assertEquals(List.of("███ █ █", "  █ █ █", "███ ███", "█     █", "███   █"), BigDigits.lines("24", 5, UNICODE));
        // no two digits look alike at three rows either
        java.util.Set<List<String>> seen = new java.util.HashSet<>();
        for (char d = '0'; d <= '9'; d++) {
            assertTrue(seen.add(BigDigits.lines(String.valueOf(d), 3, ASCII_MONO)), "digit " + d);
        }
        assertEquals("59.9", BigDigits.clock(Duration.ofMillis(59_990)));
        assertEquals("1:05", BigDigits.clock(Duration.ofSeconds(65)));
        assertEquals("1:02:03", BigDigits.clock(Duration.ofSeconds(3723)));
    }

    /** The text of the round's panel, its lines joined with single spaces (the events beside it left out). */
    private static String panel(String screen, int cols, int rows, Snapshot s, UiState st) {
        Layout.Rect a = RoundBox.shown(Layout.of(cols, rows, s.host().cores().size(), st.lesson != null), s, st).orElseThrow().at();
        List<String> lines = screen.lines().toList();
        StringBuilder sb = new StringBuilder();
        for (int y = a.y(); y < a.y() + a.h(); y++) {
            String l = lines.get(y);
            sb.append(' ').append(l.length() > a.x() + 1 ? l.substring(a.x() + 1, Math.min(l.length(), a.x() + a.w())) : "");
        }
        return sb.toString().replaceAll("\\s+", " ");
    }

    @Test
    void theResultOfTheNewestRoundShowsBesideTheEventsWithTheBusyNote() throws IOException {
        Snapshot s = RoundFixtures.with(RoundFixtures.three());
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            UiState st = state();
            String text = RoundFixtures.screen(size[0], size[1], s, st);
            String box = panel(text, size[0], size[1], s, st);
            assertTrue(box.contains("#3 ended: 4 processes cpu units=0.5"), text);
            assertTrue(box.contains("wall 2.3 s, cpu 8.8 s, 3.8 of 4 cores busy, speed-up 3.48x vs #1"), text);
            assertTrue(box.contains("4 processes did 3.5x the work of one per second: each has its own interpreter and core"), text);
            assertTrue(box.contains("busy machine: other processes kept 1.3 of 4 cores busy meanwhile"), text);
            // the events go on beside it, narrower, cut with an ellipsis rather than hidden
            assertTrue(text.contains("─ Events "), text);
            assertTrue(text.contains(" mem-4 failed after 1.00s:" + (size[0] == 80 ? " o… │" : "")), text);
        }
        String wide = RoundFixtures.screen(120, 40, s, state());
        assertTrue(panel(wide, 120, 40, s, state()).contains("Esc hides this, R lists every round"), wide);
    }

    @Test
    void inALessonAt80x24TheWholeResultIsReadableWithItsVerdict() throws IOException {
        // the GIL lesson's second round as measured on a busy 2-core machine: at half width it ended in "…"
        // (then it said "1.9x as fast as one after another": the baseline's one thread had a third of a core)
        Round one = RoundFixtures.ended(RoundFixtures.info(1, 1, WorkerKind.THREAD, false), 1.8, 0.5, 1.4, 0, Double.NaN,
                null);
        one = RoundFixtures.ended(one.info(), 1.8, 0.5, 1.4, 0, Double.NaN, RoundVerdict.of(one, null));
        Round gil = RoundFixtures.ended(RoundFixtures.info(2, 4, WorkerKind.THREAD, true), 3.7, 2.0, 1.3, 1, 1.95, null);
        String verdict = RoundVerdict.of(gil, one);
        assertEquals("4 threads + GIL took 2.1x the time of #1 for 4x the work: no faster than one after another (0.5 of 4"
                + " cores busy) - the GIL lets one run at a time; other processes kept 1.3 of 4 cores busy, #1 had 0.3"
                + " of a core: not like for like", verdict);
        List<Round> rounds = List.of(one,
                RoundFixtures.ended(RoundFixtures.info(2, 4, WorkerKind.THREAD, true), 3.7, 2.0, 1.3, 1, 1.95, verdict));
        Snapshot four = RoundFixtures.with(rounds);
        org.threadlab.sample.HostSample h = four.host();
        // the 2-core machine the lessons are sized for: one row of meters
        Snapshot s = new Snapshot(four.seq(), four.takenAt(), four.interval(), four.selfPid(),
                new org.threadlab.sample.HostSample(h.hostName(), h.uptime(), h.load(), h.cores().subList(0, 2), h.total(),
                        h.memoryUsedBytes(), h.memoryTotalBytes(), h.swapUsedBytes(), h.swapTotalBytes(), h.window(), h.readNanos()),
                four.processes(), four.workers(), four.gil(), four.events(), rounds);
        UiState st = state();
        st.lesson = RoundFixtures.lesson(org.threadlab.lesson.LessonView.Phase.DONE, "Slower.");
        String text = RoundFixtures.screen(80, 24, s, st);
        String box = panel(text, 80, 24, s, st);
        assertTrue(box.contains("#2 ended: 4 threads + GIL cpu units=0.5"), text);
        assertTrue(box.contains("wall 3.7 s, cpu 2.0 s, 0.5 of 4 cores busy, 2.1x the time of #1"), text);
        assertTrue(box.contains(verdict), box + "\n" + text);
        assertFalse(box.contains("…"), "\n" + text);
        assertTrue(text.contains("Ask the class:"), "the narration keeps its rows\n" + text);
    }

    @Test
    void theSelectedRoundSaysItsPeakMemoryAndOsThreadsWhenMeasured() {
        // the cheap-threads lesson's point: 64 sleeping threads hold little, each process a whole JVM
        RoundInfo threads = new RoundInfo(1, WorkerKind.THREAD, "sleep", "duration=4s", 64, 64, false, false, Fixtures.NOW);
        Round measured = new Round(threads, Fixtures.NOW.plusSeconds(4), Duration.ofSeconds(4), 70_000_000L, 0.02, 0.1, 2,
                64, 0, 0, 90_000, 64, 0, Double.NaN, "64 threads: 0.0 of 2 cores busy");
        assertEquals("#1 64 threads sleep duration=4s (peak 88K memory, 64 OS threads): 64 threads: 0.0 of 2 cores busy",
                RoundsView.about(measured, 200).get(0).text());
        Round unmeasured = new Round(threads, Fixtures.NOW.plusSeconds(4), Duration.ofSeconds(4), 70_000_000L, 0.02, 0.1, 2,
                64, 0, 0, -1, -1, 0, Double.NaN, "64 threads: 0.0 of 2 cores busy");
        assertEquals("#1 64 threads sleep duration=4s: 64 threads: 0.0 of 2 cores busy", RoundsView.about(unmeasured, 200).get(0).text());
    }

    @Test
    void aSharedStateRoundsOutcomeIsInItsResultBox() throws IOException {
        // the shared-counter lesson: "its summary says what the counter should be and what it is"
        RoundInfo info = new RoundInfo(7, WorkerKind.THREAD, "counter", "", 4, 4, false, false, Fixtures.NOW.minusSeconds(1));
        Round counter = new Round(info, Fixtures.NOW, Duration.ofMillis(110), 60_000_000L, 0.5, 0.1, 4, 4, 0, 0, 20_000, 4, 0,
                Double.NaN, "4 threads: 0.5 of 4 cores busy - no single-worker round of the same work to compare with");
        Snapshot base = RoundFixtures.with(List.of(counter));
        org.threadlab.model.WorkerSample any = base.workers().get(0);
        WorkerInfo a = any.info();
        WorkerInfo member = new WorkerInfo(17, "counter-17", WorkerKind.THREAD, org.threadlab.work.WorkloadSpec.of("counter"), false,
                org.threadlab.worker.WorkerState.FINISHED, null, a.startedAt(), Fixtures.NOW, 1, 1, a.pid(), a.tid(), -1, 0, null,
                "added 1000000", List.of(), false, null, List.of(), 0, 7);
        List<org.threadlab.model.WorkerSample> workers = new ArrayList<>(base.workers());
        workers.add(new org.threadlab.model.WorkerSample(member, 0, 0, 0, "S", org.threadlab.sample.History.EMPTY,
                org.threadlab.worker.WorkerState.FINISHED, Double.NaN, Double.NaN));
        List<org.threadlab.worker.Event> events = new ArrayList<>(base.events());
        events.add(new org.threadlab.worker.Event(99, Fixtures.NOW, org.threadlab.worker.Event.Type.OUTCOME, 17,
                "counter, 4 threads, unsafe: expected 4000000, got 3043526, lost 956474 (23.9%)"));
        Snapshot s = new Snapshot(base.seq(), base.takenAt(), base.interval(), base.selfPid(), base.host(), base.processes(), workers,
                base.gil(), events, List.of(counter));
        UiState st = state();
        st.lesson = RoundFixtures.lesson(org.threadlab.lesson.LessonView.Phase.DONE, "No.");
        String text = RoundFixtures.screen(80, 24, s, st);
        String box = panel(text, 80, 24, s, st);
        assertTrue(box.contains("counter, 4 threads, unsafe: expected 4000000, got 3043526, lost 956474 (23.9%)"), box + "\n" + text);
    }

    @Test
    void anIdleMachinesResultHasNoBusyNote() throws IOException {
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(RoundFixtures.three().subList(0, 2)), state());
        assertTrue(text.contains("#2 ended: 4 threads + GIL cpu"), text);
        assertFalse(text.contains("busy machine"), text);
    }

    @Test
    void theBusyNoteIsNotSaidTwiceWhenTheVerdictSaysItAlready() {
        Round said = RoundFixtures.ended(RoundFixtures.info(5, 2, WorkerKind.THREAD, false), 13.4, 6.1, 1.4, 0, Double.NaN,
                "2 threads: 0.5 of 2 cores busy; other processes kept 1.4 of 2 cores busy meanwhile: slower than on an idle machine");
        assertEquals(null, RoundText.busyNote(said));
        Round unsaid = RoundFixtures.ended(RoundFixtures.info(5, 2, WorkerKind.THREAD, false), 13.4, 6.1, 1.4, 0, Double.NaN,
                "2 threads: 0.5 of 2 cores busy");
        assertTrue(RoundText.busyNote(unsaid).startsWith("busy machine: other processes kept 1.4 of 4 cores busy"));
    }

    @Test
    void sleepersGetNoBusyNote() {
        // sleeping is not slowed by other processes' load: neither the verdict nor the box says it was
        RoundInfo info = new RoundInfo(5, WorkerKind.THREAD, "sleep", "", 4, 4, false, false, Fixtures.NOW.minusSeconds(5));
        Round sleepers = RoundFixtures.ended(info, 1.05, 0.01, 1.8, 0, Double.NaN, "4 threads: 0.0 of 4 cores busy");
        assertEquals(null, RoundText.busyNote(sleepers));
    }

    @Test
    void aSpeedUpAgainstAStarvedBaselineSaysItIsNotLikeForLike() {
        Round base = RoundFixtures.ended(RoundFixtures.info(1, 1, WorkerKind.THREAD, false), 1.64, 0.52, 1.6, 0, Double.NaN, "1");
        Round gil = RoundFixtures.ended(RoundFixtures.info(2, 4, WorkerKind.THREAD, true), 2.85, 2.02, 1.3, 1, 2.30, "2");
        Snapshot s = RoundFixtures.with(List.of(base, gil));
        // the plain ratio of the times, not a "speed-up" that reads as faster
        assertTrue(RoundText.figures(gil, s).endsWith(", 1.7x the time of #1"), RoundText.figures(gil, s));
        assertFalse(RoundText.figures(gil, s).contains("speed-up"), RoundText.figures(gil, s));
        assertEquals("- unlike #1", RoundText.speedup(gil, s), "the rounds pane's column");
        Round fed = RoundFixtures.ended(RoundFixtures.info(1, 1, WorkerKind.THREAD, false), 0.55, 0.52, 1.3, 0, Double.NaN, "1");
        Snapshot like = RoundFixtures.with(List.of(fed, gil));
        assertTrue(RoundText.figures(gil, like).contains("speed-up 2.30x vs #1"), RoundText.figures(gil, like));
        assertEquals("2.30x vs #1", RoundText.speedup(gil, like));
        assertFalse(RoundText.figures(gil, like).contains("like for like"), RoundText.figures(gil, like));
    }

    @Test
    void defaultParametersAreLeftOutOfTheLabel() {
        assertEquals("units=0.5", RoundText.shortParams("cpu", "units=0.5"));
        assertEquals("", RoundText.shortParams("cpu", "units=1"));
        assertEquals("units=2", RoundText.shortParams("cpu", "stubborn=false units=2"));
        assertEquals("whatever=1", RoundText.shortParams("nosuchworkload", "whatever=1"));
    }

    // --- keys ---------------------------------------------------------------------------------------

    /** A live screen's commands that only note which baseline was asked for. */
    private static WorkerCommands recording(List<Integer> baselines) {
        return (WorkerCommands) Proxy.newProxyInstance(RoundsScreenTest.class.getClassLoader(), new Class<?>[] {WorkerCommands.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "acts" -> true;
                    case "markBaseline" -> {
                        baselines.add((Integer) args[0]);
                        yield Reply.done("baseline: round #" + args[0]);
                    }
                    case "workers" -> List.of();
                    case "worker" -> java.util.Optional.empty();
                    case "gil" -> false;
                    default -> Reply.note(m.getName());
                });
    }

    private static Controller controller(WorkerCommands w, Snapshot s, UiState st) {
        return new Controller(w, Fixtures.source(s), st, LiveKeys.TABLE, new Tasks(Runnable::run, e -> { }), () -> new TerminalSize(80, 24));
    }

    @Test
    void rOpensThePaneArrowsSelectBMarksEscCloses() {
        List<Integer> marked = new ArrayList<>();
        UiState st = state();
        Controller c = controller(recording(marked), RoundFixtures.with(RoundFixtures.three()), st);
        c.key(new KeyStroke('R', false, false));
        assertTrue(st.roundsPane);
        assertEquals(0, st.roundSelected, "opens on the newest round");
        c.key(new KeyStroke(KeyType.ArrowUp));
        c.key(new KeyStroke(KeyType.ArrowUp));
        c.key(new KeyStroke(KeyType.ArrowUp));
        assertEquals(2, st.roundSelected, "stops at the oldest");
        c.key(new KeyStroke('B', false, false));
        assertEquals(List.of(1), marked);
        assertEquals("baseline: round #1", st.status);
        c.key(new KeyStroke(KeyType.ArrowDown));
        c.key(new KeyStroke('B', false, false));
        assertEquals(List.of(1, 2), marked);
        assertEquals(Pane.THREADS, st.focus, "the arrows moved the pane's selection, not the tables'");
        c.key(new KeyStroke(KeyType.Escape));
        assertFalse(st.roundsPane);
        // the pane closed first; the next Esc hides the result box
        assertEquals(0, st.resultHidden);
        c.key(new KeyStroke(KeyType.Escape));
        assertEquals(3, st.resultHidden);
        c.key(new KeyStroke('R', false, false));
        c.key(new KeyStroke('R', false, false));
        assertFalse(st.roundsPane, "R closes it too");
    }

    @Test
    void theResultBoxHidesWithEscAndComesBackForTheNextRound() throws IOException {
        UiState st = state();
        Snapshot three = RoundFixtures.with(RoundFixtures.three());
        Controller c = controller(recording(new ArrayList<>()), three, st);
        c.key(new KeyStroke(KeyType.Escape));
        assertFalse(RoundFixtures.screen(80, 24, three, st).contains("#3 ended"));
        List<Round> four = new ArrayList<>(RoundFixtures.three());
        four.add(RoundFixtures.ended(RoundFixtures.info(4, 1, WorkerKind.PROCESS, false), 2.2, 2.1, 0.0, 1, 0.91, "one process: as fast as one thread"));
        assertTrue(RoundFixtures.screen(80, 24, RoundFixtures.with(four), st).contains("#4 ended: 1 process cpu units=0.5"));
    }

    @Test
    void bOutsideThePaneSaysHowAndAReplayRefusesPolitely() {
        List<Integer> marked = new ArrayList<>();
        UiState st = state();
        Controller c = controller(recording(marked), RoundFixtures.with(RoundFixtures.three()), st);
        c.key(new KeyStroke('B', false, false));
        assertTrue(marked.isEmpty());
        assertTrue(st.status.contains("R opens it"), st.status);
        UiState rs = state();
        Controller replay = controller(new ReplayCommands(), RoundFixtures.with(RoundFixtures.three()), rs);
        replay.key(new KeyStroke('R', false, false));
        replay.key(new KeyStroke('B', false, false));
        assertEquals("this is a replay: B does nothing", rs.status);
    }

    @Test
    void theKeysAreInTheHelpAndTheFooter() {
        List<String> keys = new ArrayList<>();
        for (KeyMap.HelpSection s : LiveKeys.TABLE.help()) {
            for (KeyMap.HelpLine l : s.lines()) {
                keys.add(l.keys());
            }
        }
        assertTrue(keys.containsAll(List.of("R", "B", "Enter", "Esc")), keys.toString());
        assertTrue(LiveKeys.TABLE.hints().stream().anyMatch(h -> h.keys().equals("R")));
    }

    private static String row(List<String> lines, String id) {
        return lines.stream().filter(l -> l.contains(id) && (l.contains(" s ") || l.contains(" s"))).findFirst().orElse("(no row " + id + ")");
    }

    private static int bar(String row) {
        return (int) row.chars().filter(ch -> ch == '█' || ch == '#' && false).count();
    }
}
