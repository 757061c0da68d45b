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

    /** Lets go of what it keeps open (files); called when the process is no longer watched. */
    @Override
    default void close() {}
}
