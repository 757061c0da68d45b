package org.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Limits;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** The runner's state machine: what Space, b, r and a do in each phase, on a fake clock and fabricated snapshots. */
class LessonRunnerTest {
    private final Supervisor supervisor = new Supervisor(Limits.DEFAULT, false);
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(snapshot(List.of()));
    private final AtomicLong clock = new AtomicLong();
    private LessonRunner runner;

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.close();
        }
        supervisor.close();
    }

    static Snapshot snapshot(List<Round> rounds) {
        return new Snapshot(1, Instant.now(), Duration.ofSeconds(1), ProcessHandle.current().pid(), null, List.of(), List.of(),
                null, List.of(), rounds);
    }

    static Round round(RoundInfo info, boolean ended) {
        return new Round(info, ended ? Instant.now() : null, Duration.ofMillis(500), 400_000_000L, 0.8, 0.0, 2, ended ? 1 : 0,
                0, 0, -1, -1, 0, Double.NaN, ended ? "done" : null);
    }

    private final SnapshotSource source = new SnapshotSource() {
        @Override
        public Snapshot latest() {
            return snapshot.get();
        }

        @Override
        public void onSnapshot(Consumer<Snapshot> listener) {}

        @Override
        public Duration interval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public void setInterval(Duration interval) {}

        @Override
        public void close() {}
    };

    private LessonRunner start(Step... steps) {
        Lesson lesson = new Lesson("test", "A test lesson", "about", "test.yaml", List.of(steps));
        runner = new LessonRunner(lesson, supervisor, source,
                LessonRunner.Options.system().withCores(2).withClock(clock::get)).start();
        return runner;
    }

    private LessonView await(Predicate<LessonView> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(runner.view())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; the view is " + runner.view());
            }
            Thread.sleep(5);
        }
        return runner.view();
    }

    private LessonView awaitPhase(int step, LessonView.Phase phase) throws InterruptedException {
        return await(v -> v.step() == step && v.phase() == phase, "step " + step + " " + phase);
    }

    private static Step step(String title, Step.Question ask, Action... actions) {
        return new Step(1, title, "say " + title, ask, List.of(actions));
    }

    private static Step.Question ask(String q, String a) {
        return new Step.Question(2, q, a);
    }

    private static Action.Start start(int n, String spec) {
        return new Action.Start(3, Count.of(n), WorkerKind.THREAD, Workloads.parse(WorkloadSpec.parse(spec)), false);
    }

    @Test
    void spaceAloneWalksThroughQuestionsWaitsAndAnswers() throws InterruptedException {
        start(step("one", ask("faster?", "slower")),
                step("two", null, new Action.Gil(5, true), new Action.Wait(6, Action.Until.KEY, null)));
        LessonView v = awaitPhase(1, LessonView.Phase.ASKING);
        assertEquals("faster?", v.question());
        assertNull(v.answer(), "the class predicts first");
        assertEquals(2, v.steps());
        runner.next();
        v = awaitPhase(1, LessonView.Phase.DONE);
        assertNull(v.answer(), "the actions ran; the answer waits for its key");
        runner.next();
        assertEquals("slower", await(x -> x.answer() != null, "the answer").answer());
        assertEquals(LessonView.Phase.DONE, runner.view().phase());
        runner.next();
        v = awaitPhase(2, LessonView.Phase.WAITING_KEY);
        assertTrue(supervisor.gil().isEnabled(), "a step without a question runs at once");
        assertEquals("say two", v.say());
        runner.next();
        awaitPhase(2, LessonView.Phase.DONE);
        runner.next();
        awaitPhase(2, LessonView.Phase.FINISHED);
        runner.next();
        Thread.sleep(50);
        assertEquals(LessonView.Phase.FINISHED, runner.view().phase(), "nothing after the end");
    }

    @Test
    void aRevealsTheAnswerEvenBeforeTheActionsRun() throws InterruptedException {
        start(step("one", ask("q", "the answer")));
        awaitPhase(1, LessonView.Phase.ASKING);
        runner.answer();
        LessonView v = await(x -> x.answer() != null, "the answer");
        assertEquals(LessonView.Phase.ASKING, v.phase());
        runner.next();
        awaitPhase(1, LessonView.Phase.DONE);
        runner.next();
        awaitPhase(1, LessonView.Phase.FINISHED);
    }

    @Test
    void aTimedWaitEndsOnTheClockOrOnSpace() throws InterruptedException {
        start(step("one", null, new Action.Wait(3, Action.Until.TIME, Duration.ofMinutes(10)), new Action.Gil(4, true),
                new Action.Wait(5, Action.Until.TIME, Duration.ofHours(1)), new Action.Gil(6, false)));
        LessonView v = await(x -> "10m".equals(x.waitingFor()), "the first wait");
        assertEquals(LessonView.Phase.RUNNING, v.phase());
        clock.addAndGet(Duration.ofMinutes(9).toNanos());
        Thread.sleep(100);
        assertFalse(supervisor.gil().isEnabled(), "nine minutes of ten: still waiting");
        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        await(x -> "1h".equals(x.waitingFor()), "the second wait");
        assertTrue(supervisor.gil().isEnabled());
        runner.next();
        v = awaitPhase(1, LessonView.Phase.DONE);
        assertFalse(supervisor.gil().isEnabled(), "Space skipped the wait and the step went on");
        assertNull(v.waitingFor());
    }

    @Test
    void waitRoundWaitsForTheModelToSayTheRoundEnded() throws InterruptedException {
        start(step("one", null, start(2, "sleep duration=1m"), new Action.Wait(4, Action.Until.ROUND, null),
                new Action.Gil(5, true)));
        LessonView v = await(x -> x.waitingFor() != null && x.waitingFor().contains("to end"), "the round wait");
        int id = v.rounds().get(0);
        RoundInfo info = supervisor.rounds().get(0);
        assertEquals(id, info.id());
        assertEquals(2, info.started(), "the count as written");
        snapshot.set(snapshot(List.of(round(info, false))));
        Thread.sleep(100);
        assertEquals(LessonView.Phase.RUNNING, runner.view().phase(), "the model says it runs");
        snapshot.set(snapshot(List.of(round(info, true))));
        awaitPhase(1, LessonView.Phase.DONE);
        assertTrue(supervisor.gil().isEnabled());
    }

    @Test
    void countsFollowTheCoresFound() throws InterruptedException {
        start(step("one", null, new Action.Start(3, Count.cores(2), WorkerKind.THREAD,
                Workloads.parse(WorkloadSpec.parse("sleep duration=10ms")), false), new Action.Wait(4, Action.Until.ROUND, null)));
        awaitPhase(1, LessonView.Phase.DONE);
        assertEquals(4, supervisor.rounds().get(0).started(), "2*cores on 2 cores");
    }

    @Test
    void backShowsThePreviousStepAndRedoStopsItsWorkersAndRunsItAgain() throws InterruptedException {
        start(step("one", null, start(1, "sleep duration=1m")), step("two", ask("q", "a"), new Action.Gil(7, true)));
        LessonView v = awaitPhase(1, LessonView.Phase.DONE);
        int first = v.rounds().get(0);
        runner.next();
        awaitPhase(2, LessonView.Phase.ASKING);
        runner.back();
        v = awaitPhase(1, LessonView.Phase.DONE);
        assertEquals(List.of(first), v.rounds(), "shown as it was left, not run again");
        assertEquals(1, supervisor.rounds().size());
        runner.redo();
        v = await(x -> x.phase() == LessonView.Phase.DONE && x.rounds().size() == 1 && x.rounds().get(0) != first, "the redo");
        assertEquals(2, supervisor.rounds().size());
        WorkerInfo old = supervisor.workers().stream().filter(w -> w.round() == first).findFirst().orElseThrow();
        assertTrue(old.state().ended(), "the step's running worker was stopped first: " + old.state());
        runner.next();
        // step two was entered before: it shows as left (asking was cut short by b, so it is done), r runs it
        awaitPhase(2, LessonView.Phase.DONE);
        assertFalse(supervisor.gil().isEnabled(), "not run on the way forward");
        runner.redo();
        await(x -> supervisor.gil().isEnabled(), "the redo of step two");
        runner.back();
        awaitPhase(1, LessonView.Phase.DONE);
        runner.back();
        Thread.sleep(50);
        assertEquals(1, runner.view().step(), "nothing before the first step");
    }

    @Test
    void bDuringAWaitEndsTheStepAndGoesBack() throws InterruptedException {
        start(step("one", null), step("two", null, new Action.Wait(3, Action.Until.TIME, Duration.ofHours(1)), new Action.Gil(4, true)));
        awaitPhase(1, LessonView.Phase.DONE);
        runner.next();
        await(x -> x.step() == 2 && "1h".equals(x.waitingFor()), "the wait");
        runner.back();
        awaitPhase(1, LessonView.Phase.DONE);
        assertFalse(supervisor.gil().isEnabled(), "the rest of step two did not run");
    }

    @Test
    void pythonWithoutPython3OnThePathSaysSoAndGoesOn() throws InterruptedException {
        Lesson lesson = new Lesson("py", "Python", "", "py.yaml", List.of(step("one", null,
                new Action.Python(3, "busy_threads.py", List.of("1")), new Action.Wait(4, Action.Until.ROUND, null),
                new Action.Gil(5, true))));
        runner = new LessonRunner(lesson, supervisor, source, LessonRunner.Options.system().withPath("/nonexistent")).start();
        LessonView v = awaitPhase(1, LessonView.Phase.DONE);
        assertEquals(List.of("python3 is not on the PATH: busy_threads.py skipped"), v.notes(), "and nothing more: the wait had nothing to wait for");
        assertTrue(supervisor.gil().isEnabled(), "the lesson went on");
        assertTrue(supervisor.rounds().isEmpty(), "nothing started");
    }

    @Test
    void showCountsUpSoTheScreenOpensItOnce() throws InterruptedException {
        start(step("one", null, new Action.Show(3, Action.View.ROUNDS)), step("two", null, new Action.Show(4, Action.View.ROUND)));
        LessonView v = awaitPhase(1, LessonView.Phase.DONE);
        assertEquals(Action.View.ROUNDS, v.show());
        assertEquals(1, v.showSeq());
        runner.next();
        v = awaitPhase(2, LessonView.Phase.DONE);
        assertEquals(Action.View.ROUND, v.show());
        assertEquals(2, v.showSeq());
    }

    @Test
    void aRefusedStartIsANoteAndTheLessonGoesOn() throws InterruptedException {
        start(step("one", null, start(1, "sleep duration=10ms"), new Action.Baseline(4),
                new Action.Start(5, Count.of(1), WorkerKind.THREAD, Workloads.parse(WorkloadSpec.parse("sleep duration=10ms")), false)));
        awaitPhase(1, LessonView.Phase.DONE);
        assertEquals(supervisor.rounds().get(0).id(), supervisor.baseline(), "baseline: the step's latest round");
        runner.close();
        try (Supervisor small = new Supervisor(new Limits(2, 3, Duration.ofSeconds(1)), false)) {
            Lesson lesson = new Lesson("t", "T", "", "t.yaml", List.of(step("one", null, new Action.Start(3, Count.of(4),
                    WorkerKind.THREAD, Workloads.parse(WorkloadSpec.parse("sleep duration=10ms")), false), new Action.Gil(4, true))));
            runner = new LessonRunner(lesson, small, source, LessonRunner.Options.system()).start();
            LessonView v = awaitPhase(1, LessonView.Phase.DONE);
            assertTrue(small.gil().isEnabled(), "went on");
            assertEquals(1, v.notes().size(), v.notes().toString());
            assertTrue(v.notes().get(0).startsWith("start (line 3): 3 of 4 started: "), v.notes().toString());
            runner.close();
        }
    }
}
