package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.worker.WorkerKind;

/**
 * The main screen's key table: every key, its action and its line in the help. Short help texts, so
 * that two columns fit in an 80-column help box. A replay puts its own group before this one.
 */
final class LiveKeys {
    private LiveKeys() {}

    /** q: also the key that quits from a screen too small to show anything else; F10 as in htop. */
    static final KeyMap.Binding QUIT = new KeyMap.Binding(List.of(Key.of('q'), Key.of('Q'), Key.ctrl('c'), Key.of(KeyType.F10)), "q Q ^C F10",
            "quit (asks if workers run)", (c, k) -> c.quitting.ask(), false);

    static final KeyMap.Binding T = bind("t", "start a thread", (c, k) -> c.commands.spawn(WorkerKind.THREAD, c.count));
    static final KeyMap.Binding V = bind("v", "a virtual thread (Java 21+)", (c, k) -> c.commands.spawn(WorkerKind.VIRTUAL, c.count));
    static final KeyMap.Binding P = bind("p", "start a process (child JVM)", (c, k) -> c.commands.spawn(WorkerKind.PROCESS, c.count));
    static final KeyMap.Binding W = bind("w", "workload and parameters", (c, k) -> c.commands.openWorkload());
    static final KeyMap.Binding D = bind("d", "daemon on/off for next ones", (c, k) -> c.commands.daemon());
    // F9 shares k's line of the help (full at 80x24): both send a signal to the selected process, F9 any of eight
    static final KeyMap.Binding TERMINATE = KeyMap.Binding.of(List.of(Key.of('k'), Key.of(KeyType.F9)), "k SIGTERM; F9 signal menu",
            (c, k) -> c.procs.open() ? c.procs.signal(c.commands::openSignalMenu)
                    : k.type() == KeyType.F9 ? c.commands.signalMenu() : c.commands.stop(false));
    static final KeyMap.Binding KILL = bind("K", "kill selected now (SIGKILL)", (c, k) -> c.procs.open() ? c.procs.signal(c.commands::openSignalMenu) : c.commands.stop(true));
    // j and J share a line of the help, which is full at 80x24 (T took the last row)
    static final KeyMap.Binding JOIN = bind("jJ", "join selected / all (in bg)", (c, k) -> k.ch() == 'j' ? c.joins.join() : c.joins.joinAll());
    static final KeyMap.Binding JOIN_ALL = JOIN;
    static final KeyMap.Binding GIL = bind("g", "simulated GIL on/off", (c, k) -> c.commands.toggleGil());
    static final KeyMap.Binding PANE = KeyMap.Binding.of(List.of(Key.of(KeyType.Tab), Key.of(KeyType.ReverseTab)), "threads > procs > events",
            (c, k) -> c.nav.switchPane(k));
    static final KeyMap.Binding SORT = KeyMap.Binding.of(List.of(Key.of('s'), Key.of(KeyType.F6)), "next sort column; F6 menu",
            (c, k) -> k.type() == KeyType.F6 ? c.commands.sortMenu() : c.nav.sort());
    static final KeyMap.Binding FILTER = KeyMap.Binding.of(List.of(Key.of('/'), Key.of(KeyType.F4)), "filter by name",
            (c, k) -> c.commands.editFilter());
    // z too: a lesson's Space goes on with the lesson, so z is the freeze key that works everywhere
    static final KeyMap.Binding FREEZE = bind(" z", "freeze / unfreeze display", (c, k) -> c.nav.freeze());
    // = and _ are + and - without Shift: they do the same, and say so
    static final KeyMap.Binding INTERVAL = bind("+=-_", "sample less / more often",
            (c, k) -> c.commands.interval(k.ch() == '+' || k.ch() == '=' ? 1 : -1));
    static final KeyMap.Binding CLEAR = bind("c", "clear ended workers", (c, k) -> c.commands.clearEnded());
    static final KeyMap.Binding ROUNDS = bind("R", "rounds pane: bars, verdicts", (c, k) -> RoundKeys.toggle(c));
    // T the pane; [ finer, ] coarser: the slice a column stands for, 5ms to 1s. One line of the help, which is full at 80x24
    static final KeyMap.Binding TIMELINE = bind("T[]", "timeline pane; [ ] zoom",
            (c, k) -> k.ch() == 'T' ? c.timeline.toggle() : c.timeline.zoom(k.ch() == '[' ? -1 : 1));
    static final KeyMap.Binding ARROWS = KeyMap.Binding.of(List.of(Key.of(KeyType.ArrowUp), Key.of(KeyType.ArrowDown)),
            "select a worker/event/round", (c, k) -> c.nav.step(k));
    static final KeyMap.Binding BASELINE = bind("B", "mark round as the baseline", (c, k) -> RoundKeys.baseline(c));
    static final KeyMap.Binding ESCAPE = KeyMap.Binding.of(List.of(Key.of(KeyType.Escape)),
            "cancel count/wait/pane/box", (c, k) -> c.procs.open() ? c.procs.escape() : RoundKeys.escape(c));
    // in the all-processes view Enter watches the selected process (attach: see ProcsPane.enter)
    static final KeyMap.Binding ENTER = KeyMap.Binding.of(List.of(Key.of(KeyType.Enter)), "event whole; in a: watch",
            (c, k) -> c.procs.open() ? c.procs.enter(c.commands::attach) : RoundKeys.enter(c));

    // the all-processes view (htop's main list); s, /, the arrows, page keys, Esc and Enter act in it too
    static final KeyMap.Binding PROCS = bind("a", "all processes (as htop)", (c, k) -> c.procs.toggle());
    static final KeyMap.Binding TREE = KeyMap.Binding.of(List.of(Key.of(KeyType.F5)), "in a: tree by parent",
            (c, k) -> inProcs(c) ? c.procs.tree() : Reaction.REDRAW);
    static final KeyMap.Binding REVERSE = bind("I", "in a: reverse the sort", (c, k) -> inProcs(c) ? c.procs.reverse() : Reaction.REDRAW);
    static final KeyMap.Binding SEARCH = KeyMap.Binding.of(List.of(Key.of(KeyType.F3), Key.of('n')), "in a: search / next match",
            (c, k) -> inProcs(c) ? c.procs.search(k) : Reaction.REDRAW);

    /** The view's own keys act only in it; elsewhere they say where they do. */
    private static boolean inProcs(UiContext c) {
        if (!c.procs.open()) {
            c.st.status("that key acts in the all-processes view: a opens it", false);
            return false;
        }
        return true;
    }

    /** The footer while the all-processes view is open: its keys, then the few others that act in it. */
    static final List<KeyMap.Hint> PROCS_HINTS = List.of(new KeyMap.Hint(ESCAPE, "Esc", "close"),
            new KeyMap.Hint(SORT, "s", "sort"), new KeyMap.Hint(REVERSE, "I", "reverse"), new KeyMap.Hint(FILTER, "/", "filter"),
            new KeyMap.Hint(SEARCH, "F3", "search"), new KeyMap.Hint(SEARCH, "n", "next"), new KeyMap.Hint(TREE, "F5", "tree"),
            new KeyMap.Hint(FREEZE, "space", "freeze"), new KeyMap.Hint(INTERVAL, "+-", "interval"));

    /** The footer: the keys one needs most, first, so a narrow footer keeps them. */
    static final List<KeyMap.Hint> HINTS = List.of(
            new KeyMap.Hint(T, "t", "thread"), new KeyMap.Hint(V, "v", "virtual"), new KeyMap.Hint(P, "p", "process"),
            new KeyMap.Hint(W, "w", "workload"), new KeyMap.Hint(D, "d", "daemon"), new KeyMap.Hint(TERMINATE, "k", "stop"),
            new KeyMap.Hint(JOIN, "j", "join"), new KeyMap.Hint(GIL, "g", "GIL"), new KeyMap.Hint(KILL, "K", "kill"),
            new KeyMap.Hint(ROUNDS, "R", "rounds"), new KeyMap.Hint(TIMELINE, "T", "timeline"), new KeyMap.Hint(JOIN_ALL, "J", "join all"), new KeyMap.Hint(SORT, "s", "sort"), new KeyMap.Hint(FILTER, "/", "filter"),
            new KeyMap.Hint(FREEZE, "space", "freeze"), new KeyMap.Hint(CLEAR, "c", "clear"), new KeyMap.Hint(INTERVAL, "+-", "interval"),
            new KeyMap.Hint(PANE, "Tab", "pane"), new KeyMap.Hint(TERMINATE, "F9", "signal"), new KeyMap.Hint(SORT, "F6", "sort by"));

    /** The footer while the timeline pane is open: its keys first, then the usual ones. */
    static final List<KeyMap.Hint> TIMELINE_HINTS = List.of(new KeyMap.Hint(TIMELINE, "T", "close"),
            new KeyMap.Hint(TIMELINE, "[]", "zoom"), new KeyMap.Hint(ARROWS, "Up/Down", "lanes"));

    /** In the help's order: starting, stopping and waiting first, then looking around. */
    static final KeyMap.Group GROUP = new KeyMap.Group(null, List.of(
            T, V, P,
            new KeyMap.Binding(digits(), "0-9", "a count first: 4t starts 4", (c, k) -> c.commands.countDigit(k.ch() - '0'), true),
            W, D, TERMINATE, KILL, JOIN,
            ESCAPE,
            GIL, ROUNDS, BASELINE, TIMELINE,
            ARROWS,
            KeyMap.Binding.of(List.of(Key.of(KeyType.PageUp), Key.of(KeyType.PageDown)), "a page up / down", (c, k) -> c.nav.page(k)),
            KeyMap.Binding.of(List.of(Key.of(KeyType.Home), Key.of(KeyType.End)), "first / last; End follows", (c, k) -> c.nav.ends(k)),
            PANE, ENTER, SORT, FILTER, FREEZE, INTERVAL, CLEAR,
            KeyMap.Binding.of(List.of(Key.of('?'), Key.of('h'), Key.of(KeyType.F1)), "this help", (c, k) -> c.commands.help()),
            QUIT), HINTS);

    /** The all-processes view's own keys, listed under its name in the help. */
    static final KeyMap.Group PROCS_GROUP = new KeyMap.Group("All processes", List.of(PROCS, REVERSE, SEARCH, TREE));

    /** The live screen's table. */
    static final KeyMap TABLE = new KeyMap(List.of(GROUP, PROCS_GROUP));

    /** A binding of one or more plain characters. */
    private static KeyMap.Binding bind(String chars, String help, KeyMap.Action action) {
        List<Key> keys = new ArrayList<>();
        for (char c : chars.toCharArray()) {
            keys.add(Key.of(c));
        }
        return KeyMap.Binding.of(keys, help, action);
    }

    private static List<Key> digits() {
        List<Key> keys = new ArrayList<>();
        for (char c = '0'; c <= '9'; c++) {
            keys.add(Key.of(c));
        }
        return keys;
    }
}
