package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * The all-processes view's filter or search being typed: characters add, Backspace removes, Enter
 * keeps it, Esc clears it. The search jumps to the first match as it is typed (htop's incremental F3).
 */
final class ProcsTypingKeys implements DialogKeys {
    private final UiState st;
    private final ProcsPane pane;

    ProcsTypingKeys(UiState st, ProcsPane pane) {
        this.st = st;
        this.pane = pane;
    }

    @Override
    public Reaction key(KeyStroke k) {
        ProcsState p = st.procs;
        boolean search = p.typing == ProcsState.Typing.SEARCH;
        String text = search ? p.search : p.filter;
        switch (k.getKeyType()) {
            case Enter, F3 -> {
                p.typing = ProcsState.Typing.NONE;
                if (search && !text.isEmpty() && k.getKeyType() == com.googlecode.lanterna.input.KeyType.F3) {
                    return pane.nextMatch(1, false);
                }
                return Reaction.REDRAW;
            }
            case Escape -> {
                p.typing = ProcsState.Typing.NONE;
                text = "";
            }
            case Backspace -> {
                if (!text.isEmpty()) {
                    text = text.substring(0, text.length() - 1);
                }
            }
            case Character -> {
                if (k.isCtrlDown()) {
                    return Reaction.NONE;
                }
                text += k.getCharacter();
            }
            default -> {
                return Reaction.NONE;
            }
        }
        if (search) {
            p.search = text;
            if (!text.isEmpty()) {
                return pane.nextMatch(1, true);
            }
        } else {
            p.filter = text;
        }
        return Reaction.REDRAW;
    }
}
