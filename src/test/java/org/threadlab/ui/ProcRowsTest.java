package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.ProcessTable;

/** The all-processes view's order: sort, reverse, filter, search, the tree (ProcsFixtures' machine). */
class ProcRowsTest {
    private static final ProcessTable T = ProcsFixtures.table();

    private static List<Long> pids(List<ProcRows.Line> lines) {
        return lines.stream().map(l -> l.row().pid()).toList();
    }

    private static List<ProcRows.Line> flat(ProcColumn sort, boolean reversed, String filter) {
        return ProcRows.of(T, Fixtures.SELF, sort, reversed, false, filter, false);
    }

    private static List<ProcRows.Line> tree(ProcColumn sort, boolean reversed, String filter) {
        return ProcRows.of(T, Fixtures.SELF, sort, reversed, true, filter, false);
    }

    @Test
    void sortsByEachColumnTiesByPid() {
        assertEquals(List.of(1L, 2L, 37L, 800L, 900L, 4242L, 4301L, 4310L, 4311L, 5000L, 1234567L), pids(flat(ProcColumn.PID, false, "")));
        // busiest first; a first reading (no CPU% yet) last
        assertEquals(List.of(4311L, 4301L, 4242L, 37L, 1L, 2L, 800L, 900L, 4310L, 1234567L, 5000L), pids(flat(ProcColumn.CPU, false, "")));
        assertEquals(List.of(4242L, 4301L, 4310L, 1L), pids(flat(ProcColumn.RSS, false, "")).subList(0, 4));
        assertEquals(4242L, pids(flat(ProcColumn.THREADS, false, "")).get(0));
        // running first, the zombie last
        assertEquals(List.of(4301L, 4311L), pids(flat(ProcColumn.STATE, false, "")).subList(0, 2));
        assertEquals(1234567L, pids(flat(ProcColumn.STATE, false, "")).get(10));
        assertEquals(List.of(1234567L, 1L), pids(flat(ProcColumn.USER, false, "")).subList(0, 2));
    }

    @Test
    void iReversesTheOrder() {
        List<Long> forward = pids(flat(ProcColumn.PID, false, ""));
        List<Long> back = new java.util.ArrayList<>(pids(flat(ProcColumn.PID, true, "")));
        java.util.Collections.reverse(back);
        assertEquals(forward, back);
    }

    @Test
    void filterByCommandUserOrPid() {
        assertEquals(List.of(5000L), pids(flat(ProcColumn.PID, false, "SLEEP")));
        assertEquals(List.of(1234567L), pids(flat(ProcColumn.PID, false, "pupil")));
        assertEquals(List.of(4310L, 4311L), pids(flat(ProcColumn.PID, false, "431")));
        assertTrue(flat(ProcColumn.PID, false, "nothing-like-it").isEmpty());
    }

    @Test
    void threadlabAndEverythingUnderItAreMarked() {
        for (ProcRows.Line l : flat(ProcColumn.PID, false, "")) {
            boolean under = List.of(Fixtures.SELF, Fixtures.CHILD, 4310L, 4311L).contains(l.row().pid());
            assertEquals(under, l.own(), "pid " + l.row().pid());
        }
    }

    @Test
    void theTreePutsEachProcessUnderItsParentSortedAmongSiblings() {
        List<ProcRows.Line> lines = tree(ProcColumn.PID, false, "");
        assertEquals(List.of(1L, 800L, 900L, 4242L, 4301L, 4310L, 4311L, 5000L, 1234567L, 2L, 37L), pids(lines));
        assertEquals(List.of("", "├─ ", "│  └─ ", "│     ├─ ", "│     │  ├─ ", "│     │  └─ ", "│     │     └─ ", "│     └─ ", "└─ ", "", "└─ "),
                lines.stream().map(ProcRows.Line::prefix).toList());
        // by CPU%: under threadlab the busy worker first; roots and siblings sorted, the tree kept
        List<Long> byCpu = pids(tree(ProcColumn.CPU, false, ""));
        assertEquals(List.of(Fixtures.SELF, Fixtures.CHILD, 4310L, 4311L), byCpu.subList(byCpu.indexOf(Fixtures.SELF), byCpu.indexOf(Fixtures.SELF) + 4));
        assertEquals(List.of(4242L, 5000L), pids(tree(ProcColumn.CPU, false, "")).stream().filter(p -> p == 4242 || p == 5000).toList());
        // reversed: 5000 before threadlab among bash's children
        List<Long> rev = pids(tree(ProcColumn.PID, true, ""));
        assertTrue(rev.indexOf(5000L) < rev.indexOf(Fixtures.SELF));
        assertEquals(2L, rev.get(0), "the roots reversed too");
    }

    @Test
    void asciiTreeForTerminalsThatNeedIt() {
        List<ProcRows.Line> lines = ProcRows.of(T, Fixtures.SELF, ProcColumn.PID, false, true, "", true);
        assertEquals(List.of("", "|- ", "|  `- ", "|     |- "), lines.stream().map(ProcRows.Line::prefix).toList().subList(0, 4));
    }

    @Test
    void aFilteredTreeKeepsTheAncestorsOfAMatchDimmed() {
        List<ProcRows.Line> lines = tree(ProcColumn.PID, false, "python3");
        assertEquals(List.of(1L, 800L, 900L, Fixtures.SELF, 4310L, 4311L), pids(lines));
        assertTrue(lines.subList(0, 5).stream().allMatch(ProcRows.Line::context));
        assertFalse(lines.get(5).context());
        // the lines are drawn for the rows kept: each here is an only child
        assertEquals(List.of("", "└─ ", "   └─ ", "      └─ ", "         └─ ", "            └─ "),
                lines.stream().map(ProcRows.Line::prefix).toList());
    }

    @Test
    void searchFindsTheNextMatchWrappingRoundHidingNothing() {
        List<ProcRows.Line> lines = flat(ProcColumn.PID, false, "");
        int java1 = ProcRows.next(lines, "java", 0, 1);
        assertEquals(4242L, lines.get(java1).row().pid());
        int java2 = ProcRows.next(lines, "java", java1, 1);
        assertEquals(4301L, lines.get(java2).row().pid());
        int java3 = ProcRows.next(lines, "java", java2, 1);
        assertEquals(4310L, lines.get(java3).row().pid());
        assertEquals(java1, ProcRows.next(lines, "java", java3, 1), "round again");
        assertEquals(java3, ProcRows.next(lines, "java", java1, -1), "and back");
        assertEquals(-1, ProcRows.next(lines, "nothing", 0, 1));
        assertEquals(11, lines.size(), "nothing hidden");
    }
}
