package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real jar in a real terminal, driven by keys as a user would: spawn two threads and a process,
 * check the rows against /proc, join one worker, terminate another, quit, and check that no worker
 * is left and the terminal is back to normal.
 */
class UiInTmuxTest {
    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }


    @Test
    void spawnJoinTerminateQuit() throws Exception {
        String cmd = Jar.java() + " -jar " + Jar.JAR + " --interval 200ms; echo EXITED $?; stty -a; sleep 60";
        try (Tmux t = Tmux.start(120, 40, cmd)) {
            String s = t.await(x -> x.contains("no threads yet"), 20_000);
            assertTrue(s.contains("threadlab") && s.contains("?:help"), s);
            assertEquals("1", t.format("#{alternate_on}"), "the UI uses the alternate screen");

            // workload: sleep 30s (w, Up from cpu to sleep, edit "duration=2s")
            t.keys("w");
            t.await(x -> x.contains("Workload for the next starts"), 5_000);
            t.keys("Up");
            t.await(x -> x.contains("duration=2s"), 5_000);
            t.keys("BSpace", "BSpace");
            t.type("30s");
            t.keys("Enter");
            s = t.await(x -> x.contains("workload: sleep duration=30s"), 5_000);
            assertTrue(s.contains("workload: sleep duration=30s"), s);

            t.type("2t");
            t.type("p");
            s = t.await(x -> x.contains("sleep-1") && x.contains("sleep-2") && Pattern.compile("sleep-3\\s+\\d+").matcher(x).find(), 20_000);
            assertTrue(s.contains("sleep-1") && s.contains("sleep-2"), s);

            // the process row's pid is a real process whose parent is threadlab
            Matcher m = Pattern.compile("sleep-3\\s+(\\d+)").matcher(s);
            assertTrue(m.find(), s);
            long childPid = Long.parseLong(m.group(1));
            long threadlabPid = ProcessHandle.of(t.panePid()).orElseThrow().children()
                    .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();
            assertEquals(threadlabPid, ProcessHandle.of(childPid).orElseThrow().parent().orElseThrow().pid());
            assertTrue(Jar.cmdline(childPid).contains("-Dthreadlab.worker=3"), Jar.cmdline(childPid));

            // join: a short sleeper, selected with End, joined with j
            t.keys("w");
            t.await(x -> x.contains("duration=30s"), 5_000);
            t.keys("BSpace", "BSpace", "BSpace");
            t.type("1s");
            t.keys("Enter");
            t.await(x -> x.contains("workload: sleep duration=1s"), 5_000);
            t.type("t");
            t.await(x -> x.contains("sleep-4"), 10_000);
            t.keys("End");
            t.type("j");
            s = t.await(x -> x.contains("joined sleep-4 after"), 15_000);
            assertTrue(s.contains("joined sleep-4 after"), s);

            // terminate the process: Tab to the processes table, k
            t.keys("Tab");
            t.type("k");
            s = t.await(x -> x.contains("sleep-3 terminated by SIGTERM"), 15_000);
            assertTrue(s.contains("sleep-3 terminated by SIGTERM"), s);
            assertTrue(Jar.millisUntilGone(List.of(childPid), 3_000) >= 0, "the terminated child is gone");

            // quit: two non-daemon threads still sleep, so it asks; k kills them
            t.type("q");
            s = t.await(x -> x.contains("non-daemon workers are still running"), 5_000);
            assertTrue(s.contains("w wait for them"), s);
            t.type("k");
            s = t.await(x -> x.contains("EXITED") && x.contains("icanon")  /* stty has printed too */, 20_000);
            assertTrue(s.contains("EXITED 0"), s);
            // what became of every worker stays on the terminal once the screen is gone
            assertTrue(s.contains("threadlab: what became of the 4 workers started"), s);
            assertTrue(Pattern.compile("sleep-3 +process +terminated by SIGTERM after").matcher(s).find(), s);
            assertTrue(Pattern.compile("sleep-4 +thread +finished after [^\\n]*; joined").matcher(s).find(), s);
            // and the session's rounds side by side (2t, p, t): the last one slept its 1s
            assertTrue(s.contains("threadlab: the session's 3 rounds"), s);
            assertTrue(Pattern.compile("#3 +1 thread sleep duration=1s +1\\.\\d\\ds ").matcher(s).find(), s);
            assertEquals("0", t.format("#{alternate_on}"), "back on the main screen");
            assertEquals("1", t.format("#{cursor_flag}"), "the cursor is visible again");
            assertTrue(s.contains(" icanon") && !s.contains("-icanon"), "line mode restored:\n" + s);
            assertTrue(s.contains(" echo ") && !s.contains("-echo "), "echo restored:\n" + s);
            assertTrue(Jar.millisUntilGone(List.of(threadlabPid), 3_000) >= 0, "threadlab has exited");
            assertTrue(Jar.workerChildren(threadlabPid).isEmpty());
        }
    }

    @Test
    void refusesATerminalThatIsTooSmallOrDumb() throws Exception {
        String small = Jar.java() + " -jar " + Jar.JAR + "; echo EXITED $?; sleep 30";
        try (Tmux t = Tmux.start(60, 20, small)) {
            String s = t.await(x -> x.contains("EXITED"), 20_000);
            assertTrue(s.contains("EXITED 2"), s);
            assertTrue(s.contains("80x24"), s);
        }
        String dumb = "TERM=dumb " + Jar.java() + " -jar " + Jar.JAR + "; echo EXITED $?; sleep 30";
        try (Tmux t = Tmux.start(120, 40, dumb)) {
            String s = t.await(x -> x.contains("EXITED"), 20_000);
            assertTrue(s.contains("EXITED 2") && s.contains("dumb"), s);
        }
    }
}
