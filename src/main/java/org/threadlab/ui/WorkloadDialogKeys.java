package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * The {@code w} dialog's keys: Up/Down or Tab change the type, the parameter line is edited as a
 * shell's (with the readline keys), Enter applies, Esc cancels. What the dialog's fields are is
 * {@link WorkloadDialog}'s business; this class only maps keys onto it.
 */
final class WorkloadDialogKeys implements DialogKeys {
    private final UiState st;

    WorkloadDialogKeys(UiState st) {
        this.st = st;
    }

    @Override
    public Reaction key(KeyStroke k) {
        WorkloadDialog d = st.dialog;
        switch (k.getKeyType()) {
            case Escape -> st.overlay = UiState.Overlay.NONE;
            case Enter -> {
                ChosenWorkload spec = d.apply();
                if (spec != null) {
                    st.workload = spec;
                    st.overlay = UiState.Overlay.NONE;
                    st.status("workload for the next starts: " + spec.describe(), false);
                }
            }
            case ArrowUp, ReverseTab -> d.cycleType(-1);
            case ArrowDown, Tab -> d.cycleType(1);
            case ArrowLeft -> d.left();
            case ArrowRight -> d.right();
            case Home -> d.home();
            case End -> d.end();
            case Backspace -> d.backspace();
            case Delete -> d.delete();
            case Character -> {
                if (!k.isCtrlDown()) {
                    d.type(k.getCharacter());
                } else {
                    return lineEditKey(d, Character.toLowerCase(k.getCharacter()));
                }
            }
            default -> {
                return Reaction.NONE;
            }
        }
        return Reaction.REDRAW;
    }

    /** The readline keys people type without thinking: Ctrl-A/E/B/F move, Ctrl-U/K/W/D/H delete. */
    private static Reaction lineEditKey(WorkloadDialog d, char c) {
        switch (c) {
            case 'a' -> d.home();
            case 'e' -> d.end();
            case 'b' -> d.left();
            case 'f' -> d.right();
            case 'u' -> d.deleteToStart();
            case 'k' -> d.deleteToEnd();
            case 'w' -> d.deleteWordBefore();
            case 'd' -> d.delete();
            case 'h' -> d.backspace();
            default -> {
                return Reaction.NONE;
            }
        }
        return Reaction.REDRAW;
    }
}
