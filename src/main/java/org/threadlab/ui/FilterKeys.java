package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;

/** The filter being typed after {@code /}: characters add, Backspace or Delete removes, Enter keeps it, Esc clears it. */
final class FilterKeys implements DialogKeys {
    private final UiState st;

    FilterKeys(UiState st) {
        this.st = st;
    }

    @Override
    public Reaction key(KeyStroke k) {
        switch (k.getKeyType()) {
            case Enter -> st.editingFilter = false;
            case Escape -> {
                st.editingFilter = false;
                st.filter = "";
            }
            // Delete too: with no cursor in the line, both take the last character off (as htop's filter)
            case Backspace, Delete -> {
                if (!st.filter.isEmpty()) {
                    st.filter = st.filter.substring(0, st.filter.length() - 1);
                }
            }
            case Character -> {
                if (k.isCtrlDown()) {
                    return Reaction.NONE;
                }
                st.filter += k.getCharacter();
            }
            default -> {
                return Reaction.NONE;
            }
        }
        return Reaction.REDRAW;
    }
}
