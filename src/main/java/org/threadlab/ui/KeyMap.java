package org.threadlab.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one key table, as htop's: every key the main screen acts on is bound here to an action and a
 * line of help, and the {@code ?} overlay is generated from it, so no key can work unlisted. It is
 * built from groups (the live screen's; a replay puts its own group first). Where two groups bind
 * the same key the first wins, and the help lists the key only where it acts.
 */
public final class KeyMap {
    /** What a bound key does: runs on the UI thread, never waits, and says what must happen next. */
    @FunctionalInterface
    public interface Action {
        Reaction run(UiContext ctx, Key key);
    }

    /**
     * Keys bound to one action, with its help. {@code label} is how the help writes the keys when not
     * simply their labels ("0-9"); {@code countPrefix} marks the digits, which build a count instead
     * of using one.
     */
    public record Binding(List<Key> keys, String label, String help, Action action, boolean countPrefix) {
        public Binding {
            keys = List.copyOf(keys);
        }

        /** Keys written as the help writes them ("? h F1"), and what they do. */
        public static Binding of(List<Key> keys, String help, Action action) {
            return new Binding(keys, null, help, action, false);
        }

        /** The label the help shows: the given one, else the keys' labels. */
        String label(List<Key> shown) {
            if (label != null) {
                return label;
            }
            StringBuilder sb = new StringBuilder();
            for (Key k : shown) {
                sb.append(sb.length() == 0 ? "" : " ").append(k.label());
            }
            return sb.toString();
        }
    }

    /**
     * A word in the footer for one of the group's bindings, e.g. {@code t thread}: {@code keys} as the
     * footer writes them ("+-" for the four interval keys), in the order the footer shows them (most
     * used first: a narrow footer keeps the first ones).
     */
    public record Hint(Binding binding, String keys, String word) {}

    /**
     * Bindings listed together in the help, under a title (none for the first group), and the footer's
     * hints when this is the first group that has any: a hint may name a binding of a later group (a
     * replay's footer names the live keys that still act in it, and no others).
     */
    public record Group(String title, List<Binding> bindings, List<Hint> hints) {
        public Group {
            bindings = List.copyOf(bindings);
            hints = List.copyOf(hints);
        }

        /** A group with no footer hints. */
        public Group(String title, List<Binding> bindings) {
            this(title, bindings, List.of());
        }
    }

    /** One line of the help: the keys as written, and what they do. */
    record HelpLine(String keys, String what) {}

    /** A titled part of the help; {@code title} null for the first. */
    record HelpSection(String title, List<HelpLine> lines) {}

    private final List<Group> groups;
    private final Map<Key, Binding> byKey = new LinkedHashMap<>();

    KeyMap(List<Group> groups) {
        this.groups = List.copyOf(groups);
        for (Group g : groups) {
            for (Binding b : g.bindings()) {
                for (Key k : b.keys()) {
                    byKey.putIfAbsent(k, b);
                }
            }
        }
    }

    /** Whether a key of the table triggers {@code b} (another group may have taken all its keys). */
    private boolean reached(Binding b) {
        return b.keys().stream().anyMatch(k -> byKey.get(k) == b);
    }

    /** The binding a key triggers on the main screen, if any. */
    Optional<Binding> find(Key key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The footer's hints: those of the first group that has any, alone, so a replay's footer lists the
     * replay's keys and not the live ones that do nothing in it. A hint whose keys all trigger another
     * binding (an earlier group took them) is left out.
     */
    List<Hint> hints() {
        for (Group g : groups) {
            if (!g.hints().isEmpty()) {
                return g.hints().stream().filter(h -> reached(h.binding())).toList();
            }
        }
        return List.of();
    }

    /** The help, generated: each binding with the keys that reach it (a key another group took is left out). */
    List<HelpSection> help() {
        List<HelpSection> sections = new ArrayList<>();
        for (Group g : groups) {
            List<HelpLine> lines = new ArrayList<>();
            for (Binding b : g.bindings()) {
                List<Key> shown = b.keys().stream().filter(k -> byKey.get(k) == b).toList();
                if (!shown.isEmpty()) {
                    lines.add(new HelpLine(b.label(shown), b.help()));
                }
            }
            if (!lines.isEmpty()) {
                sections.add(new HelpSection(g.title(), lines));
            }
        }
        return sections;
    }
}
