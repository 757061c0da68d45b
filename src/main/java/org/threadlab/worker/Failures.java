package org.threadlab.worker;

import org.threadlab.text.Reasons;

/**
 * Why a worker failed, in one line a user reads: the same words whether the workload ran in a
 * thread of threadlab's JVM or in a child JVM.
 */
public final class Failures {
    private Failures() {}

    /**
     * "out of memory: Java heap space" for a heap that ran out; our own refusals (an
     * IllegalStateException or IllegalArgumentException carries a sentence) as they are; anything
     * else with its exception's simple name, so "NullPointerException: ..." still says what happened.
     */
    public static String describe(Throwable e) {
        String msg = e.getMessage();
        if (e instanceof OutOfMemoryError) {
            // an OutOfMemoryError thrown without a message (by hand, or by some JVMs) is not "out of memory: null"
            return msg == null || msg.isBlank() ? "out of memory" : "out of memory: " + msg;
        }
        boolean ours = e.getClass() == IllegalStateException.class || e.getClass() == IllegalArgumentException.class;
        return msg == null || msg.isBlank() || ours ? Reasons.of(e) : e.getClass().getSimpleName() + ": " + msg;
    }
}
