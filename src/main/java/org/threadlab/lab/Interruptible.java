package org.threadlab.lab;

/**
 * One step of a headless run (a compare row, a lesson) that Ctrl-C may cut short: Ctrl-C interrupts
 * the command's thread, and what the step measured while it was cut short is not kept.
 */
final class Interruptible {
    private Interruptible() {}

    /** A step that may be interrupted. */
    interface Step<T> {
        T run() throws InterruptedException;
    }

    /**
     * Runs {@code step}; its value, or null when the interruption cut it short (the thread's interrupt
     * flag then stays set, for the caller to stop on).
     */
    static <T> T run(Step<T> step) {
        try {
            T value = step.run();
            return Thread.currentThread().isInterrupted() ? null : value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            // a worker stopped by the interruption fails its step: that is the interruption too
            if (!Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return null;
        }
    }
}
