package org.threadlab.sample;

/**
 * One native thread of a watched process.
 *
 * @param state      the kernel's one-letter state (R, S, D, Z, T...)
 * @param cpuPercent over the last interval; 100 = one core busy
 * @param core       the core it last ran on; -1 when unknown (OSHI has none)
 * @param nice       {@link #UNKNOWN_NICE} when unknown (OSHI has none; -1 is a nice value)
 * @param voluntarySwitches   -1 when unknown, as {@code involuntarySwitches}
 * @param java       the Java view, for threads of threadlab's own JVM that map to a Java thread; else null
 */
public record ThreadSample(long tid, String name, String state, double cpuPercent, int core, int priority, int nice,
                           long voluntarySwitches, long involuntarySwitches, JavaThreadSample java) {
    /** The nice value of a thread whose nice is not known. */
    public static final int UNKNOWN_NICE = Integer.MIN_VALUE;
}
