package org.threadlab.sample;

/**
 * Another process's CPU time in nanoseconds: the sum of field 1 of every
 * {@code /proc/PID/task/TID/schedstat} (time on a CPU). What the bench holds a reference program's
 * refreshes against: its process's {@code utime + stime} comes in clock ticks of 10 ms, too coarse for a
 * refresh of a millisecond. A running thread's figure is brought up to date at its scheduler tick, and
 * threads that have ended are not in it (a reference such as top is read while it runs).
 */
public final class TaskClock {
    private final String root;
    private final ProcFiles files = new ProcFiles(0);

    /** @param root where /proc is ({@link Platform#PROC}, or a fixture directory) */
    public TaskClock(String root) {
        this.root = root;
    }

    /** This machine's /proc. */
    public static TaskClock system() {
        return new TaskClock(Platform.PROC);
    }

    /** The nanoseconds {@code pid}'s live threads have spent on a CPU; -1 when it is gone or has no schedstat. */
    public synchronized long cpuNanos(long pid) {
        String task = root + "/" + pid + "/task/";
        long sum = 0;
        boolean any = false;
        for (String tid : files.entries(task)) {
            if (files.read(task + tid + "/schedstat")) {
                long ns = files.number(0);
                if (ns >= 0) {
                    sum += ns;
                    any = true;
                }
            }
        }
        return any ? sum : -1;
    }
}
