package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/** The per-core shares from tick deltas, read after read (the last ticks are kept in place). */
class HostTrackerTest {

    private static HostReading reading(long[] core0, long[] total) {
        return new HostReading(new int[] {0}, new long[][] {core0}, total, true, 1, 2, 0, 0, new double[] {0, 0, 0},
                Duration.ZERO, "h", -1);
    }

    @Test
    void eachReadIsADeltaFromTheOneBefore() {
        Deque<HostReading> readings = new ArrayDeque<>();
        // user, nice, system, idle, iowait, irq, softirq, steal
        readings.add(reading(new long[] {10, 0, 10, 100, 0, 0, 0, 0}, new long[] {10, 0, 10, 100, 0, 0, 0, 0}));
        readings.add(reading(new long[] {40, 10, 20, 130, 10, 5, 5, 0}, new long[] {40, 10, 20, 130, 10, 5, 5, 0}));
        readings.add(reading(new long[] {40, 10, 20, 230, 10, 5, 5, 0}, new long[] {40, 10, 20, 230, 10, 5, 5, 0}));
        readings.add(reading(new long[] {40, 10, 20, 230, 10, 5, 5, 0}, new long[] {40, 10, 20, 230, 10, 5, 5, 0}));
        HostTracker tracker = new HostTracker(readings::poll);
        assertTrue(Double.isNaN(tracker.sample().cores().get(0).utilisation()), "no delta on the first read");

        CoreSample c = tracker.sample().cores().get(0);
        // deltas 30 10 10 30 10 5 5 0, sum 100
        assertEquals(0.40, c.user(), 1e-12);
        assertEquals(0.20, c.system(), 1e-12);
        assertEquals(0.10, c.iowait(), 1e-12);
        assertEquals(0.30, c.idle(), 1e-12);
        assertEquals(0.60, c.utilisation(), 1e-12);

        HostSample s = tracker.sample(); // only idle moved: from the second read, not the first
        assertEquals(0.0, s.cores().get(0).utilisation(), 1e-12);
        assertEquals(1.0, s.total().idle(), 1e-12);
        assertTrue(Double.isNaN(tracker.sample().cores().get(0).utilisation()), "nothing moved: unknown, not 0");
        assertEquals(2, s.cores().get(0).history().size(), "the two known shares in its history");
    }
}
