package org.threadlab.ui;

/**
 * What a command to the workers answers: one line for the status bar, whether it is an error, and
 * whether it changed the workers (then the model is rebuilt before the next frame).
 */
public record Reply(String status, boolean error, boolean changed) {
    /** It was done; the workers changed. */
    public static Reply done(String status) {
        return new Reply(status, false, true);
    }

    /** Said, nothing changed. */
    public static Reply note(String status) {
        return new Reply(status, false, false);
    }

    /** Refused or failed, nothing changed. */
    public static Reply refused(String status) {
        return new Reply(status, true, false);
    }

    /** What it asks of the screen loop. */
    Reaction reaction() {
        return changed ? Reaction.REBUILD : Reaction.REDRAW;
    }
}
