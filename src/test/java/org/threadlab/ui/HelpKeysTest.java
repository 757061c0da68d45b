package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The help is generated from the key table, and nothing acts without being listed: every key the
 * main screen's handler acts on is in the help, and every key the help lists acts.
 */
class HelpKeysTest {
    /** Every key a terminal can send that the main screen might bind: printable characters, Ctrl-letters, special keys. */
    private static List<KeyStroke> everyKey() {
        List<KeyStroke> keys = new ArrayList<>();
        for (char c = ' '; c < 127; c++) {
            keys.add(new KeyStroke(c, false, false));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            keys.add(new KeyStroke(c, true, false));
        }
        for (KeyType t : KeyType.values()) {
            // a character comes above; EOF, mouse and cursor reports are not keys a user presses
            if (t != KeyType.Character && t != KeyType.EOF && t != KeyType.MouseEvent && t != KeyType.CursorLocation) {
                keys.add(new KeyStroke(t));
            }
        }
        return keys;
    }

    /** The help's key labels, split into keys: "? h F1" is three; "0-9" is the ten digits. */
    private static Set<String> listed(KeyMap table) {
        Set<String> keys = new HashSet<>();
        for (KeyMap.HelpSection s : table.help()) {
            for (KeyMap.HelpLine l : s.lines()) {
                if (l.keys().equals("0-9")) {
                    for (char c = '0'; c <= '9'; c++) {
                        keys.add(String.valueOf(c));
                    }
                } else {
                    keys.addAll(List.of(l.keys().split(" ")));
                }
            }
        }
        return keys;
    }

    /** What the main screen does with one key, pressed first thing (on a replay's commands: nothing real happens). */
    private static Reaction press(KeyMap table, KeyStroke k) {
        UiState st = new UiState(java.time.Duration.ofSeconds(1));
        Tasks tasks = new Tasks(Runnable::run, e -> { });
        Controller c = new Controller(new ReplayCommands(), Fixtures.source(Fixtures.snapshot()), st, table, tasks,
                () -> new TerminalSize(100, 30));
        try {
            return c.key(k);
        } finally {
            c.close();
        }
    }

    @Test
    void everyKeyThatActsIsInTheHelpAndEveryListedKeyActs() {
        KeyMap table = LiveKeys.TABLE;
        Set<String> listed = listed(table);
        Set<String> acting = new HashSet<>();
        for (KeyStroke k : everyKey()) {
            if (press(table, k) != Reaction.NONE) {
                String label = Key.of(k).label();
                acting.add(label);
                assertTrue(listed.contains(label), label + " acts but the help does not list it: " + listed);
            }
        }
        for (String key : listed) {
            assertTrue(acting.contains(key), "the help lists " + key + " but it does nothing: " + acting);
        }
        // the ones that used to work unlisted
        assertTrue(listed.containsAll(List.of("h", "=", "_", "Q", "S-Tab")), listed.toString());
    }

    @Test
    void aReplayGroupComesFirstAndTakesTheKeysItBinds() {
        AtomicInteger paused = new AtomicInteger();
        KeyMap.Binding pause = KeyMap.Binding.of(List.of(Key.of(' '), Key.of('p')), "pause / play", (c, k) -> {
            paused.incrementAndGet();
            return c.status("paused", false);
        });
        KeyMap.Group replay = new KeyMap.Group("Replay", List.of(pause,
                KeyMap.Binding.of(List.of(Key.of('n')), "next event", (c, k) -> c.status("next", false))),
                List.of(new KeyMap.Hint(pause, "space", "pause")));
        KeyMap table = new KeyMap(List.of(replay, LiveKeys.GROUP));
        List<KeyMap.HelpSection> help = table.help();
        assertEquals("Replay", help.get(0).title());
        assertEquals(new KeyMap.HelpLine("space p", "pause / play"), help.get(0).lines().get(0));
        List<String> live = help.get(1).lines().stream().map(KeyMap.HelpLine::what).toList();
        assertFalse(live.contains("start a process (child JVM)"), "p is the replay's now: " + live);
        assertTrue(help.get(1).lines().contains(new KeyMap.HelpLine("z", "freeze / unfreeze display")), "and so is space: " + live);
        assertTrue(live.contains("start a thread"), live.toString());
        assertEquals(Reaction.REDRAW, press(table, new KeyStroke('p', false, false)));
        assertEquals(Reaction.REDRAW, press(table, new KeyStroke(' ', false, false)));
        assertEquals(2, paused.get(), "p and space reached the replay's action");
        Set<String> listed = listed(table);
        assertTrue(listed.contains("n") && listed.contains("t"), listed.toString());
        // the footer: the replay's hints alone (it names the live keys that still act), none of the live ones that do nothing
        List<String> hints = table.hints().stream().map(h -> h.keys() + " " + h.word()).toList();
        assertEquals(List.of("space pause"), hints);
        assertEquals("t thread", LiveKeys.TABLE.hints().stream().map(h -> h.keys() + " " + h.word()).findFirst().orElseThrow());
    }

    @Test
    void aLessonsKeysComeFirstAndEveryKeyThatActsIsListed() {
        org.threadlab.lesson.Lesson lesson = new org.threadlab.lesson.Lesson("t", "T", "", "t.yaml",
                List.of(new org.threadlab.lesson.Step(1, "s", "say", null, List.of())));
        try (org.threadlab.worker.Supervisor supervisor = new org.threadlab.worker.Supervisor()) {
            org.threadlab.lesson.LessonRunner runner = new org.threadlab.lesson.LessonRunner(lesson, supervisor,
                    Fixtures.source(Fixtures.snapshot()), org.threadlab.lesson.LessonRunner.Options.system());
            KeyMap table = new KeyMap(List.of(LessonKeys.group(runner), LiveKeys.GROUP));
            Set<String> listed = listed(table);
            for (KeyStroke k : everyKey()) {
                if (press(table, k) != Reaction.NONE) {
                    String label = Key.of(k).label();
                    assertTrue(listed.contains(label), label + " acts but the help does not list it: " + listed);
                }
            }
            assertTrue(listed.containsAll(List.of("space", "n", "b", "r", "a", "z", "t", "q")), listed.toString());
            List<KeyMap.HelpSection> help = table.help();
            assertEquals("Lesson", help.get(0).title());
            assertEquals(new KeyMap.HelpLine("space n", "lesson: go on / next step"), help.get(0).lines().get(0));
            assertTrue(help.get(1).lines().contains(new KeyMap.HelpLine("z", "freeze / unfreeze display")), help.get(1).toString());
            List<String> hints = table.hints().stream().map(h -> h.keys() + " " + h.word()).toList();
            assertEquals(List.of("space next", "b back", "r redo", "a answer", "t thread"), hints.subList(0, 5));
            assertTrue(hints.contains("z freeze") && !hints.contains("space freeze"), hints.toString());
        }
    }
}
