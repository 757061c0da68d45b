package org.threadlab.worker;

import java.util.Locale;

/** Where a worker runs. */
public enum WorkerKind {
    /** A platform thread in threadlab's own JVM. */
    THREAD("thread"),
    /** A virtual thread in threadlab's own JVM (Java 21 or newer). */
    VIRTUAL("virtual"),
    /** A child JVM of its own. */
    PROCESS("process");

    private final String label;

    WorkerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What one such worker is called in a sentence: "thread", "virtual thread", "process". */
    public String noun() {
        return this == VIRTUAL ? "virtual thread" : label;
    }

    public boolean inThisJvm() {
        return this != PROCESS;
    }

    public static WorkerKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "thread", "threads", "t" -> THREAD;
            case "virtual", "vthread", "v" -> VIRTUAL;
            case "process", "processes", "proc", "p" -> PROCESS;
            default -> throw new IllegalArgumentException("unknown kind '" + text + "' (choose thread, virtual or process)");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
