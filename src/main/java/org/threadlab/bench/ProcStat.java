package org.threadlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the kernel counts for a process, read from /proc: the CPU time of its threads and the bytes it wrote. */
final class ProcStat {
    private ProcStat() {}

    /**
     * Nanoseconds on a CPU, summed over the process's threads now ({@code schedstat}'s first field: the
     * kernel's own clock, finer than the 10 ms ticks of {@code stat}). A thread that ends between two
     * reads takes its time with it; an idle UI ends none.
     */
    static long cpuNanos(long pid) throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks) {
                try {
                    String s = Files.readString(t.resolve("schedstat"), StandardCharsets.US_ASCII);
                    sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we listed: its time is gone with it
                }
            }
        }
        return sum;
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
