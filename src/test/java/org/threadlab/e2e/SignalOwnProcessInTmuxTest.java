package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, end to end on the packaged jar in tmux: the signal menu sends TERM to a {@code sleep} the
 * test started (a process threadlab did not start) only after the user says y, both from an attached
 * row ({@code threadlab attach PID}: its row then ends, EXIT) and from the all-processes view (its row
 * goes); and the mouse in that view: a click on a column header sorts by it (again: reversed), a click
 * on a row selects that process, which F9 then names.
 */
class SignalOwnProcessInTmuxTest {
    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    /** A duration no other process on the machine has (GNU sleep takes fractions): what the filter looks for. */
    private static final String MARKER = "3601." + (ProcessHandle.current().pid() % 1000);

    private static String threadlab(String args) {
        return Jar.java() + " -jar " + Jar.JAR + " " + args + " --interval 200ms; echo EXITED $?; sleep 60";
    }

    private static boolean inProc(long pid) {
        return Files.isDirectory(Path.of("/proc", Long.toString(pid)));
    }

    /** The process ended by SIGTERM (the shell's 128 + 15 as Java reports it), and /proc no longer has it. */
    private static void assertTerminated(Process p) throws InterruptedException {
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "PID " + p.pid() + " outlived the TERM");
        assertEquals(143, p.exitValue(), "PID " + p.pid() + " ended by SIGTERM");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inProc(p.pid())) {
            assertTrue(System.nanoTime() < deadline, "/proc/" + p.pid() + " still there after it was reaped");
            Thread.sleep(20);
        }
    }

    /** The menu opened on PID {@code pid}, TERM chosen: Enter asks first, and n sends nothing. */
    private static void askedThenRefused(Tmux t, long pid, String name, Process target) throws Exception {
        t.await("the signal menu", x -> x.contains("15 TERM") && x.contains("PID " + pid), 10_000);
        t.keys("Enter");
        String question = "send TERM to PID " + pid + " (" + name;
        String s = t.await("the question", x -> x.contains(question) && x.contains("? y/n"), 10_000);
        assertTrue(target.isAlive(), "nothing is sent before y\n" + s);
        t.type("n");
        t.await("the refusal said", x -> x.contains("no signal sent") && !x.contains(question), 10_000);
        assertTrue(target.isAlive() && inProc(pid), "n sent nothing");
        // the process is still there a tick later (a signal in flight would have ended it by now)
        t.await("a later frame", x -> x.contains("no signal sent"), 10_000);
        assertFalse(target.waitFor(600, TimeUnit.MILLISECONDS), "n sent nothing: the process lives on");
    }

    @Test
    void anAttachedSleepGetsTermOnlyAfterYAndItsRowEnds() throws Exception {
        Process target = new ProcessBuilder("sleep", "300").start();
        long pid = target.pid();
        try (Tmux t = Tmux.start(120, 40, threadlab("attach " + pid))) {
            t.await("the attached row", x -> Pattern.compile("sleep\\s+" + pid + "\\s+" + pid + " S ").matcher(x).find(), 30_000);
            t.keys("F9");
            askedThenRefused(t, pid, "sleep", target);

            t.keys("F9");
            t.await("the signal menu again", x -> x.contains("15 TERM") && x.contains("PID " + pid), 10_000);
            t.keys("Enter");
            t.await("the question again", x -> x.contains("send TERM to PID " + pid + " (sleep)? y/n"), 10_000);
            t.type("y");
            assertTerminated(target);
            String s = t.await("its row ended", x -> Pattern.compile(pid + "\\s+" + pid + " EXIT ").matcher(x).find()
                    && x.contains("pid " + pid + " (sleep) exited"), 15_000);
            assertFalse(Pattern.compile(pid + "\\s+" + pid + " S ").matcher(s).find(), s);

            t.type("q");
            t.await("the exit", x -> x.contains("EXITED 0"), 15_000);
        } finally {
            target.destroyForcibly();
        }
    }

    /** The screen's line that shows this PID in the view's PID column (after the mark). */
    private static String row(String screen, long pid) {
        Pattern p = Pattern.compile("^[*+ ] *" + pid + " ");
        return screen.lines().filter(l -> p.matcher(l).find()).findFirst().orElse(null);
    }

    private static void openViewFilteredTo(Tmux t, String text) throws Exception {
        t.await("the main screen", x -> x.contains("every 200ms"), 60_000);
        t.type("a");
        t.await("the view with its list", x -> x.contains("All processes  ") && x.contains("COMMAND"), 20_000);
        t.type("/");
        t.type(text);
        t.keys("Enter");
    }

    @Test
    void inTheAllProcessesViewKAsksThenTermEndsTheSleep() throws Exception {
        String duration = MARKER + "1";
        Process target = new ProcessBuilder("sleep", duration).start();
        long pid = target.pid();
        try (Tmux t = Tmux.start(120, 40, threadlab(""))) {
            openViewFilteredTo(t, duration);
            t.await("the sleep's row", x -> row(x, pid) != null && x.contains("All processes  1 of "), 20_000);
            t.type("k");
            askedThenRefused(t, pid, "sleep " + duration, target);

            t.keys("F9");
            t.await("the signal menu again", x -> x.contains("15 TERM") && x.contains("PID " + pid), 10_000);
            t.keys("Enter");
            t.await("the question again", x -> x.contains("send TERM to PID " + pid + " (sleep " + duration), 10_000);
            t.type("y");
            assertTerminated(target);
            String s = t.await("its row gone", x -> row(x, pid) == null && x.contains("no process matches '" + duration + "'"), 15_000);
            assertTrue(s.contains("All processes"), s);

            t.type("q");
            t.await("the exit", x -> x.contains("EXITED 0"), 15_000);
        } finally {
            target.destroyForcibly();
        }
    }

    /**
     * A left click at a cell (0-based), as xterm's mode 1000 reports it: ESC [ M, then the button,
     * column and row, each plus 32 (and the column and row plus 1); then the release (button 3).
     */
    private static void click(Tmux t, int x, int y) throws Exception {
        String at = "" + (char) (32 + x + 1) + (char) (32 + y + 1);
        t.type("\u001b[M" + (char) 32 + at);
        t.type("\u001b[M" + (char) (32 + 3) + at);
    }

    private static int lineOf(String screen, String line) {
        return List.of(screen.split("\n", -1)).indexOf(line);
    }

    @Test
    void inTheAllProcessesViewAClickSortsByAHeaderAndSelectsARow() throws Exception {
        Process first = new ProcessBuilder("sleep", MARKER + "1").start();
        Process second = new ProcessBuilder("sleep", MARKER + "2").start();
        long a = first.pid();
        long b = second.pid();
        try (Tmux t = Tmux.start(120, 40, threadlab(""))) {
            openViewFilteredTo(t, MARKER);
            String s = t.await("both sleeps", x -> row(x, a) != null && row(x, b) != null && x.contains("All processes  2 of "), 20_000);
            // the PID header: sorted by PID, smaller first; again: reversed
            String header = s.lines().filter(l -> l.contains("COMMAND") && l.contains("PID")).findFirst().orElseThrow();
            int headerY = lineOf(s, header);
            int pidX = header.indexOf("PID");
            click(t, pidX + 1, headerY);
            s = t.await("sorted by PID", x -> x.contains("by PID  ") && row(x, a) != null && row(x, b) != null, 10_000);
            long low = Math.min(a, b);
            long high = Math.max(a, b);
            assertTrue(lineOf(s, row(s, low)) < lineOf(s, row(s, high)), s);
            click(t, pidX + 1, headerY);
            s = t.await("sorted by PID, reversed", x -> x.contains("by PID reversed") && row(x, a) != null && row(x, b) != null, 10_000);
            assertTrue(lineOf(s, row(s, high)) < lineOf(s, row(s, low)), s);

            // a click on the second row (the lower PID, now under the higher) selects it: F9 names it
            click(t, 30, lineOf(s, row(s, low)));
            t.keys("F9");
            s = t.await("the menu on the clicked process", x -> x.contains("15 TERM"), 10_000);
            assertTrue(s.contains("PID " + low) && !s.contains("PID " + high), s);
            t.keys("Escape");
            t.await("the menu closed", x -> x.contains("no signal sent"), 10_000);
            assertTrue(first.isAlive() && second.isAlive(), "nothing was sent");

            t.type("q");
            t.await("the exit", x -> x.contains("EXITED 0"), 15_000);
        } finally {
            first.destroyForcibly();
            second.destroyForcibly();
        }
    }
}
