package org.threadlab.sample;

/**
 * The JVM's view of one of threadlab's own threads (ThreadMXBean).
 *
 * @param state          RUNNABLE, BLOCKED, WAITING, TIMED_WAITING...
 * @param allocatedBytes bytes allocated so far by this thread; -1 when not supported
 */
public record JavaThreadSample(long id, String name, Thread.State state, boolean daemon, long allocatedBytes) {}
