package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C typed in a real terminal during {@code compare} and {@code run}: what was measured is
 * printed, marked incomplete, the progress line is ended, no child is left, and the exit code is 130.
 */
class CtrlCTest {
    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    private static String command(String args) {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return javaBin + " -jar " + Jar.JAR + " " + args + "; echo rc=$?; sleep 60";
    }

    private static long threadlabPid(Tmux t) throws Exception {
        return ProcessHandle.of(t.panePid()).orElseThrow().children()
                .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();
    }

    private static String awaitOrFail(Tmux t, String what, long millis) throws Exception {
        String s = t.await(x -> x.contains(what), millis);
        assertTrue(s.contains(what), "no '" + what + "' within " + millis + " ms:\n" + s);
        return s;
    }

    @Test
    void compareKeepsTheFinishedRowsAndExits130() throws Exception {
        try (Tmux t = Tmux.start(120, 40, command("compare --workers 2 --duration 1s --units 0.3 --workload sleep"))) {
            // the progress line says which run is under way: the third, after single and sequential
            awaitOrFail(t, "compare: sleep, threads (3 of", 30_000);
            t.keys("C-c");
            String s = awaitOrFail(t, "rc=", 20_000);
            assertTrue(s.contains("rc=130"), s);
            assertTrue(s.contains("INCOMPLETE: interrupted (Ctrl-C) after 2 of "), s);
            assertTrue(s.matches("(?s).*\\nsleep +single +1 .*\\n +sequential +2 .*"), "the two finished rows\n" + s);
            assertFalse(s.contains("threads+GIL"), s);
            List<String> lines = s.lines().toList();
            String progress = lines.stream().filter(l -> l.contains("compare: sleep, threads (3 of")).findFirst().orElseThrow();
            assertFalse(progress.contains("cores,"), "the progress line was ended before the table\n" + s);
        }
    }

    @Test
    void runPrintsTheSummaryStopsTheWorkersAndExits130() throws Exception {
        try (Tmux t = Tmux.start(120, 40, command("run sleep --as process --count 2 --duration 60s"))) {
            awaitOrFail(t, "started process sleep-2", 30_000);
            List<Long> kids = Jar.awaitWorkers(threadlabPid(t), 2);
            assertEquals(2, kids.size(), "two child workers");
            t.keys("C-c");
            String s = awaitOrFail(t, "rc=", 20_000);
            assertTrue(s.contains("rc=130"), s);
            assertTrue(s.matches("(?s).*\\n +1 +sleep-1 +process .*\\n +2 +sleep-2 +process .*"), "the summary table\n" + s);
            assertTrue(s.contains("(INCOMPLETE: interrupted by Ctrl-C; what still ran was stopped)"), s);
            assertTrue(Jar.millisUntilGone(kids, 5000) >= 0, "children " + kids + " outlived Ctrl-C");
        }
    }

    @Test
    void aHeadlessLessonKeepsWhatItPrintedStopsTheWorkersAndExits130(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("long.yaml");
        java.nio.file.Files.writeString(file, String.join("\n", "title: A long lesson", "steps:", "  - title: Long sleepers",
                "    say: Two processes sleep a minute.", "    do:", "      - start: 2 processes sleep duration=1m",
                "      - wait: round", ""));
        try (Tmux t = Tmux.start(120, 40, command("lesson " + file + " --headless"))) {
            awaitOrFail(t, "Two processes sleep a minute.", 30_000);
            List<Long> kids = Jar.awaitWorkers(threadlabPid(t), 2);
            assertEquals(2, kids.size(), "two child workers");
            t.keys("C-c");
            String s = awaitOrFail(t, "rc=", 20_000);
            assertTrue(s.contains("rc=130"), s);
            assertTrue(s.contains("Step 1 of 1: Long sleepers"), "what was printed stays\n" + s);
            assertTrue(s.contains("lesson INCOMPLETE: interrupted by Ctrl-C; what still ran was stopped"), s);
            // the terminal sends SIGINT to the children too (one process group): stopped either way
            assertTrue(s.matches("(?s).*\n +sleep-1 +process +(terminated|killed).*"), "the fates\n" + s);
            assertFalse(s.contains("not measured") || s.contains("The lesson is over"), "the cut step is not reported as done\n" + s);
            assertTrue(Jar.millisUntilGone(kids, 5000) >= 0, "children " + kids + " outlived Ctrl-C");
        }
    }
}
