package org.threadlab.lab;

import java.lang.management.ManagementFactory;

/** CPU time of threadlab's own JVM (all its threads), for experiments that add up CPU seconds. */
final class CpuClock {
    private CpuClock() {}

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    }
}
