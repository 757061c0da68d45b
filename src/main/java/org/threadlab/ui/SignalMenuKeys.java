package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * The signal menu's keys: Up/Down (Home/End) choose, Enter
 * sends (or asks first: y sends, n or Esc does not), Esc cancels; Backspace and Delete act as Esc,
 * as in htop's panels. Sending is the commands' job: these keys only choose.
 */
final class SignalMenuKeys implements DialogKeys {
    private final UiState st;
    private final Commands commands;

    SignalMenuKeys(UiState st, Commands commands) {
        this.st = st;
        this.commands = commands;
    }

    @Override
    public Reaction key(KeyStroke k) {
        SignalMenu m = st.signalMenu;
        if (m.confirming()) {
            return confirmKey(m, k);
        }
        switch (k.getKeyType()) {
            case ArrowUp -> m.move(-1);
            case ArrowDown -> m.move(1);
            case Home -> m.select(0);
            case End -> m.select(SignalMenu.SIGNALS.size() - 1);
            case Enter -> {
                if (m.target().ours()) {
                    // threadlab's own: as k and K, nothing to confirm
                    return commands.sendSignal();
                }
                m.confirm(true);
            }
            case Escape, Backspace, Delete -> {
                return cancel();
            }
            case Character -> {
                // q closes it as it closes the other boxes; no other letter means anything here
                return k.getCharacter() == 'q' && !k.isCtrlDown() ? cancel() : Reaction.NONE;
            }
            default -> {
                return Reaction.NONE;
            }
        }
        return Reaction.REDRAW;
    }

    private Reaction confirmKey(SignalMenu m, KeyStroke k) {
        switch (k.getKeyType()) {
            case Character -> {
                char c = Character.toLowerCase(k.getCharacter());
                if (c == 'y') {
                    return commands.sendSignal();
                }
                if (c == 'n') {
                    return cancel();
                }
                return Reaction.NONE;
            }
            case Escape, Backspace, Delete -> {
                return cancel();
            }
            default -> {
                return Reaction.NONE;
            }
        }
    }

    private Reaction cancel() {
        st.overlay = UiState.Overlay.NONE;
        st.status("no signal sent", false);
        return Reaction.REDRAW;
    }
}
