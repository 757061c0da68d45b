package org.threadlab.sample;

/** The machine's available memory, for refusing a memory workload the machine cannot hold. */
public final class HostMemory {
    private HostMemory() {}

    /** MemAvailable from /proc/meminfo on Linux (read as the sampler reads it), OSHI's figure elsewhere; -1 when unknown. */
    public static long availableBytes() {
        if (ProcFiles.AVAILABLE) {
            ProcFiles files = new ProcFiles();
            long kib = files.read("/proc/meminfo") ? files.field("MemAvailable:") : -1;
            return kib < 0 ? -1 : kib * 1024;
        }
        try {
            return new oshi.SystemInfo().getHardware().getMemory().getAvailable();
        } catch (Throwable e) {
            return -1;
        }
    }
}
