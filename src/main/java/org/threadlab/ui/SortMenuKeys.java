package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;

/** The sort-by menu's keys (F6, as htop's): Up/Down choose a column, Enter sorts by it (the same one again: reversed), Esc, Backspace or Delete cancel. */
final class SortMenuKeys implements DialogKeys {
    private final UiState st;
    private final Navigation nav;

    SortMenuKeys(UiState st, Navigation nav) {
        this.st = st;
        this.nav = nav;
    }

    @Override
    public Reaction key(KeyStroke k) {
        int last = SortKey.values().length - 1;
        switch (k.getKeyType()) {
            case ArrowUp -> st.sortMenuSelected = Math.max(0, st.sortMenuSelected - 1);
            case ArrowDown -> st.sortMenuSelected = Math.min(last, st.sortMenuSelected + 1);
            case Home -> st.sortMenuSelected = 0;
            case End -> st.sortMenuSelected = last;
            case Enter -> {
                st.overlay = UiState.Overlay.NONE;
                return nav.sortBy(SortKey.values()[st.sortMenuSelected]);
            }
            case Escape, Backspace, Delete -> st.overlay = UiState.Overlay.NONE;
            case Character -> {
                if (k.getCharacter() != 'q' || k.isCtrlDown()) {
                    return Reaction.NONE;
                }
                st.overlay = UiState.Overlay.NONE;
            }
            default -> {
                return Reaction.NONE;
            }
        }
        return Reaction.REDRAW;
    }
}
