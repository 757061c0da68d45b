package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void theMedianOfAnOddCountIsItsMiddleValueAndOfAnEvenCountTheMeanOfTheTwo() {
        assertEquals(3.0, Stats.median(new double[] {5, 1, 3}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(Stats.median(new double[0])));
    }

    @Test
    void aPercentileIsTheNearestRankAMeasuredValue() {
        double[] ten = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertEquals(9.0, Stats.percentile(ten, 0.9));
        assertEquals(5.0, Stats.percentile(ten, 0.5));
        assertEquals(10.0, Stats.percentile(ten, 1.0));
        assertEquals(1.0, Stats.percentile(ten, 0.01));
        assertEquals(7.0, Stats.percentile(new double[] {7}, 0.9));
        assertTrue(Double.isNaN(Stats.percentile(new double[0], 0.9)));
    }

    @Test
    void theInputIsLeftAsItWas() {
        double[] v = {3, 1, 2};
        Stats.median(v);
        Stats.percentile(v, 0.5);
        assertEquals(3.0, v[0]);
        assertEquals(1.0, v[1]);
    }

    @Test
    void aPercentileOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new double[] {1}, 90));
    }
}
