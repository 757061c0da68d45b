package org.threadlab.sample;

/**
 * One {@code /proc/PID/task/TID/schedstat} line: "CPU-ns run-queue-wait-ns timeslices" (see the kernel's
 * sched-stats.rst). The CPU figure of a running thread is brought up to date only at its scheduler tick.
 *
 * @param cpuNanos       time on a CPU
 * @param runQueueNanos  time runnable but waiting for a CPU
 * @param timeslices     how many times it was put on a CPU
 */
record SchedStat(long cpuNanos, long runQueueNanos, long timeslices) {

    /** Parses the first {@code len} bytes of {@code b}; null when they are not three numbers. */
    static SchedStat parse(byte[] b, int len) {
        long[] f = new long[3];
        int i = 0;
        for (int k = 0; k < 3; k++) {
            while (i < len && b[i] == ' ') {
                i++;
            }
            int start = i;
            long v = 0;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                v = v * 10 + (b[i++] - '0');
            }
            if (i == start) {
                return null;
            }
            f[k] = v;
        }
        return new SchedStat(f[0], f[1], f[2]);
    }
}
