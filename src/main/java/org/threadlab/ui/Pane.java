package org.threadlab.ui;

/** The two worker tables: workers inside threadlab's JVM, and child processes. */
enum Pane {
    THREADS, PROCESSES;

    Pane other() {
        return this == THREADS ? PROCESSES : THREADS;
    }
}
