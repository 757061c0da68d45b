package org.threadlab.ui;

/**
 * What a key's action works with: the UI state, the commands (joins and quitting apart), the navigation, and the count typed
 * before the key (1 when none). Made once per screen; the count is set for each key.
 */
public final class UiContext {
    final UiState st;
    final Commands commands;
    final Joins joins;
    final Quitting quitting;
    final Navigation nav;
    final TimelinePane timeline;
    /** The all-processes view's commands (a). */
    final ProcsPane procs;
    /** The count typed before this key: 1 when none; 0 or over the limit when so typed (refused when used). */
    int count = 1;

    UiContext(UiState st, Commands commands, Joins joins, Quitting quitting, Navigation nav, TimelinePane timeline,
              ProcsPane procs) {
        this.st = st;
        this.commands = commands;
        this.joins = joins;
        this.quitting = quitting;
        this.nav = nav;
        this.timeline = timeline;
        this.procs = procs;
    }

    /** Puts a line on the status bar (a replay's keys say where they are). */
    public Reaction status(String text, boolean error) {
        st.status(text, error);
        return Reaction.REDRAW;
    }
}
