package org.threadlab.sample;

/**
 * The exact CPU clocks of threadlab's own Java threads (ThreadMXBean, nanoseconds), joined to native
 * threads: what lets the probe of its own process leave a thread's /proc files unread when its clock
 * shows it has not run since they were last read.
 */
interface OwnClocks {
    /**
     * The Java thread a native thread joins to (a worker's known pair, else a kernel name unique on both
     * sides), or -1: a JVM-internal thread (GC, compiler, VM thread) or one whose name does not tell.
     */
    long javaId(long tid, String kernelName, boolean nameUnique);

    /**
     * The Java thread's CPU time, from one bulk read made at the first call of a tick (after the process's
     * {@code stat}: a thread whose clock is read is alive after the thread count was read); -1 when unknown
     * (it ended, or the JVM has no thread clocks).
     */
    long cpuNanos(long javaId);

    /** {@code System.nanoTime()} just before that bulk read: a clock that had not moved had not up to then. */
    long readAt();

    /**
     * For the rest of this tick, each clock asked for is read alone, with no bulk read of every thread's:
     * the process's own clock stands guard over those not asked for ({@link ProcProbe}'s own-process gate).
     */
    default void oneByOne() {}
}
