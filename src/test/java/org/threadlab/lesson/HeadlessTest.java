package org.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.lab.Outcomes;
import org.threadlab.model.ModelHub;
import org.threadlab.model.SnapshotSource;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** A tiny lesson run headless against a real supervisor and model: what it prints and what it keeps. */
class HeadlessTest {

    private static Action.Start start(int n, String spec) {
        return new Action.Start(3, Count.of(n), WorkerKind.THREAD, Workloads.parse(WorkloadSpec.parse(spec)), false);
    }

    @Test
    void aRoundsLineSaysItsPeakMemoryAndOsThreadsWhenMeasured() {
        // the cheap-threads lesson asks the class to compare them: the rehearsal must print them
        org.threadlab.worker.RoundInfo info = new org.threadlab.worker.RoundInfo(2, WorkerKind.PROCESS, "sleep", "duration=4s", 2, 2,
                false, false, java.time.Instant.EPOCH);
        org.threadlab.model.Round r = new org.threadlab.model.Round(info, java.time.Instant.EPOCH.plusSeconds(4), Duration.ofMillis(4510),
                180_000_000L, 0.04, 1.9, 2, 2, 0, 0, 80L * 1024 * 1024, 42, 0, Double.NaN, "2 processes: 0.0 of 2 cores busy");
        assertEquals(List.of("#2 2 processes sleep duration=4s: 4.51s wall, 0.18s CPU, 0.04 of 2 cores busy, peak 80M memory, 42 OS threads",
                "   2 processes: 0.0 of 2 cores busy"), Headless.describe(r));
        org.threadlab.model.Round unmeasured = new org.threadlab.model.Round(info, java.time.Instant.EPOCH.plusSeconds(4),
                Duration.ofMillis(4510), 180_000_000L, 0.04, 1.9, 2, 2, 0, 0, -1, -1, 0, Double.NaN, null);
        assertEquals(List.of("#2 2 processes sleep duration=4s: 4.51s wall, 0.18s CPU, 0.04 of 2 cores busy"), Headless.describe(unmeasured));
    }

    @Test
    void printsNarrationQuestionOutcomesAndAnswerAndPressesSpaceEverywhere() {
        Lesson lesson = new Lesson("tiny", "A tiny lesson", "Two steps, quickly.", "tiny.yaml", List.of(
                new Step(1, "Sleepers", "Two threads sleep.\nTogether.", new Step.Question(2, "How long?", "As long as one."),
                        List.of(start(2, "sleep duration=200ms"), new Action.Wait(4, Action.Until.ROUND, null),
                                new Action.Wait(5, Action.Until.KEY, null))),
                new Step(6, "Counter", "Two threads count without a lock.", null,
                        List.of(start(2, "counter mode=unsafe increments=20000"), new Action.Join(8, Action.Target.ROUND),
                                new Action.Python(9, "busy_threads.py", List.of("1"))))));
        StringWriter text = new StringWriter();
        LessonResult result;
        try (Supervisor supervisor = new Supervisor(Limits.DEFAULT, false);
             SnapshotSource source = ModelHub.start(new Sampler(Duration.ofMillis(200)), supervisor)) {
            Outcomes outcomes = Outcomes.watch(supervisor);
            result = Headless.run(lesson, supervisor, source, outcomes,
                    LessonRunner.Options.system().withPath("/nonexistent"), new PrintWriter(text));
            assertTrue(supervisor.workers().stream().allMatch(w -> w.state() == WorkerState.FINISHED), supervisor.workers().toString());
        }
        String out = text.toString();
        assertTrue(result.complete());
        assertEquals(2, result.steps().size());
        List<String> expectedInOrder = List.of("A tiny lesson", "Two steps, quickly.", "Step 1 of 2: Sleepers", "  Two threads sleep.",
                "  Together.", "  Ask the class: How long?", "#1 2 threads sleep", "  Answer: As long as one.",
                "Step 2 of 2: Counter", "  note: python3 is not on the PATH: busy_threads.py skipped",
                "#2 2 threads counter", "  outcome: counter, 2 threads, unsafe: expected 40000", "The lesson is over.");
        int at = 0;
        for (String s : expectedInOrder) {
            int i = out.indexOf(s, at);
            assertTrue(i >= 0, "\"" + s + "\" after position " + at + " in:\n" + out);
            at = i + s.length();
        }
        // each round's figures were final when printed: the wait for them ended with the model that settled them
        assertTrue(!out.contains("did not settle"), out);
        assertTrue(result.step(1).rounds().stream().allMatch(r -> r.verdict() != null), out);
        assertEquals(1, result.step(2).outcomes().size(), out);
        assertTrue(result.step(2).outcomes().get(0).startsWith("counter, 2 threads, unsafe: expected 40000"));
        assertEquals(List.of("python3 is not on the PATH: busy_threads.py skipped"), result.step(2).notes());
        String json = org.threadlab.text.Json.write(result.toJson());
        assertTrue(json.startsWith("{\"lesson\":\"tiny\",\"complete\":true,\"steps\":[{\"step\":1,\"title\":\"Sleepers\""), json);
        assertTrue(json.contains("\"outcomes\":[\"counter, 2 threads, unsafe: expected 40000"), json);
    }
}
