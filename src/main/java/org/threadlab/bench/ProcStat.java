package org.threadlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.threadlab.sample.TaskClock;

/** What the kernel counts for a process, read from /proc: the CPU time of its threads and the bytes it wrote. */
final class ProcStat {
    private ProcStat() {}

    private static final TaskClock CLOCK = TaskClock.system();

    /**
     * Nanoseconds on a CPU, summed over the process's threads now (the sampler's {@link TaskClock}:
     * {@code schedstat}'s first field, finer than the 10 ms ticks of {@code stat}). A thread that ends
     * between two reads takes its time with it; an idle UI ends none.
     */
    static long cpuNanos(long pid) throws IOException {
        long ns = CLOCK.cpuNanos(pid);
        if (ns < 0) {
            throw new IOException("process " + pid + " is gone (no schedstat to read)");
        }
        return ns;
    }

    /** Bytes the process has passed to write(2) and its kin since it started ({@code /proc/PID/io}'s wchar), whatever they went to. */
    static long writtenBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("wchar:")) {
                return Long.parseLong(line.substring(6).trim());
            }
        }
        throw new IOException("/proc/" + pid + "/io has no wchar");
    }

    /** The process's command line, its arguments joined by spaces; "" once it is gone. */
    static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
