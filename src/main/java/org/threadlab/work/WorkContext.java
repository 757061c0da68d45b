package org.threadlab.work;

import java.time.Duration;

/**
 * What a running workload may ask of the worker that runs it. Implemented once for threads in
 * this JVM and once inside a child process; the workload cannot tell which.
 */
public interface WorkContext {

    /** True once somebody asked this worker to stop (terminate, shutdown, the parent's "stop"). */
    boolean cancelRequested();

    /** Throws {@link InterruptedException} when cancellation was requested: the cooperative exit point. */
    default void checkCancelled() throws InterruptedException {
        if (cancelRequested() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled");
        }
    }

    /**
     * Called between small slices of CPU work. With the simulated GIL on this is where the lock is
     * taken, and handed over once the switch interval has passed. Never throws for cancellation;
     * only an interrupt while waiting for the lock ends it.
     */
    void cpuCheckpoint() throws InterruptedException;

    /** Leaves CPU work (releases the GIL if held): before waiting, and at the end. */
    void releaseCpu();

    /** Waits like blocking I/O: the worker shows as waiting, the GIL is released. */
    void sleep(Duration duration) throws InterruptedException;

    /** Reports progress in the workload's own units. Cheap: may be called often. */
    void progress(long done, long total);

    /**
     * Waits like blocking I/O ({@link #sleep}) for the whole {@code duration} in one wait, its progress
     * ({@code steps} steps) moving with the clock rather than with wake-ups, and returns true. Returns
     * false at once, having waited not at all, where the context cannot do that (a child process, whose
     * progress is a line to its parent each time): the caller then waits in slices, reporting each.
     */
    default boolean sleepShowingProgress(Duration duration, long steps) throws InterruptedException {
        return false;
    }

    /** A short live status line (e.g. a queue's size), shown on the worker's row. Cheap: may be called often. */
    default void status(String text) {
    }

    /**
     * The work is done by another process (an external program): its PID is the one to show and to
     * signal. Only meaningful in a child process.
     */
    default void target(long pid) {
    }

    /** A line an external program wrote to its stdout (kept as the worker's output tail). */
    default void output(String line) {
    }

    /** Something to do when the worker's process is about to exit (kill a program it started). */
    default void atExit(Runnable cleanup) {
    }

    /** The worker's name (also its work thread's name), e.g. {@code cpu-3}. */
    String workerName();
}
