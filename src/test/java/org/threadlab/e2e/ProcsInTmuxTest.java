package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The all-processes view ({@code a}) driving the packaged jar in tmux: a {@code sleep} the test starts is
 * found by the filter, and the tree (F5) puts threadlab's process worker under threadlab.
 */
class ProcsInTmuxTest {
    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    private static String start() {
        return Jar.java() + " -jar " + Jar.JAR + " --interval 200ms; echo EXITED $?; sleep 60";
    }

    private static long threadlabPid(Tmux t) throws Exception {
        return ProcessHandle.of(t.panePid()).orElseThrow().children()
                .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();
    }

    private static final java.util.regex.Pattern PID = java.util.regex.Pattern.compile("^[*+ ] *(\\d+) ");

    /** The screen's line that shows this PID in the view's PID column (after the mark). */
    private static String row(String screen, long pid) {
        for (String line : screen.split("\n")) {
            java.util.regex.Matcher m = PID.matcher(line);
            if (m.find() && m.group(1).equals(Long.toString(pid))) {
                return line;
            }
        }
        return null;
    }

    @Test
    void aSleepStartedByTheTestIsFoundByTheFilter() throws Exception {
        // a duration no other process on the machine has: what the filter looks for
        String marker = "3600." + (ProcessHandle.current().pid() % 1000);
        Process sleep = new ProcessBuilder("sleep", marker).start();
        try (Tmux t = Tmux.start(120, 40, start())) {
            t.await("the main screen", x -> x.contains("every 200ms"), 60_000);
            t.type("a");
            t.await("the view with its list", x -> x.contains("All processes  ") && x.contains("COMMAND"), 20_000);
            t.type("/");
            t.type(marker);
            t.keys("Enter");
            String s = t.await("the sleep's row", x -> row(x, sleep.pid()) != null, 20_000);
            String line = row(s, sleep.pid());
            assertTrue(line.contains("sleep " + marker), line);
            assertTrue(line.contains(System.getProperty("user.name").substring(0, Math.min(8, System.getProperty("user.name").length()))),
                    line);
            assertTrue(s.contains("All processes  1 of "), s);
            // Esc closes the view: the worker tables are back
            t.keys("Escape");
            t.await("the tables again", x -> x.contains("Processes (0)"), 20_000);
            t.type("q");
            t.await("threadlab ended", x -> x.contains("EXITED 0"), 20_000);
        } finally {
            sleep.destroy();
            sleep.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Issue 14's "Enter shows its thread", end to end: Enter on threadlab's own row is refused on the
     * status line and the view stays; Enter on a test-owned {@code sleep} found by the filter watches it,
     * the view closes, and the threads table shows the sleep's one thread (TID == PID) in state S.
     */
    @Test
    void enterWatchesTheSleepShowingItsThreadAndRefusesThreadlabItself() throws Exception {
        String marker = "3601." + (ProcessHandle.current().pid() % 1000);
        // threadlab's own command line gets a word no other process has, made by the shell (tmux's and
        // bash's command lines have it unexpanded): the filter leaves threadlab's row alone
        String self = "tlEnterSelf" + ProcessHandle.current().pid();
        Process sleep = new ProcessBuilder("sleep", marker).start();
        long pid = sleep.pid();
        try (Tmux t = Tmux.start(120, 40, "M=tlEnter; " + Jar.java() + " -D${M}Self" + ProcessHandle.current().pid()
                + "=1 -jar " + Jar.JAR
                + " --interval 200ms; echo EXITED $?; sleep 60")) {
            t.await("the main screen", x -> x.contains("every 200ms"), 60_000);
            long threadlab = threadlabPid(t);
            t.type("a");
            t.await("the view with its list", x -> x.contains("All processes  ") && x.contains("COMMAND"), 20_000);
            t.type("/");
            t.type(self);
            t.keys("Enter");
            t.await("threadlab's row alone", x -> row(x, threadlab) != null && x.contains("All processes  1 of "), 20_000);
            t.keys("Enter");
            String s = t.await("the refusal", x -> x.contains("cannot watch pid " + threadlab + ": pid " + threadlab
                    + " is threadlab itself"), 20_000);
            assertTrue(s.contains("All processes  1 of ") && row(s, threadlab) != null, "the view stays:\n" + s);

            // the filter again (Esc while typing clears it), now for the sleep
            t.type("/");
            t.keys("Escape");
            t.type("/");
            t.type(marker);
            t.keys("Enter");
            t.await("the sleep's row alone", x -> row(x, pid) != null && x.contains("All processes  1 of "), 20_000);
            t.keys("Enter");
            // the view closes onto the tables: the sleep's thread, TID == PID, asleep; the events say it is watched
            // (the kind column, "att", fits between tid and state where the PIDs are short)
            java.util.regex.Pattern thread = java.util.regex.Pattern.compile(
                    "(?m)^\\s*- sleep\\s+" + pid + "\\s+" + pid + "\\s+(att\\s+)?S\\s");
            s = t.await("the sleep's thread in state S", x -> !x.contains("All processes  ")
                    && x.contains("Threads in pid " + threadlab + ", " + pid) && thread.matcher(x).find(), 20_000);
            assertTrue(s.contains("watching pid " + pid + " (sleep)"), "said in the events:\n" + s);
            assertTrue(sleep.isAlive(), "watched, untouched");
            t.type("q");
            t.await("threadlab ended", x -> x.contains("EXITED 0"), 20_000);
            assertTrue(sleep.isAlive(), "quitting leaves an attached process alone");
        } finally {
            sleep.destroy();
            sleep.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theTreePutsThreadlabsProcessWorkerUnderThreadlab() throws Exception {
        try (Tmux t = Tmux.start(160, 40, start())) {
            t.await("the main screen", x -> x.contains("every 200ms"), 60_000);
            long self = threadlabPid(t);
            // a worker that outlives the test's look at it (killed on quitting): 300 s of CPU
            t.type("w");
            t.await("the workload dialog", x -> x.contains("units="), 20_000);
            t.keys("C-u");
            t.type("units=300");
            t.keys("Enter");
            t.await("the workload in use", x -> !x.contains("Workload for the next starts") && x.contains("units=300"), 20_000);
            t.type("p");
            t.await("a process worker", x -> x.contains("Processes (1)"), 60_000);
            List<Long> workers = Jar.awaitWorkers(self, 1);
            assertEquals(1, workers.size(), workers.toString());
            long worker = workers.get(0);
            t.type("a");
            t.keys("F5");
            t.type("/");
            t.type(Long.toString(worker));
            t.keys("Enter");
            String s = t.await("the worker under threadlab", x -> x.contains("All processes (tree)")
                    && row(x, worker) != null && row(x, self) != null, 20_000);
            List<String> lines = List.of(s.split("\n"));
            String top = row(s, self);
            String under = row(s, worker);
            assertTrue(lines.indexOf(under) > lines.indexOf(top), s);
            assertTrue(top.startsWith("*"), "threadlab is marked: " + top);
            assertTrue(under.startsWith("+"), "its child is marked: " + under);
            int command = s.lines().filter(l -> l.contains("COMMAND")).findFirst().orElseThrow().indexOf("COMMAND");
            String tail = under.substring(command);
            String selfTail = top.substring(command);
            // one level deeper than threadlab, with htop's glyph: it starts where threadlab's command does
            assertTrue(tail.matches("^[│ ]*└─ .*"), tail);
            assertEquals(selfTail.indexOf("─ ") + 2, tail.indexOf("└─ "), selfTail + "\n" + tail);
            t.type("q");
            t.await("the quit question", x -> x.contains("w wait for them") || x.contains("EXITED"), 20_000);
            t.type("k");
            t.await("threadlab ended", x -> x.contains("EXITED"), 30_000);
        }
    }
}
