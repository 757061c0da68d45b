package org.threadlab.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** compare's verdict says only what its own figures show. */
class ComparisonVerdictTest {

    @Test
    void processesKeepTheCoresOnlyWhenTheyRanFaster() {
        String kept = Comparison.verdict("cpu", 2, 2, 1.9, 1.0, 1.8);
        assertTrue(kept.endsWith("the GIL takes them away, processes keep them."), kept);
        String slow = Comparison.verdict("cpu", 2, 2, 1.9, 1.0, 0.9);
        assertFalse(slow.contains("processes keep them"), slow);
        assertTrue(slow.contains("2 processes 0.9x") && slow.contains("processes did not get them back here"), slow);
    }

    @Test
    void waitingOverlapsIsSaidForSleepOnly() {
        assertTrue(Comparison.verdict("sleep", 4, 2, 3.9, 3.9, 3.5).contains("waiting overlaps"));
        assertTrue(Comparison.verdict("sleep", 4, 2, 1.5, 1.5, 3.5).contains("less overlap than expected"));
    }
}
