package org.threadlab.ui;

/** What can have the focus: the two worker tables (in-JVM workers, child processes) and the events log. */
enum Pane {
    THREADS, PROCESSES, EVENTS;

    /** Tab's order: threads, processes, events, and round again. */
    Pane next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** Shift-Tab's order: the other way round. */
    Pane previous() {
        return values()[(ordinal() + values().length - 1) % values().length];
    }
}
