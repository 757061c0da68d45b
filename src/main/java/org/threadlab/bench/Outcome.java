package org.threadlab.bench;

/** Whether a bench row met its target: measured and met, measured and missed, or not measured (with the reason). */
public enum Outcome {
    PASS, FAIL, SKIPPED;

    /** How the table prints it: lower case, the way a reader says it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
