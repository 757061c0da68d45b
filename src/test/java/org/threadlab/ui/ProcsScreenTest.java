package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The all-processes view drawn on Lanterna's virtual terminal. */
class ProcsScreenTest {
    static String screen(int cols, int rows, UiState st, boolean ascii) throws IOException {
        return RoundFixtures.screen(cols, rows, Fixtures.snapshot().withTable(ProcsFixtures.table()), st, new Theme(ascii, true));
    }

    static UiState open() {
        UiState st = new UiState(Duration.ofSeconds(1));
        st.procs.open = true;
        return st;
    }

    @Test
    void wholeScreenAt80x24() throws IOException {
        // the header and meters stay; the list takes everything down to the status line; the footer has its keys
        assertEquals("""
                 labhost  up 0:12:00  load 1.20  GIL off  workers 3/5  every 1s          ?:help
                cpu0 [          0%] cpu1 [||       13%] cpu2 [|||      25%] cpu3 [|||||    38%]
                cpu4 [||||||   50%] cpu5 [|||||||| 63%] cpu6 [|||||||||75%] cpu7 [|||||||||88%]
                mem [|||           3.1G/22G]  threadlab pid 4242  rss 61M  threads 23  cpu 99.5%
                ─ All processes  11  by CPU%  * threadlab + under it ───────────────────────────
                     PID USER     S THR  CPU%    RSS COMMAND
                +   4311 teacher  R   1 100.0   8.8M python3 -c while True: pass
                +   4301 teacher  R   4  99.1    38M /usr/lib/jvm/java-17/bin/java -cp target/t…
                *   4242 teacher  S  27   2.5    61M /usr/lib/jvm/java-17/bin/java -XX:+UseSeri…
                      37 root     I   1   0.3     0B kworker/0:1-events
                       1 root     S   1   0.0    12M /sbin/init splash
                       2 root     S   1   0.0     0B kthreadd
                     800 root     S   1   0.0   7.6M sshd: /usr/sbin/sshd -D [listener] 0 of 10…
                     900 teacher  S   1   0.0   5.0M -bash
                +   4310 teacher  S   2   0.0    30M /usr/lib/jvm/java-17/bin/java -cp target/t…
                 1234567 pupil-w… Z   1   0.0     0B defunct
                    5000 teacher  S   1        1000K sleep 600





                                                                                   workload: cpu
                Esc close s sort I reverse / filter F3 search n next F5 tree      ? help  q quit""",
                screen(80, 24, open(), false));
    }

    @Test
    void theTreeAt80x24() throws IOException {
        UiState st = open();
        st.procs.tree = true;
        String[] lines = screen(80, 24, st, false).split("\n");
        assertEquals("─ All processes (tree)  11  by CPU%  * threadlab + under it ────────────────────", lines[4]);
        assertEquals("*   4242 teacher  S  27   2.5    61M │     ├─ /usr/lib/jvm/java-17/bin/java -XX…", lines[9]);
        assertEquals("+   4311 teacher  R   1 100.0   8.8M │     │     └─ python3 -c while True: pass", lines[12]);
    }

    @Test
    void asciiTreeAndWideColumnsAt200x60() throws IOException {
        UiState st = open();
        st.procs.tree = true;
        String[] lines = screen(200, 60, st, true).split("\n");
        int header = 0;
        while (!lines[header].contains("PID USER")) {
            header++;
        }
        assertEquals("     PID USER         S THR  CPU%    RSS COMMAND", lines[header]);
        assertEquals(" 1234567 pupil-with-~ Z   1   0.0     0B `- defunct", lines[header + 9]);
        assertEquals("+   4301 teacher      R   4  99.1    38M |     |  |- /usr/lib/jvm/java-17/bin/java -cp target/threadlab.jar "
                + "org.threadlab.worker.child.ChildMain", lines[header + 5]);
    }

    @Test
    void aBigPidIsNeverCut() throws IOException {
        UiState st = open();
        st.procs.sort = ProcColumn.PID;
        st.procs.reversed = true;
        String[] lines = screen(80, 24, st, false).split("\n");
        assertTrue(lines[6].startsWith(" 1234567 "), lines[6]);
    }

    @Test
    void beforeTheFirstListAndWhenNothingMatches() throws IOException {
        UiState st = open();
        String first = RoundFixtures.screen(80, 24, Fixtures.snapshot(), st, new Theme(false, true));
        assertTrue(first.contains("reading every process..."), first);
        st.procs.filter = "nothing-like-it";
        String none = screen(80, 24, st, false);
        assertTrue(none.contains("no process matches 'nothing-like-it'"), none);
        assertTrue(none.contains("0 of 11"), none);
    }

    @Test
    void theSelectedRowIsReversedAndTheKernelsDimmed() throws IOException {
        UiState st = open();
        st.procs.selectedPid = Fixtures.SELF;
        com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal t = Fixtures.terminal(80, 24);
        com.googlecode.lanterna.screen.TerminalScreen screen = Fixtures.screen(t);
        Renderer.draw(screen.newTextGraphics(), new Theme(false, true), Fixtures.snapshot().withTable(ProcsFixtures.table()), st, 0);
        screen.refresh(com.googlecode.lanterna.screen.Screen.RefreshType.DELTA);
        assertTrue(t.getCharacter(40, 8).getModifiers().contains(com.googlecode.lanterna.SGR.REVERSE), "threadlab's row selected");
        assertFalse(t.getCharacter(40, 9).getModifiers().contains(com.googlecode.lanterna.SGR.REVERSE));
    }

    @Test
    void theStateNamesTheRowOnShowWhenItsProcessEnded() throws IOException {
        UiState st = open();
        screen(80, 24, st, false);
        assertEquals(4311, st.procs.selectedPid, "the first row, once drawn");
        st.procs.selectedPid = 4242;
        st.procs.selectedIndex = 2;
        java.util.List<org.threadlab.sample.ProcessRow> rows = new java.util.ArrayList<>(ProcsFixtures.table().rows());
        rows.removeIf(r -> r.pid() == 4242);
        RoundFixtures.screen(80, 24, Fixtures.snapshot().withTable(new org.threadlab.sample.ProcessTable(rows, 1, null)), st,
                new Theme(false, true));
        assertEquals(37, st.procs.selectedPid, "threadlab's place is now kworker's (by CPU%)");
    }
}
