package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * htop's habits on the packaged jar in a real terminal: the mouse captured (tmux's pane flags say
 * so), a click selecting a row, F9's signal menu sending TERM to a process worker (threadlab's own:
 * no question; the attach command is not on this branch) whose row ends, and the mouse released at
 * quit; with --no-mouse it is never captured.
 */
class SignalMenuInTmuxTest {
    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    private static String start(String flags) {
        return Jar.java() + " -jar " + Jar.JAR + " --interval 200ms " + flags + "; echo EXITED $?; sleep 60";
    }

    /**
     * A left click at a cell (0-based), as xterm's mode 1000 reports it: ESC [ M, then the button,
     * column and row, each plus 32 (and the column and row plus 1), each a UTF-8 character as mode
     * 1005 sends them (the same byte below column 95); then the release (button 3).
     */
    private static void click(Tmux t, int x, int y) throws Exception {
        String at = "" + (char) (32 + x + 1) + (char) (32 + y + 1);
        t.type("\u001b[M" + (char) 32 + at);
        t.type("\u001b[M" + (char) (32 + 3) + at);
    }

    /** Where {@code text} is on the screen: {x, y}. */
    private static int[] find(String screen, String text) {
        String[] lines = screen.split("\n", -1);
        for (int y = 0; y < lines.length; y++) {
            int x = lines[y].indexOf(text);
            if (x >= 0) {
                return new int[] {x, y};
            }
        }
        throw new AssertionError(text + " is not on the screen:\n" + screen);
    }

    @Test
    void aClickSelectsARowAndF9SendsTermToAProcessWorkerWhoseRowEnds() throws Exception {
        try (Tmux t = Tmux.start(120, 40, start(""))) {
            t.await(x -> x.contains("no threads yet"), 30_000);
            assertEquals("1", t.format("#{mouse_any_flag}"), "threadlab captures the mouse by default");
            assertEquals("1", t.format("#{mouse_utf8_flag}"), "positions as UTF-8 characters, so columns past 94 are read right");

            // workload: sleep 10m (w, Up from cpu to sleep, "duration=2s" made 10m)
            t.keys("w");
            t.await(x -> x.contains("Workload for the next starts"), 10_000);
            t.keys("Up");
            t.await(x -> x.contains("duration=2s"), 10_000);
            t.keys("BSpace", "BSpace");
            t.type("10m");
            t.keys("Enter");
            t.await(x -> x.contains("workload: sleep duration=10m"), 10_000);
            t.type("3t");
            t.type("p");
            String s = t.await("three threads and a process", x -> x.contains("sleep-3") && Pattern.compile("sleep-4\\s+\\d+").matcher(x).find(), 30_000);

            int[] row = find(s, "sleep-2 ");
            click(t, row[0] + 1, row[1]);
            t.await("the clicked row in the detail", x -> x.contains("Detail: sleep-2"), 10_000);
            // a click on the threads table's name header sorts by name, a second one reverses it
            int[] header = find(s, " name ");
            click(t, header[0] + 2, header[1]);
            t.await("sorted by name", x -> x.contains("sort name"), 10_000);
            click(t, header[0] + 2, header[1]);
            t.await("sorted by name, reversed", x -> x.contains("sort -name"), 10_000);

            Matcher m = Pattern.compile("sleep-4\\s+(\\d+)").matcher(s);
            assertTrue(m.find(), s);
            long pid = Long.parseLong(m.group(1));
            int[] proc = find(s, "sleep-4 ");
            // on the right of the row, past column 94: a position only mode 1005 (UTF-8, asserted above) brings in one piece
            click(t, 110, proc[1]);
            t.await("the process row in the detail", x -> x.contains("Detail: sleep-4"), 10_000);
            t.keys("F9");
            s = t.await("the signal menu", x -> x.contains("Send signal to sleep-4 (PID " + pid + ")"), 10_000);
            assertTrue(s.contains("15 TERM") && s.contains("19 STOP") && s.contains("10 USR1"), s);
            t.keys("Enter");
            t.await("the process's row ended", x -> Pattern.compile("sleep-4\\s+" + pid + ".*\\bTERM\\b").matcher(x).find(), 30_000);
            assertTrue(Jar.millisUntilGone(java.util.List.of(pid), 20_000) >= 0, "PID " + pid + " outlived the TERM");

            t.type("q");
            t.await(x -> x.contains("k kill them"), 10_000);
            t.type("k");
            s = t.await(x -> x.contains("EXITED"), 30_000);
            assertEquals("0", t.format("#{mouse_any_flag}"), "the mouse is the terminal's again after quit");
            assertEquals("0", t.format("#{mouse_utf8_flag}"));
            assertEquals("0", t.format("#{alternate_on}"));
        }
    }

    @Test
    void noMouseLeavesTheTerminalItsOwnSelection() throws Exception {
        try (Tmux t = Tmux.start(120, 40, start("--no-mouse"))) {
            t.await(x -> x.contains("no threads yet"), 30_000);
            assertEquals("0", t.format("#{mouse_any_flag}"), "--no-mouse: never captured");
            t.type("q");
            t.await(x -> x.contains("EXITED 0"), 30_000);
        }
    }
}
