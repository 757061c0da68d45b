package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;

/** {@code threadlab run} starts one round and prints its measured figures and verdict under the summary. */
@ExtendWith(NoChildrenLeft.class)
class RunRoundTest {
    @Test
    void theSummaryEndsWithTheRoundsFiguresAndVerdict() {
        CliTest.Outcome o = CliTest.exec("run", "sleep", "--count", "3", "--duration", "300ms");
        assertEquals(0, o.code(), o.err());
        String out = o.out();
        assertTrue(out.contains("wall "), "what it printed before stays: " + out);
        Matcher m = Pattern.compile("round #1: 3 threads sleep duration=300ms: (\\d+\\.\\d\\d)s wall, (\\d+\\.\\d\\d)s CPU, "
                + "(\\d+\\.\\d) of (\\d+) cores busy, other processes \\d+\\.\\d(, peak \\S+ memory, 3 OS threads)?\\n").matcher(out);
        assertTrue(m.find(), out);
        double wall = Double.parseDouble(m.group(1));
        assertTrue(wall >= 0.3, "at least the sleep: " + wall);
        assertTrue(Double.parseDouble(m.group(3)) < 0.5, "sleepers keep no core busy: " + out);
        assertTrue(out.contains("\nverdict: 3 threads: "), out);
        assertTrue(out.contains("no single-worker round of the same work to compare with"), out);
    }

    @Test
    void jsonCarriesTheRound() {
        CliTest.Outcome o = CliTest.exec("run", "cpu", "--units", "0.05", "--json");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("\"round\":{\"id\":1,\"label\":\"1 thread cpu "), o.out());
        assertTrue(o.out().contains("\"verdict\":\"1 thread: "), o.out());
    }
}
