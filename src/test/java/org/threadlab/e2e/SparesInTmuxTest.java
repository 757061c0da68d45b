package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code threadlab --spares 2} as a class sees it: the spares are shown with their PIDs, {@code p}
 * starts a process worker in one (the start event says so, and its PID is the spare's), the count
 * comes back with a new spare, and on quitting every spare is gone; killed, the same.
 */
class SparesInTmuxTest {
    private static final Pattern TWO = Pattern.compile("spares: pid (\\d+) \\S+, pid (\\d+) \\S+");

    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    private static String start() {
        return Jar.java() + " -jar " + Jar.JAR + " --spares 2 --interval 200ms; echo EXITED $?; sleep 60";
    }

    private static long threadlabPid(Tmux t) throws Exception {
        return ProcessHandle.of(t.panePid()).orElseThrow().children()
                .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();
    }

    @Test
    void aKeyStartsAProcessInASpareAndTheCountComesBack() throws Exception {
        try (Tmux t = Tmux.start(120, 40, start())) {
            String s = t.await(x -> x.contains("+ 2 spares ready") && TWO.matcher(x).find(), 60_000);
            Matcher m = TWO.matcher(s);
            assertTrue(m.find(), s);
            long first = Long.parseLong(m.group(1));
            long second = Long.parseLong(m.group(2));
            long pid = threadlabPid(t);
            assertTrue(Jar.workerChildren(pid).containsAll(List.of(first, second)), "the spares are threadlab's children");

            t.type("p");
            s = t.await(x -> x.contains("(pid " + first + ", a warm spare)"), 20_000);
            assertTrue(s.contains("Processes (1)"), s);
            // a new spare takes the place of the one used: two ready again, the second and a new one
            s = t.await(x -> {
                Matcher again = TWO.matcher(x);
                return x.contains("+ 2 spares ready") && again.find() && Long.parseLong(again.group(1)) == second;
            }, 60_000);
            Matcher after = TWO.matcher(s);
            assertTrue(after.find(), s);
            long replacement = Long.parseLong(after.group(2));
            assertNotEquals(first, replacement);
            List<Long> kids = Jar.workerChildren(pid);
            assertEquals(3, kids.size(), "the worker and two spares: " + kids);

            Jar.signal(pid, "KILL");
            t.await(x -> x.contains("EXITED"), 15_000);
            assertTrue(Jar.millisUntilGone(kids, 2000) >= 0, "children " + kids + " outlived SIGKILL");
        }
    }

    @Test
    void quittingLeavesNoSpare() throws Exception {
        try (Tmux t = Tmux.start(120, 40, start())) {
            t.await(x -> x.contains("+ 2 spares ready"), 60_000);
            List<Long> kids = Jar.workerChildren(threadlabPid(t));
            assertEquals(2, kids.size(), kids.toString());
            t.type("q");
            String s = t.await(x -> x.contains("EXITED"), 20_000);
            assertTrue(s.contains("EXITED 0"), s);
            assertTrue(Jar.millisUntilGone(kids, 2000) >= 0, "spares " + kids + " outlived quitting");
        }
    }
}
