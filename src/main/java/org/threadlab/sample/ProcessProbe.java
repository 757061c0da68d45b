package org.threadlab.sample;

/** Reads one watched process per tick, keeping what it needs from the previous tick for CPU deltas. */
interface ProcessProbe extends AutoCloseable {
    /**
     * @param java the Java view when this is threadlab's own JVM, else null
     * @return never null; a process that vanished or cannot be read comes back with {@code error} set
     */
    ProcessSample sample(String role, JavaView java);

    /** Every thread's switch counts: what a probe reads unless told otherwise. */
    java.util.function.LongPredicate EVERY_THREAD = tid -> true;

    /** Whose context-switch counts the next ticks read, by TID (a source without them ignores it). */
    default void switchesWanted(java.util.function.LongPredicate wanted) {}

    /**
     * Whether a thread that has not run since its last read may still show something new in what is read
     * of it: a wake-up still waiting for a CPU (S to R), which needs more runnable threads on the host than
     * cores, or a nice set from outside, which only a recording keeps. False lets a probe leave such a thread's
     * state unread (a source that reads everything anyway ignores it). True unless told otherwise.
     */
    default void idleMayChange(boolean mayChange) {}

    /** Lets go of what it keeps open (files); called when the process is no longer watched. */
    @Override
    default void close() {}
}
