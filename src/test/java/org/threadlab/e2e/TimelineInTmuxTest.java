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
 * The timeline pane on the real screen, as a class sees it: two CPU threads under the simulated GIL,
 * {@code T} shows both lanes taking turns (holding and waiting for the GIL alternate along each row),
 * the rows of the cores, the legend and the honesty note; {@code ]} makes the slices coarser, as the
 * title says; Esc gives the tables back; q quits and nothing started is left.
 */
class TimelineInTmuxTest {
    /** A lane of a worker thread: its key, {@code #id name}, then its cells. */
    private static final Pattern LANE = Pattern.compile("(?m)^ ([AB]) #\\d+ cpu-\\d+ +(\\S.*)$");
    private static final Pattern TITLE = Pattern.compile("> Timeline +(\\d+m?s) a column");
    private static final char HELD = '▓';
    private static final char WAITING = '=';

    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }


    @Test
    void twoThreadsTakeTurnsOnTheGilInThePane() throws Exception {
        String cmd = Jar.java() + " -jar " + Jar.JAR + " --gil --interval 200ms; echo EXITED $?; sleep 60";
        try (Tmux t = Tmux.start(120, 40, cmd)) {
            t.await("the empty screen", x -> x.contains("no threads yet"), 20_000);
            // cpu units=40: the pair works on under the GIL for the whole test, even beside two hogs
            t.keys("w");
            t.await("the workload dialog", x -> x.contains("Workload for the next starts"), 5_000);
            for (int i = 0; i < 30; i++) {
                t.keys("BSpace");
            }
            t.type("units=40");
            t.keys("Enter");
            t.await("the workload set", x -> x.contains("workload: cpu units=40"), 5_000);
            t.type("2t");
            t.await("two threads running", x -> Pattern.compile("cpu-2\\s").matcher(x).find() && x.contains("GIL ON"), 20_000);
            long threadlab = ProcessHandle.of(t.panePid()).orElseThrow().children()
                    .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();

            t.type("T");
            String s = t.await("both lanes taking turns on the GIL", TimelineInTmuxTest::bothLanesTakeTurns, 30_000);
            Matcher title = TITLE.matcher(s);
            assertTrue(title.find(), s);
            String before = title.group(1);
            assertEquals("20ms", before, "the default slice\n" + s);
            // the cores' rows, each core named, and the holder's key on one of them somewhere
            assertTrue(Pattern.compile("(?m)^ +cpu0( |$)").matcher(s).find() && Pattern.compile("(?m)^ +cpu1( |$)").matcher(s).find(),
                    "a row per core\n" + s);
            assertTrue(Pattern.compile("(?m)^ +cpu\\d+ .*[AB]").matcher(s).find(), "a GIL holder shown on a core\n" + s);
            assertTrue(s.contains(HELD + " holding the GIL") && s.contains(WAITING + " waiting for the GIL"), "the legend\n" + s);
            assertTrue(s.contains("20 ms slices") && s.contains("GIL exact"), "the honesty note\n" + s);
            assertTrue(!s.contains("Threads in pid"), "the pane is in the tables' place\n" + s);

            t.type("]");
            s = t.await("a coarser slice in the title", x -> x.contains("> Timeline  50ms a column"), 10_000);
            assertTrue(s.contains("50 ms slices"), "the note follows the slice\n" + s);

            t.keys("Escape");
            s = t.await("the tables back", x -> !x.contains("> Timeline") && x.contains("Threads in pid"), 10_000);

            t.type("q");
            s = t.await("quit, or its question", x -> x.contains("EXITED") || x.contains("k kill them"), 20_000);
            if (!s.contains("EXITED")) {
                t.type("k");
                s = t.await("the exit", x -> x.contains("EXITED"), 30_000);
            }
            assertTrue(s.contains("EXITED 0"), s);
            assertTrue(Jar.millisUntilGone(List.of(threadlab), 10_000) >= 0, "threadlab has exited");
            List<ProcessHandle> left = ProcessHandle.of(t.panePid()).orElseThrow().descendants()
                    .filter(p -> !Jar.cmdline(p.pid()).startsWith("sleep ")).toList();
            assertTrue(left.isEmpty(), "nothing left but the pane's sleep: "
                    + left.stream().map(p -> p.pid() + " " + Jar.cmdline(p.pid())).toList());
        }
    }

    /**
     * Both lanes on show, each with holding and waiting both there and taking turns: at least three
     * runs of holding separated by something else along the row (one thread holding throughout, or
     * waiting throughout, is what a broken GIL or lane would draw).
     */
    static boolean bothLanesTakeTurns(String screen) {
        Matcher m = LANE.matcher(screen);
        int good = 0;
        while (m.find()) {
            String cells = m.group(2);
            if (cells.indexOf(WAITING) >= 0 && runs(cells, HELD) >= 3) {
                good++;
            }
        }
        return good == 2;
    }

    /** How many separate runs of {@code c} the row has. */
    static int runs(String row, char c) {
        int n = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == c && (i == 0 || row.charAt(i - 1) != c)) {
                n++;
            }
        }
        return n;
    }
}
