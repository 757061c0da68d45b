package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threadlab.lesson.Action;
import org.threadlab.lesson.Lesson;
import org.threadlab.lesson.LessonRunner;
import org.threadlab.lesson.LessonView;
import org.threadlab.lesson.Step;
import org.threadlab.model.ModelHub;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;

/** The screen with a lesson: its keys drive the runner, its views reach UiState.lesson, show: rounds opens the pane once. */
class LessonScreenTest {
    private Supervisor supervisor;
    private ModelHub feed;
    private LessonRunner runner;
    private TerminalUi ui;

    @BeforeEach
    void start() throws IOException {
        supervisor = new Supervisor(Limits.DEFAULT.withGrace(Duration.ofMillis(500)), false);
        feed = ModelHub.start(new Sampler(Duration.ofSeconds(1)), supervisor);
        Lesson lesson = new Lesson("t", "A lesson", "", "t.yaml", List.of(
                new Step(1, "First", "say one", new Step.Question(2, "Faster?", "No."), List.of(new Action.Gil(3, true))),
                new Step(4, "Second", "say two", null, List.of(new Action.Show(5, Action.View.ROUNDS)))));
        runner = new LessonRunner(lesson, supervisor, feed, LessonRunner.Options.system());
        ui = new TerminalUi(Fixtures.screen(Fixtures.terminal(100, 30)), supervisor, feed,
                new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, runner);
        ui.state().workload = ChosenWorkload.of(WorkloadSpec.of("sleep").with("duration", "10s"));
        runner.start();
    }

    @AfterEach
    void stop() {
        runner.close();
        feed.close();
        supervisor.close();
    }

    private void key(char c) {
        ui.key(new KeyStroke(c, false, false));
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            ui.drain();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; lesson: " + ui.state().lesson);
            }
            Thread.sleep(10);
        }
    }

    private LessonView lesson() {
        return ui.state().lesson;
    }

    @Test
    void showRoundBringsBackTheLatestRoundsSummary() throws Exception {
        // the teacher had the rounds pane open and the result hidden (Esc): "show: round" puts the summary on screen
        Lesson lesson = new Lesson("t", "A lesson", "", "t.yaml", List.of(
                new Step(1, "First", "say one", null, List.of(new Action.Show(2, Action.View.ROUND)))));
        try (LessonRunner own = new LessonRunner(lesson, supervisor, feed, LessonRunner.Options.system())) {
            TerminalUi shown = new TerminalUi(Fixtures.screen(Fixtures.terminal(100, 30)), supervisor, feed,
                    new UiOptions(Duration.ofSeconds(1), false, false, true), TerminalUi.FrameSync.NONE, Runnable::run, own);
            shown.state().roundsPane = true;
            shown.state().resultHidden = 1;
            own.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (shown.state().lesson == null || shown.state().lesson.phase() != LessonView.Phase.DONE) {
                shown.drain();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out waiting for the step; lesson: " + shown.state().lesson);
                }
                Thread.sleep(10);
            }
            assertFalse(shown.state().roundsPane, "show: round closes the pane that hid the tables");
            assertEquals(0, shown.state().resultHidden, "and shows the latest round's result again");
        }
    }

    @Test
    void lessonKeysStepThroughAndEveryLiveKeyStillActs() throws InterruptedException {
        assertNotNull(lesson(), "the narration pane has a view from the start");
        await(() -> lesson().phase() == LessonView.Phase.ASKING, "the question");
        assertEquals("Faster?", lesson().question());
        key('a');
        await(() -> "No.".equals(lesson().answer()), "a reveals the answer");
        key(' ');
        await(() -> lesson().phase() == LessonView.Phase.DONE, "Space ran the step");
        assertTrue(supervisor.gil().isEnabled());
        assertFalse(ui.state().roundsPane);
        key('n');
        await(() -> lesson().step() == 2 && lesson().phase() == LessonView.Phase.DONE, "n: the next step");
        assertTrue(ui.state().roundsPane, "show: rounds opened the rounds pane");
        ui.state().roundsPane = false;
        key('b');
        await(() -> lesson().step() == 1, "b: back");
        key('n');
        await(() -> lesson().step() == 2, "forward again");
        assertFalse(ui.state().roundsPane, "a step shown again does not reopen what the teacher closed");
        key('r');
        await(() -> ui.state().roundsPane, "r ran step two again, and its show");
        // the live keys still act: t starts a worker, z freezes (Space is the lesson's)
        key('t');
        assertEquals(1, supervisor.workers().size());
        key('z');
        assertNotNull(ui.state().frozen, "z freezes");
        assertTrue(ui.state().status.contains("z continues"), ui.state().status);
        key('z');
        assertNull(ui.state().frozen);
        key(' ');
        await(() -> lesson().phase() == LessonView.Phase.FINISHED, "the end");
        assertNull(ui.state().frozen, "Space went to the lesson, not to freeze");
    }

    @Test
    void theLessonStopsWhenTheScreenQuits() throws InterruptedException {
        await(() -> lesson().phase() == LessonView.Phase.ASKING, "the question");
        key('q');
        ui.drain();
        key(' ');
        Thread.sleep(100);
        ui.drain();
        // nothing ran: quitting (no workers: at once) stopped the lesson before Space reached it
        assertFalse(supervisor.gil().isEnabled(), "lesson: " + lesson());
    }
}
