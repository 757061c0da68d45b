package org.threadlab.ui;

/**
 * What must happen after a key or a finished background command, as htop's actions return reaction
 * flags: the handler says what it changed, the screen loop decides what to do about it. Ordered:
 * a later constant includes what the earlier ones ask for.
 */
public enum Reaction {
    /** The key means nothing here: nothing changed. */
    NONE,
    /** Only the screen's state changed (selection, a dialog, the status line): draw it again. */
    REDRAW,
    /** Workers changed (started, stopped, cleared): bring the model up to date, then draw it. */
    REBUILD,
    /** Leave the screen loop. */
    EXIT;

    /** The stronger of the two: what a batch of events asks for. */
    Reaction and(Reaction other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
