package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * One key as the key table binds it: a character (Ctrl or not) or a special key. Shift is in the
 * character ('K' is not 'k'); modifiers on special keys are ignored (Ctrl-Up is Up). Its label is how
 * the help writes it.
 */
public record Key(KeyType type, char ch, boolean ctrl) {
    /** A plain character key. */
    public static Key of(char c) {
        return new Key(KeyType.Character, c, false);
    }

    /** Ctrl and a letter; Ctrl-C and Ctrl-Shift-C are the same key, as terminals send them alike. */
    public static Key ctrl(char c) {
        return new Key(KeyType.Character, Character.toLowerCase(c), true);
    }

    /** A special key: arrows, Page Up/Down, Home, End, Tab, Esc, F1... */
    public static Key of(KeyType type) {
        return new Key(type, '\0', false);
    }

    /** The key a stroke is (Alt is taken apart before: see {@link Controller}). */
    static Key of(KeyStroke k) {
        if (k.getKeyType() != KeyType.Character) {
            return of(k.getKeyType());
        }
        return k.isCtrlDown() ? ctrl(k.getCharacter()) : of(k.getCharacter());
    }

    /** As the help writes it: {@code t}, {@code space}, {@code ^C}, {@code PgUp}, {@code S-Tab}. */
    public String label() {
        if (type == KeyType.Character) {
            return ctrl ? "^" + Character.toUpperCase(ch) : ch == ' ' ? "space" : String.valueOf(ch);
        }
        return switch (type) {
            case ArrowUp -> "Up";
            case ArrowDown -> "Down";
            case ArrowLeft -> "Left";
            case ArrowRight -> "Right";
            case PageUp -> "PgUp";
            case PageDown -> "PgDn";
            case ReverseTab -> "S-Tab";
            case Escape -> "Esc";
            default -> type.name();
        };
    }
}
