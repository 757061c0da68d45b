package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.lesson.LessonView;
import org.threadlab.lesson.LessonView.Phase;

/** The narration pane from hand-made lesson views: where it goes at 80x24 and 120x40, and what it says in each phase. */
class NarrationScreenTest {
    private static final String ANSWER = "Slower, by about their number - the GIL lets one run at a time, whatever the cores.";

    private static UiState with(LessonView v) {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.lesson = v;
        return st;
    }

    @Test
    void theNarrationPaneAt80x24() throws IOException {
        assertEquals(Fixtures.withEventTimes("""
                 vm  up 1 day, 03:04:05  load 1.22  GIL off  workers 5/7  every 1s       ?:help
                cpu0 [||||||||           35%]       ▂▅▃ cpu1 [|||||||||||||||||||92%]       ▂▅▇
                cpu2 [||                 10%]       ▂▅▂ cpu3 [|                   5%]       ▂▅▁
                mem [             458M/23G]  threadlab pid 20710  rss 70M  threads 27  cpu 82.3%
                ─ > Threads in pid 20710 (5) ──────────┬─ Processes (2) ────────────────────────
                  id name       pid   tid state d  cpu%│ name        pid   tid state  cpu%   rss
                   1 cpu-1    20710 20743 RUN   .  69.8│ cpu-3     20748 20764 RUN    64.9   38M
                  12 coun…-12 20710 20801 RUN   .  12.5│ mem-4     20790 20805 FAIL      -     -
                  13 coun…-13 20710 20802 DONE  .     -│
                 942 sle…-942 20710 21688 WAIT  .   0.0│
                 943 sle…-943 20710 21689 WAIT  .   0.0│
                ─ Lesson: The GIL - threads with it, without it, and processes ─────────────────
                 Step 2 of 6: Threads with the GIL
                 Now 2*cores threads do the same work each, with the simulated GIL on. Watch
                 the cores: only one is busy at a time, whatever the number of threads.
                 Ask the class: Four threads with the GIL - faster, the same, or slower than
                 one?
                 Space: run the step (the class answers first)
                ─ Events ───────────────────────────────────────────────────────────────────────
                 {T1}  started thread cpu-1 (in pid 20710): cpu units=10
                 {T2}  started process cpu-3 (pid 20748): cpu units=10
                 {T3}  mem-4 failed after 1.00s: out of memory
                                                                                   workload: cpu
                t thread v virtual p process w workload d daemon:off k stop       ? help  q quit"""),
                RoundFixtures.screen(80, 24, RoundFixtures.with(List.of()), with(RoundFixtures.lesson(Phase.ASKING, null))));
    }

    @Test
    void theNarrationPaneAt120x40KeepsTheDetail() throws IOException {
        String text = RoundFixtures.screen(120, 40, RoundFixtures.with(List.of()), with(RoundFixtures.lesson(Phase.DONE, ANSWER)));
        List<String> lines = text.lines().toList();
        int lesson = index(lines, "─ Lesson: The GIL");
        assertTrue(lesson > 0, text);
        assertEquals(" Step 2 of 6: Threads with the GIL", lines.get(lesson + 1));
        assertTrue(lines.get(lesson + 4).startsWith(" Ask the class: Four threads with the GIL"), text);
        assertEquals(" Answer: " + ANSWER, lines.get(lesson + 5));
        assertEquals(" Space: next step  (b back, r redo)", lines.get(lesson + 6));
        assertTrue(index(lines, "─ Detail: cpu-1") > lesson, "the detail stays, under the narration\n" + text);
        // the tables gave up rows, not their columns: the PIDs stay
        assertTrue(text.contains("20710 20743 RUN"), text);
    }

    @Test
    void thePidsStayVisibleAt80x24WithALesson() throws IOException {
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(List.of()), with(RoundFixtures.lesson(Phase.RUNNING, null)));
        assertTrue(text.contains("  id name       pid   tid state"), text);
        assertTrue(text.contains("cpu-3     20748 20764 RUN"), text);
        Layout l = Layout.of(80, 24, 4, true);
        assertEquals(5, l.tableRows());
        assertEquals(7, l.narration().h());
        // on 2 cores a row more is free: not a detail title over nothing, but a row more of events
        Layout two = Layout.of(80, 24, 2, true);
        assertEquals(5, two.tableRows());
        assertEquals(7, two.narration().h());
        assertEquals(0, two.detail().h());
        assertEquals(two.narration().y() + two.narration().h(), two.events().y());
        assertEquals(two.statusY(), two.events().y() + two.events().h());
    }

    @Test
    void eachPhaseSaysWhatSpaceDoes() {
        assertEquals("Space: run the step (the class answers first)", NarrationView.hint(RoundFixtures.lesson(Phase.ASKING, null)));
        assertEquals("running: waiting for the round to end  (Space: stop waiting)", NarrationView.hint(RoundFixtures.lesson(Phase.RUNNING, null)));
        assertEquals("Space: go on", NarrationView.hint(RoundFixtures.lesson(Phase.WAITING_KEY, null)));
        assertEquals("Space: reveal the answer", NarrationView.hint(RoundFixtures.lesson(Phase.DONE, null)));
        assertEquals("Space: next step  (b back, r redo)", NarrationView.hint(RoundFixtures.lesson(Phase.DONE, ANSWER)));
        assertEquals("The lesson is over: b back, r redo, q quit", NarrationView.hint(RoundFixtures.lesson(Phase.FINISHED, ANSWER)));
    }

    @Test
    void whenRowsRunShortTheNarrationIsCutNotTheQuestionOrTheHint() {
        LessonView v = new LessonView("T", 1, 1, "Step", "word ".repeat(60), "Faster or slower?", ANSWER, Phase.DONE, null,
                List.of("python3 is not on the PATH: the step runs without it"), List.of(), null, 0);
        List<DetailView.Line> lines = NarrationView.lines(v, 78, 6, new Theme(true, false));
        List<String> text = lines.stream().map(DetailView.Line::text).toList();
        assertEquals(6, text.size(), text.toString());
        assertEquals("Step 1 of 1: Step", text.get(0));
        assertTrue(text.get(1).endsWith("~"), "the cut narration says so: " + text);
        assertTrue(text.contains("Ask the class: Faster or slower?"), text.toString());
        assertTrue(text.get(5).startsWith("Space: next step"), text.toString());
        // with room, the note shows too
        List<String> roomy = NarrationView.lines(v, 78, 12, new Theme(true, false)).stream().map(DetailView.Line::text).toList();
        assertTrue(roomy.contains("note: python3 is not on the PATH: the step runs without it"), roomy.toString());
    }

    @Test
    void noLessonNoPane() throws IOException {
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(List.of()), new UiState(Duration.ofSeconds(1)));
        assertFalse(text.contains("Lesson:"), text);
        assertTrue(text.contains("─ Detail: cpu-1"), text);
    }

    @Test
    void readableInAsciiMonochrome() throws IOException {
        String text = RoundFixtures.screen(80, 24, RoundFixtures.with(List.of()), with(RoundFixtures.lesson(Phase.DONE, ANSWER)),
                new Theme(true, false));
        text.chars().forEach(ch -> assertTrue(ch >= 0x20 && ch < 0x7f || ch == '\n', "non-ASCII " + (char) ch + "\n" + text));
        assertTrue(text.contains("- Lesson: The GIL - threads with it, without it, and processes -----------------"), text);
        assertTrue(text.contains(" Answer: Slower, by about their number"), text);
    }

    private static int index(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }
}
