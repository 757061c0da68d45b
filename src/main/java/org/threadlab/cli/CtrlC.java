package org.threadlab.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) as an interruption of the command's own thread, for as long as it is open: the
 * command then stops its workers, prints what it measured, marked incomplete, and exits 130. The
 * JVM's default would run the shutdown hooks and exit at once, throwing away every finished row.
 * A second Ctrl-C does that anyway, for a stop that hangs.
 */
final class CtrlC implements AutoCloseable {
    /** 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C. */
    static final int EXIT_INTERRUPTED = 130;

    private static final Signal INT = new Signal("INT");
    private final SignalHandler previous;
    private volatile boolean pressed;

    /** Interrupts {@code target} on Ctrl-C until closed. */
    CtrlC(Thread target) {
        this(target, () -> { });
    }

    /** Runs {@code first} (on the signal's thread), then interrupts {@code target}, on Ctrl-C until closed. */
    CtrlC(Thread target, Runnable first) {
        SignalHandler old;
        try {
            old = Signal.handle(INT, s -> {
                if (pressed) {
                    Runtime.getRuntime().exit(EXIT_INTERRUPTED);
                }
                pressed = true;
                first.run();
                target.interrupt();
            });
        } catch (IllegalArgumentException e) {
            // SIGINT is the JVM's own here (java -Xrs): Ctrl-C keeps its default, an exit without a summary
            old = null;
        }
        previous = old;
    }

    /** True once Ctrl-C was pressed: whatever the command's thread saw since then is the interruption's doing. */
    boolean pressed() {
        return pressed;
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
