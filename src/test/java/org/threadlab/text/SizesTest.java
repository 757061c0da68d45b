package org.threadlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {
    @Test
    void parsesBinaryUnits() {
        assertEquals(64L << 20, Sizes.parse("64MiB"));
        assertEquals(1L << 30, Sizes.parse("1GiB"));
        assertEquals(512L << 10, Sizes.parse("512KiB"));
        assertEquals(64L << 20, Sizes.parse("64M"));
        assertEquals(100, Sizes.parse("100B"));
        assertEquals(1536L << 20, Sizes.parse("1.5GiB"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "64", "lots", "12 parsecs", "-1MiB", "999999TiB"})
    void refusesBadInput(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse(bad));
    }

    @Test
    void formatsBothWays() {
        assertEquals("64MiB", Sizes.format(64L << 20));
        assertEquals("1.5GiB", Sizes.format(1536L << 20));
        assertEquals("3.1M", Sizes.compact((long) (3.1 * (1 << 20))));
        assertEquals("23G", Sizes.compact(23L << 30));
        assertEquals("n/a", Sizes.compact(-1));
    }

    @Test
    void compactAndFormatWriteWhatStringFormatWrote() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(13);
        for (int i = 0; i < 100_000; i++) {
            long b = i < 5000 ? i * 1023L : (long) Math.pow(2, r.nextDouble() * 50);
            assertEquals(compactBefore(b), Sizes.compact(b), () -> Long.toString(b));
            assertEquals(formatBefore(b), Sizes.format(b), () -> Long.toString(b));
        }
    }

    /** Sizes.compact as it was written with String.format. */
    private static String compactBefore(long bytes) {
        String[] units = {"B", "K", "M", "G", "T"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + "B";
        }
        return (v < 10 ? String.format(java.util.Locale.ROOT, "%.1f", v) : String.format(java.util.Locale.ROOT, "%.0f", v)) + units[u];
    }

    /** Sizes.format as it was written with String.format. */
    private static String formatBefore(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + "B";
        }
        String n = String.format(java.util.Locale.ROOT, "%.1f", v);
        if (n.endsWith(".0")) {
            n = n.substring(0, n.length() - 2);
        }
        return n + units[u];
    }
}
