package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The help lists every key that does something: a user finds out what a key does by pressing ?. */
class HelpKeysTest {
    /** Typed with or without Shift (or Caps Lock), these are their listed twin, not keys of their own. */
    private static final Map<Character, Character> TWINS = Map.of('Q', 'q', '=', '+', '_', '-');

    private static Set<String> listed() {
        Set<String> keys = new HashSet<>();
        for (KeyMap.Binding b : KeyMap.HELP) {
            keys.addAll(java.util.List.of(b.keys().split(" ")));
        }
        return keys;
    }

    @Test
    void everyCharacterThatActsIsInTheHelp() {
        Set<String> listed = listed();
        for (char c = ' '; c < 127; c++) {
            if (Character.isDigit(c) || KeyMap.of(new KeyStroke(c, false, false)) == KeyMap.Action.NONE) {
                continue;
            }
            char key = TWINS.getOrDefault(c, c);
            String name = key == ' ' ? "space" : String.valueOf(key);
            assertTrue(listed.contains(name), "'" + c + "' does " + KeyMap.of(new KeyStroke(c, false, false))
                    + " but the help does not list it: " + listed);
        }
        for (char c = 'a'; c <= 'z'; c++) {
            if (KeyMap.of(new KeyStroke(c, true, false)) != KeyMap.Action.NONE) {
                assertTrue(listed.contains("^" + Character.toUpperCase(c)), "Ctrl-" + c + " acts but is not in the help");
            }
        }
    }
}
