package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher's lesson from the jar in a real terminal: step through it by keys, reveal an answer with
 * a, see the narration change, quit with q, and nothing is left running.
 */
class LessonInTmuxTest {
    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    private static final String LESSON = String.join("\n",
            "title: Tmux lesson",
            "about: Two short steps.",
            "steps:",
            "  - title: Sleepers first",
            "    say: Two threads sleep a moment.",
            "    ask: Twice as long as one?",
            "    answer: No, waits overlap.",
            "    do:",
            "      - start: 2 threads sleep duration=300ms",
            "      - wait: round",
            "  - title: Then a process",
            "    say: One process sleeps on.",
            "    do:",
            "      - start: 1 process sleep duration=1m",
            "      - wait: key",
            "");

    @Test
    void stepThroughAnswerAndQuit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tmux.yaml");
        Files.writeString(file, LESSON);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = java + " -jar " + Jar.JAR + " lesson " + file + " --interval 200ms; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 40, cmd)) {
            String s = t.await("the first step's question", x -> x.contains("Sleepers first") && x.contains("Twice as long as one?"), 20_000);
            assertTrue(s.contains("Two threads sleep a moment."), s);
            assertTrue(!s.contains("No, waits overlap."), "the answer waits for its key:\n" + s);
            t.type("a");
            s = t.await("the answer", x -> x.contains("No, waits overlap."), 10_000);
            // Space runs the step: its two sleepers finish
            t.keys("Space");
            s = t.await("the step done", x -> x.contains("sleep-1") && x.contains("sleep-2") && x.contains("Space: next step"), 15_000);
            assertTrue(s.contains("No, waits overlap."), "the answer stays on show:\n" + s);
            // the answer is revealed: Space goes to the next step, which starts a process and waits for a key
            t.keys("Space");
            s = t.await("the second step", x -> x.contains("Then a process") && x.contains("One process sleeps on.")
                    && x.contains("Space: go on") && Pattern.compile("sleep-3\\s+\\d+").matcher(x).find(), 20_000);
            assertTrue(!s.contains("Twice as long as one?"), "the narration changed:\n" + s);
            long threadlabPid = ProcessHandle.of(t.panePid()).orElseThrow().children()
                    .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();
            List<Long> children = Jar.awaitWorkers(threadlabPid, 1);
            assertEquals(1, children.size(), "the lesson's process runs");
            // b back: the first step's narration again, not run again
            t.type("b");
            s = t.await("step one again", x -> x.contains("Sleepers first") && x.contains("Space: next step"), 10_000);
            assertTrue(s.contains("Step 1 of 2"), s);
            // quit: the process still sleeps, so it asks; k kills it
            t.type("q");
            t.await("the quit question", x -> x.contains("1 non-daemon worker is still running") && x.contains("k kill them"), 10_000);
            t.type("k");
            s = t.await("the exit", x -> x.contains("EXITED"), 20_000);
            assertTrue(s.contains("EXITED 0"), s);
            assertTrue(s.contains("threadlab: what became of the 3 workers started"), s);
            assertTrue(Jar.millisUntilGone(List.of(threadlabPid), 5_000) >= 0, "threadlab has exited");
            assertTrue(Jar.millisUntilGone(children, 5_000) >= 0, "no child left: " + children);
        }
    }
}
