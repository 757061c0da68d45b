package org.threadlab.sample;

/**
 * One thread over one slice of the fine timeline, read from {@code /proc/PID/task/TID/schedstat} and
 * {@code stat} at the slice's two ends (or, for threadlab's own threads, its exact CPU clock).
 *
 * @param cpuNanos      CPU time the thread used over the slice; -1 when it could not be read
 * @param runQueueNanos time it was runnable but waited for a core over the slice (schedstat's second
 *                      field); -1 when unknown
 * @param state         the kernel's state letter read at the slice's end (R, S, D, T, Z...); 'X' when the
 *                      thread was gone by then
 * @param core          the core it last ran on, read at the slice's end (stat field 39); -1 when unknown
 * @param exact         true when {@code cpuNanos} is exact (the thread's CPU clock); false when it is the
 *                      kernel's figure that is brought up to date only at a running thread's scheduler tick
 * @param javaState     for threadlab's own threads, the JVM's state of it at the slice's end (BLOCKED also when
 *                      parked on a lock another thread owns, as a ReentrantLock: the JVM says WAITING)
 *                      ({@link Thread.State#name()}: BLOCKED means blocked on a lock); else null
 */
public record ThreadSlice(long pid, long tid, String name, long cpuNanos, long runQueueNanos, char state, int core,
                          boolean exact, String javaState) {}
