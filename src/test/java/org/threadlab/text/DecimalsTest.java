package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Decimals writes every number exactly as String.format did, ties, signs and huge and tiny values included. */
class DecimalsTest {

    private static List<Double> values() {
        List<Double> out = new ArrayList<>(List.of(0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.675, 9.95, 9.995,
                99.95, 99.5, 0.5, 1.5, 2.5, 1e-3, 1e-4, 1e-5, 9.9999e-6, 1e7, 1.2345678e7, 9.99999999e6, 1e15, 1e16,
                123456789012345678.0, 1e22, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, 1 / 3.0, 2 / 3.0,
                -0.04, -0.05, -1.25, -99.96, 4.35, 0.045, 1023.95, 3.14159));
        // every tie and near-tie at one, two and three decimals over the screen's ranges (percent 0-200, loads, sizes); a fifth of
        // the range the first version walked: the same cases, in two seconds instead of eleven
        for (int k = 0; k <= 4_000; k++) {
            for (double d : new double[] {k / 20.0, k / 200.0, k / 2000.0, k / 10.0, k / 100.0}) {
                out.add(d);
                out.add(Math.nextUp(d));
                out.add(Math.nextDown(d));
            }
        }
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 10_000; i++) {
            out.add(r.nextDouble() * 100);
            out.add(r.nextDouble() * 10);
            out.add(r.nextDouble() * 1024);
            out.add(Math.pow(10, r.nextDouble() * 40 - 20) * (r.nextBoolean() ? 1 : -1));
            out.add(Double.longBitsToDouble(r.nextLong()));
        }
        return out;
    }

    @Test
    void fixedWritesWhatStringFormatWrote() {
        for (int decimals : new int[] {0, 1, 2, 3, 5}) {
            for (double v : values()) {
                String expected = String.format(Locale.ROOT, "%." + decimals + "f", v);
                assertEquals(expected, Decimals.fixed(v, decimals), () -> v + " (" + Double.doubleToRawLongBits(v) + ") to " + decimals);
            }
        }
    }

    /**
     * The screen's numbers are rounded from the product alone, without Double.toString (whose code C2 then
     * compiled in the middle of a session): every value but those within a thousandth of a tie, and never
     * another result than String.format's.
     */
    @Test
    void roundsFromTheProductAloneAwayFromTies() {
        SplittableRandom r = new SplittableRandom(29);
        int decided = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double v = r.nextDouble() * 200;
            int decimals = 1 + i % 3;
            long scale = (long) Math.pow(10, decimals);
            long rounded = Decimals.rounded(v * scale);
            if (rounded >= 0) {
                decided++;
                String expected = String.format(Locale.ROOT, "%." + decimals + "f", v);
                assertEquals(expected, Decimals.fixed(v, decimals), () -> v + " to " + decimals);
                assertEquals(Long.parseLong(expected.replace(".", "")), rounded, () -> v + " to " + decimals);
            }
        }
        assertTrue(decided > n * 0.99, decided + " of " + n + " decided without the decimal's digits");
        assertEquals(-1, Decimals.rounded(122.5), "a tie needs the digits");
        assertEquals(-1, Decimals.rounded(Math.nextUp(122.5)), "so does a near tie");
        assertEquals(123, Decimals.rounded(122.51));
        assertEquals(122, Decimals.rounded(122.49));
        assertEquals(-1, Decimals.rounded(1e11), "too big to tell from the product");
        assertEquals(-1, Decimals.rounded(Double.NaN));
    }

    @Test
    void notANumberAndInfinitiesAsStringFormatWroteThem() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", v), Decimals.fixed(v, 1));
        }
    }

    @Test
    void appendFixedAppends() {
        assertEquals("load 0.75", Decimals.appendFixed(new StringBuilder("load "), 0.745, 2).toString());
    }

    @Test
    void paddedWritesWhatPercentZeroDWrote() {
        for (long n : new long[] {0, 1, 9, 10, 59, 99, 100, 999, 1000, 12345, Long.MAX_VALUE}) {
            for (int w : new int[] {1, 2, 3, 4}) {
                assertEquals(String.format(Locale.ROOT, "%0" + w + "d", n), Decimals.padded(n, w), n + " in " + w);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Decimals.padded(-1, 2));
    }
}
