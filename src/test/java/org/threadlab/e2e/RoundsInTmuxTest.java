package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A round on the real screen, as a class sees it: {@code 2t} of a short cpu workload shows the big
 * timer while it runs, then the round's result without a key, then R lists it in the rounds pane.
 */
class RoundsInTmuxTest {
    /** The big timer's top line: the panel's border, the digits' top row in full blocks, then what they count. */
    private static final Pattern DIGITS = Pattern.compile("(?m)│ +█[█ ]* +seconds *$");

    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }


    @Test
    void aRoundShowsItsTimerThenItsResultThenTheRoundsPane() throws Exception {
        String cmd = Jar.java() + " -jar " + Jar.JAR + " --interval 200ms; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 40, cmd)) {
            t.await(x -> x.contains("no threads yet"), 20_000);
            // workload: cpu units=3 (about 3 s of a core each), typed into the w dialog's parameters
            t.keys("w");
            t.await(x -> x.contains("Workload for the next starts"), 5_000);
            for (int i = 0; i < 30; i++) {
                t.keys("BSpace");
            }
            t.type("units=3");
            t.keys("Enter");
            t.await(x -> x.contains("workload: cpu units=3"), 5_000);

            t.type("2t");
            String s = t.await(x -> x.contains("Round #1 running: 2 threads cpu units=3") && DIGITS.matcher(x).find(), 20_000);
            assertTrue(s.contains("seconds"), s);
            // while it runs, its CPU and cores busy so far from the ticks, not "-" until the end
            s = t.await(x -> x.contains("Round #1 ended") || Pattern.compile("cpu so far \\d+\\.\\d s").matcher(x).find()
                    && Pattern.compile("cores busy \\d\\.\\d").matcher(x).find(), 20_000);
            assertTrue(s.contains("Round #1 running"), "the round ended before its figures so far showed\n" + s);

            s = t.await(x -> x.contains("Round #1 ended: 2 threads cpu units=3"), 60_000);
            assertTrue(!s.contains("Round #1 running"), "the timer is gone once the round ends\n" + s);
            assertTrue(Pattern.compile("wall \\d+\\.\\d s, cpu \\d+\\.\\d s, \\d\\.\\d of \\d cores busy").matcher(s).find(), s);

            t.type("R");
            s = t.await(x -> x.contains("> Rounds (1)"), 5_000);
            assertTrue(Pattern.compile("#1 +2 threads cpu units=3(\\.0)? +█+ +\\d+\\.\\d s").matcher(s).find(), s);
            t.keys("Escape");
            t.await(x -> !x.contains("> Rounds (1)") && x.contains("Threads in pid"), 5_000);

            t.type("q");
            s = t.await(x -> x.contains("EXITED"), 20_000);
            assertTrue(s.contains("EXITED 0"), s);
        }
    }
}
