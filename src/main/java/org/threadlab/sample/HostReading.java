package org.threadlab.sample;

import java.time.Duration;

/**
 * Raw host figures from one read. Tick arrays follow /proc/stat's order (which OSHI's TickType keeps):
 * user, nice, system, idle, iowait, irq, softirq, steal.
 *
 * @param coreIds  the core number of each row of {@code coreTicks}
 * @param iowaitKnown false where the system does not report iowait
 * @param runnable the host's threads runnable at the read (running or waiting for a CPU, the reader itself
 *                 included: /proc/loadavg's fourth field); -1 where the system does not give it
 */
record HostReading(int[] coreIds, long[][] coreTicks, long[] totalTicks, boolean iowaitKnown, long memoryUsed,
                   long memoryTotal, long swapUsed, long swapTotal, double[] load, Duration uptime, String hostName,
                   int runnable) {

    /** Where host readings come from: /proc on Linux, OSHI elsewhere. */
    interface Source {
        HostReading read();
    }
}
