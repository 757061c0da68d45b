package org.threadlab.worker;

import java.time.Duration;

/**
 * How far the supervisor will go: live processes and threads at most, and how long a terminated
 * process gets between SIGTERM and SIGKILL (and a thread before it is reported as ignoring the stop).
 */
public record Limits(int maxProcesses, int maxThreads, Duration grace) {
    public static final Limits DEFAULT = new Limits(64, 10_000, Duration.ofSeconds(2));

    public Limits {
        if (maxProcesses < 1 || maxProcesses > 4096) {
            throw new IllegalArgumentException("max processes must be between 1 and 4096, not " + maxProcesses);
        }
        if (maxThreads < 1 || maxThreads > 1_000_000) {
            throw new IllegalArgumentException("max threads must be between 1 and 1000000, not " + maxThreads);
        }
        if (grace.isNegative() || grace.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("grace must be between 0s and 1m, not " + grace);
        }
    }

    public Limits withGrace(Duration g) {
        return new Limits(maxProcesses, maxThreads, g);
    }
}
