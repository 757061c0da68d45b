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

    /** q: also the key that quits from a screen too small to show anything else. */
    static final KeyMap.Binding QUIT = KeyMap.Binding.of(List.of(Key.of('q'), Key.of('Q'), Key.ctrl('c')),
            "quit (asks if workers run)", (c, k) -> c.commands.askQuit());

    static final KeyMap.Group GROUP = new KeyMap.Group(null, List.of(
            bind("t", "start a thread", (c, k) -> c.commands.spawn(WorkerKind.THREAD, c.count)),
            bind("v", "start a virtual thread (21+)", (c, k) -> c.commands.spawn(WorkerKind.VIRTUAL, c.count)),
            bind("p", "start a process (child JVM)", (c, k) -> c.commands.spawn(WorkerKind.PROCESS, c.count)),
            new KeyMap.Binding(digits(), "0-9", "a count first: 4t starts 4", (c, k) -> c.commands.countDigit(k.ch() - '0'), true),
            bind("w", "workload and parameters", (c, k) -> c.commands.openWorkload()),
            bind("d", "daemon on/off for next ones", (c, k) -> c.commands.daemon()),
            bind("k", "terminate selected (SIGTERM)", (c, k) -> c.commands.stop(false)),
            bind("K", "kill selected now (SIGKILL)", (c, k) -> c.commands.stop(true)),
            bind("j", "join selected (background)", (c, k) -> c.commands.join()),
            bind("J", "join all live workers", (c, k) -> c.commands.joinAll()),
            KeyMap.Binding.of(List.of(Key.of(KeyType.Escape)), "stop waiting; cancel a count", (c, k) -> c.commands.cancel()),
            bind("g", "simulated GIL on/off", (c, k) -> c.commands.toggleGil()),
            KeyMap.Binding.of(List.of(Key.of(KeyType.ArrowUp), Key.of(KeyType.ArrowDown)), "select a worker", (c, k) -> c.nav.step(k)),
            KeyMap.Binding.of(List.of(Key.of(KeyType.PageUp), Key.of(KeyType.PageDown)), "a page up / down", (c, k) -> c.nav.page(k)),
            KeyMap.Binding.of(List.of(Key.of(KeyType.Home), Key.of(KeyType.End)), "first / last worker", (c, k) -> c.nav.ends(k)),
            KeyMap.Binding.of(List.of(Key.of(KeyType.Tab), Key.of(KeyType.ReverseTab)), "threads <-> processes", (c, k) -> c.nav.switchPane()),
            bind("s", "sort by the next column", (c, k) -> c.nav.sort()),
            bind("/", "filter by name", (c, k) -> c.commands.editFilter()),
            bind(" ", "freeze / unfreeze display", (c, k) -> c.nav.freeze()),
            // = and _ are + and - without Shift: they do the same, and say so
            bind("+=-_", "sample less / more often", (c, k) -> c.commands.interval(k.ch() == '+' || k.ch() == '=' ? 1 : -1)),
            bind("c", "clear ended workers", (c, k) -> c.commands.clearEnded()),
            KeyMap.Binding.of(List.of(Key.of('?'), Key.of('h'), Key.of(KeyType.F1)), "this help", (c, k) -> c.commands.help()),
            QUIT));

    /** The live screen's table. */
    static final KeyMap TABLE = new KeyMap(List.of(GROUP));

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
