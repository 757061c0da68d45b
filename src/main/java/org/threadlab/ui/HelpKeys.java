package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;

/** The help overlay's keys: any key closes it (and does nothing else). */
final class HelpKeys implements DialogKeys {
    private final UiState st;

    HelpKeys(UiState st) {
        this.st = st;
    }

    @Override
    public Reaction key(KeyStroke k) {
        st.overlay = UiState.Overlay.NONE;
        return Reaction.REDRAW;
    }
}
