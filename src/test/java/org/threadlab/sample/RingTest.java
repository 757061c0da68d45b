package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** A ring hands out histories without copying them, and neither it nor they grow past its size. */
class RingTest {

    @Test
    void aHistoryStaysAsItWasWhileTheRingGoesOn() {
        Ring r = new Ring();
        for (int i = 0; i < 5; i++) {
            r.add(i);
        }
        History five = r.history();
        for (int i = 5; i < 10 * Ring.CAPACITY; i++) {
            r.add(i);
        }
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, five.toArray());
        assertEquals(4.0, five.last());
        assertEquals(new History(new double[] {0, 1, 2, 3, 4}), five);
        assertEquals(new History(new double[] {0, 1, 2, 3, 4}).hashCode(), five.hashCode());
    }

    @Test
    void itKeepsTheLastCapacityValuesAndNoMore() {
        Ring r = new Ring();
        int n = 7 * Ring.CAPACITY + 13;
        for (int i = 0; i < n; i++) {
            r.add(i);
            assertEquals(Math.min(i + 1, Ring.CAPACITY), r.size());
            History h = r.history();
            assertEquals(Math.min(i + 1, Ring.CAPACITY), h.size());
            assertEquals(i, h.last());
            assertEquals(Math.max(0, i + 1 - Ring.CAPACITY), h.get(0));
        }
        History h = r.history();
        double[] want = new double[Ring.CAPACITY];
        for (int i = 0; i < want.length; i++) {
            want[i] = n - Ring.CAPACITY + i;
        }
        assertArrayEquals(want, h.toArray());
        assertNotEquals(History.EMPTY, h);
    }

    @Test
    void aHistoryReadsNothingOutsideItself() {
        Ring r = new Ring();
        r.add(1);
        r.add(2);
        History h = r.history();
        r.add(3);
        assertEquals(2, h.size());
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> h.get(2));
    }
}
