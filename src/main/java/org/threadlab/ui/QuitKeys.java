package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * The quit question's keys (w waits, k or K or Ctrl-C kills, c or Esc cancels), and the only keys
 * that act once quitting has begun: q, k, K or Ctrl-C again kill what is still being waited for.
 */
final class QuitKeys implements DialogKeys {
    private final UiState st;
    private final Quitting quitting;

    QuitKeys(UiState st, Quitting quitting) {
        this.st = st;
        this.quitting = quitting;
    }

    @Override
    public Reaction key(KeyStroke k) {
        Key key = Key.of(k);
        if (key.equals(Key.of('w'))) {
            return quitting.quit(false);
        }
        if (key.equals(Key.of('k')) || key.equals(Key.of('K')) || key.equals(Key.ctrl('c'))) {
            return quitting.quit(true);
        }
        if (key.equals(Key.of('c')) || k.getKeyType() == KeyType.Escape) {
            st.overlay = UiState.Overlay.NONE;
            st.status("quit cancelled", false);
            return Reaction.REDRAW;
        }
        return Reaction.NONE;
    }

    /** While quitting: the keys that stop the waiting and kill. */
    Reaction whileStopping(KeyStroke k) {
        Key key = Key.of(k);
        for (Key kills : new Key[] {Key.of('q'), Key.of('Q'), Key.ctrl('c'), Key.of('k'), Key.of('K')}) {
            if (key.equals(kills)) {
                return quitting.quit(true);
            }
        }
        return Reaction.NONE;
    }
}
