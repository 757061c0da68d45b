package org.threadlab.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of one process: /proc/PID/statm on Linux, OSHI elsewhere. */
public final class ProcessMemory {
    private static final long PAGE_SIZE = 4096;

    private ProcessMemory() {}

    /** RSS in bytes, or -1 when the process is gone or cannot be read. */
    public static long rss(long pid) {
        try {
            String statm = Files.readString(Path.of("/proc/" + pid + "/statm"));
            int a = statm.indexOf(' ');
            int b = statm.indexOf(' ', a + 1);
            return Long.parseLong(statm.substring(a + 1, b)) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            if (Files.isDirectory(Path.of("/proc/self"))) {
                return -1;
            }
        }
        try {
            oshi.software.os.OSProcess p = new oshi.SystemInfo().getOperatingSystem().getProcess((int) pid);
            return p == null ? -1 : p.getResidentSetSize();
        } catch (Throwable e) {
            return -1;
        }
    }
}
