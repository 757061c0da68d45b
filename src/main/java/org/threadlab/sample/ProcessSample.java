package org.threadlab.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One watched process and its threads.
 *
 * @param role        "self" (threadlab), "worker" (a child worker) or "external" (attached PID)
 * @param cpuPercent  over the last interval; 100 = one core busy
 * @param error       null when all was read; else what could not be read (the process vanished,
 *                    permission denied...), and the numbers that could not be read are -1
 * @param window      the time between this read of the process and the previous one, which
 *                    {@code cpuPercent} is over; null on first sight or when it could not be read
 */
public record ProcessSample(long pid, long ppid, String name, String state, double cpuPercent, Duration userTime,
                            Duration systemTime, long rssBytes, long virtualBytes, int threadCount, Instant startTime,
                            String role, List<ThreadSample> threads, String error, Duration window) {

    public ProcessSample {
        threads = List.copyOf(threads);
    }

    /** Without a measured window. */
    public ProcessSample(long pid, long ppid, String name, String state, double cpuPercent, Duration userTime,
                         Duration systemTime, long rssBytes, long virtualBytes, int threadCount, Instant startTime,
                         String role, List<ThreadSample> threads, String error) {
        this(pid, ppid, name, state, cpuPercent, userTime, systemTime, rssBytes, virtualBytes, threadCount, startTime,
                role, threads, error, null);
    }
}
