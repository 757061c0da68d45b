package org.threadlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the CLI needs to know about where its output goes. */
final class Terminal {
    private Terminal() {}

    /**
     * True when file descriptor {@code fd} (1 = stdout, 2 = stderr) is a terminal. On Linux the
     * descriptor's link under /proc/self/fd says so directly; System.console() cannot, since on
     * Java 17 it is null whenever stdin or stdout is redirected, even if stderr is a terminal.
     */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; it can tell the truth
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
            this.on = !quiet && isTerminal(2);
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

        /** Leaves the line as it is and moves to the next: after Ctrl-C, where it stopped stays readable. */
        void end() {
            if (on && lastLength > 0) {
                err.println();
                err.flush();
                lastLength = 0;
            }
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
