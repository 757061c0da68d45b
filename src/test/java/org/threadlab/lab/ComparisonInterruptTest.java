package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;

/** Ctrl-C in the middle of compare: the rows measured before it are kept, marked incomplete. */
@ExtendWith(NoChildrenLeft.class)
class ComparisonInterruptTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void anInterruptKeepsTheFinishedRowsAndSaysTheResultIsIncomplete() {
        Comparison.Result r = new Comparison(2, List.of("sleep", "cpu"), Duration.ofMillis(200), 0.05).run((what, i, total) -> {
            if (i == 3) {
                // as Ctrl-C does, through CtrlC: the third run (threads) is under way when it comes
                Thread.currentThread().interrupt();
            }
        });
        assertFalse(r.complete());
        assertEquals(List.of("single", "sequential"), r.rows().stream().map(Comparison.Row::mode).toList(),
                "the two finished runs, not the interrupted one");
        assertTrue(r.rows().get(1).wallSeconds() > 0.3, "sequential: two sleeps of 200ms were measured");
        assertEquals(1.0, r.rows().get(1).speedup(), 1e-9);
        assertTrue(r.verdicts().isEmpty(), "no verdict from half a workload");
        assertTrue(r.runsPlanned() >= 10, "sleep and cpu, five or six modes each: " + r.runsPlanned());
    }

    @Test
    void aWorkloadInterruptedBeforeItsSequentialRunHasNoSpeedups() {
        Comparison.Result r = new Comparison(2, List.of("sleep"), Duration.ofMillis(100), 0.05).run((what, i, total) -> {
            if (i == 2) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(1, r.rows().size());
        assertTrue(Double.isNaN(r.rows().get(0).speedup()), "no sequential run to compare with");
        String text = org.threadlab.cli.CompareCommandAccess.render(r);
        assertTrue(text.contains("INCOMPLETE: interrupted (Ctrl-C) after 1 of "), text);
    }
}
