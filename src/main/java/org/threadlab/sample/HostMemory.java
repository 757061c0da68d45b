package org.threadlab.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine's available memory, for refusing a memory workload the machine cannot hold. */
public final class HostMemory {
    private HostMemory() {}

    /** MemAvailable from /proc/meminfo on Linux, OSHI's figure elsewhere; -1 when unknown. */
    public static long availableBytes() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            for (String l : lines) {
                if (l.startsWith("MemAvailable:")) {
                    String[] f = l.trim().split("\\s+");
                    return Long.parseLong(f[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask OSHI
        }
        try {
            return new oshi.SystemInfo().getHardware().getMemory().getAvailable();
        } catch (Throwable e) {
            return -1;
        }
    }
}
