package org.threadlab.sample;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one read of every process costs through OSHI (a harness, not a test): the CPU of this whole JVM
 * over each read (schedstat of all its tasks: OSHI reads processes on the common fork-join pool).
 * Usage: ListerCost READS DELAY_MS.
 */
public final class ListerCost {
    public static void main(String[] args) throws Exception {
        int reads = Integer.parseInt(args[0]);
        long delay = Long.parseLong(args[1]);
        ProcessLister lister = Platform.of(DataSource.OSHI).processLister();
        TaskClock clock = TaskClock.system();
        long self = ProcessHandle.current().pid();
        long[] cpu = new long[reads];
        int rows = 0;
        for (int i = -5; i < reads; i++) {
            Thread.sleep(delay);
            long c0 = clock.cpuNanos(self);
            ProcessTable t = lister.read();
            long c1 = clock.cpuNanos(self);
            if (i >= 0) {
                cpu[i] = c1 - c0;
                rows = t.rows().size();
            }
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "oshi lister: %d processes, median %.2f ms CPU a read (p10 %.2f, p90 %.2f)%n", rows,
                cpu[reads / 2] / 1e6, cpu[reads / 10] / 1e6, cpu[reads * 9 / 10] / 1e6);
    }
}
