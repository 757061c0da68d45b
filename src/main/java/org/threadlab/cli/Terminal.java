package org.threadlab.cli;

import java.io.PrintStream;

/** What the CLI needs to know about where its output goes. */
final class Terminal {
    private Terminal() {}

    /** True when stdout/stderr go to an interactive terminal (System.console() is null otherwise on Java 17–21). */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it can tell us the truth
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** A one-line progress display on stderr, redrawn in place; silent when stderr is not a terminal. */
    static final class ProgressLine implements AutoCloseable {
        private final PrintStream err;
        private final boolean on;
        private int lastLength;

        ProgressLine(PrintStream err, boolean quiet) {
            this.err = err;
            this.on = !quiet && interactive();
        }

        void show(String text) {
            if (!on) {
                return;
            }
            String padded = text + " ".repeat(Math.max(0, lastLength - text.length()));
            lastLength = text.length();
            err.print("\r" + padded);
            err.flush();
        }

        @Override
        public void close() {
            if (on && lastLength > 0) {
                err.print("\r" + " ".repeat(lastLength) + "\r");
                err.flush();
            }
        }
    }
}
