package org.threadlab.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.threadlab.sample.ProcProbeFixtureTest.FakeProc;

/** The host's /proc/stat parsed from the bytes into arrays sized by the last read: cores that come and go. */
class ProcHostTest {
    private static String stat(int... coreIds) {
        StringBuilder b = new StringBuilder("cpu  100 1 50 1000 7 0 3 0 0 0\n");
        for (int id : coreIds) {
            b.append("cpu").append(id).append(' ').append(10 + id).append(" 0 5 100 1 0 0 ").append(id).append(" 0 0\n");
        }
        return b.append("intr 12345 0 0\nctxt 999\nbtime 1700000000\n").toString();
    }

    @Test
    void everyCoreIsReadInOrderAsTheirNumberChanges() {
        FakeProc proc = new FakeProc();
        String[] now = {stat(0)};
        proc.files.put("/fake/stat", t -> now[0]);
        proc.files.put("/fake/meminfo", t -> "MemTotal:  1000 kB\nMemFree:  100 kB\nMemAvailable:  400 kB\nSwapTotal:  50 kB\nSwapFree:  20 kB\n");
        proc.files.put("/fake/loadavg", t -> "0.50 1.25 12.00 1/100 4242\n");
        proc.files.put("/fake/uptime", t -> "12345.67 999.00\n");
        ProcHost host = new ProcHost(proc, "/fake");
        for (int[] ids : new int[][] {{0}, {0, 1, 2, 3, 5}, {0, 1}, {0, 1}, {}, {7}}) {
            now[0] = stat(ids);
            HostReading r = host.read();
            assertArrayEquals(ids, r.coreIds());
            assertEquals(ids.length, r.coreTicks().length);
            for (int i = 0; i < ids.length; i++) {
                assertArrayEquals(new long[] {10 + ids[i], 0, 5, 100, 1, 0, 0, ids[i]}, r.coreTicks()[i]);
            }
            assertArrayEquals(new long[] {100, 1, 50, 1000, 7, 0, 3, 0}, r.totalTicks());
            assertEquals(600 * 1024, r.memoryUsed());
            assertEquals(30 * 1024, r.swapUsed());
            assertArrayEquals(new double[] {0.5, 1.25, 12.0}, r.load());
            assertEquals(12_345_670, r.uptime().toMillis());
            assertEquals(1, r.runnable(), "loadavg's running count");
        }
    }

    /** loadavg's fourth field, the threads runnable now: what tells the sampler no thread waits for a CPU. */
    @Test
    void theRunnableCountComesFromLoadavgAndIsUnknownWhereItIsMissing() {
        FakeProc proc = new FakeProc();
        String[] loadavg = {"0.50 1.25 12.00 17/345 4242\n"};
        proc.files.put("/fake/stat", t -> stat(0, 1));
        proc.files.put("/fake/loadavg", t -> loadavg[0]);
        ProcHost host = new ProcHost(proc, "/fake");
        assertEquals(17, host.read().runnable());
        loadavg[0] = "0.50 1.25 12.00\n";
        assertEquals(-1, host.read().runnable(), "no fourth field");
        loadavg[0] = "0.50 1.25 12.00 x/345 1\n";
        assertEquals(-1, host.read().runnable(), "not a number");
    }
}
