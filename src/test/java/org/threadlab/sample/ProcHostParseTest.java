package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The host's figures parsed from a /proc fixture, exactly: the total's and each core's ticks, memory,
 * load and uptime. The cpu lines' parsing is a method of its own (so its loops do not make C2 compile
 * all of {@link ProcHost#read} on-stack-replaced); this pins what it reads.
 */
class ProcHostParseTest {
    @Test
    void readsTheCpuLinesMemoryLoadAndUptimeOfTheFixture() {
        ProcFiles files = new ProcFiles(8);
        try {
            HostReading h = new ProcHost(files, FixturePlatforms.procFixture().toString()).read();
            // cpu  1000 10 500 8000 40 0 5 0 ...: the first eight fields, the rest of the line skipped
            assertArrayEquals(new long[] {1000, 10, 500, 8000, 40, 0, 5, 0}, h.totalTicks());
            assertArrayEquals(new int[] {0, 1}, h.coreIds());
            assertArrayEquals(new long[] {600, 5, 300, 3900, 20, 0, 3, 0}, h.coreTicks()[0]);
            assertArrayEquals(new long[] {400, 5, 200, 4100, 20, 0, 2, 0}, h.coreTicks()[1]);
            assertArrayEquals(new double[] {0.50, 0.25, 0.10}, h.load(), 1e-9);
            assertEquals(Duration.ofMillis(12_345_670), h.uptime());
            for (int i = 0; i < 3; i++) {
                // read again through the kept files: the same figures, no line counted twice
                HostReading again = new ProcHost(files, FixturePlatforms.procFixture().toString()).read();
                assertEquals(2, again.coreIds().length);
                assertArrayEquals(h.totalTicks(), again.totalTicks());
            }
        } finally {
            files.closeAll();
        }
    }
}
