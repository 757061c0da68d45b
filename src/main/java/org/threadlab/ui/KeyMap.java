package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/** Which key does what, in one place: the key handler and the help overlay both read it. */
final class KeyMap {
    private KeyMap() {}

    enum Action {
        SPAWN_THREAD, SPAWN_VIRTUAL, SPAWN_PROCESS, WORKLOAD, DAEMON, TERMINATE, KILL, JOIN, JOIN_ALL, GIL,
        UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, SWITCH_PANE, SORT, FILTER, FREEZE, SLOWER, FASTER, CLEAR, HELP,
        QUIT, CANCEL, NONE
    }

    record Binding(String keys, String what) {}

    /** Short enough that two columns fit in an 80-column help box. */
    static final List<Binding> HELP = List.of(
            new Binding("t", "start a thread"),
            new Binding("v", "start a virtual thread (21+)"),
            new Binding("p", "start a process (child JVM)"),
            new Binding("4t", "a count first starts several"),
            new Binding("w", "workload and parameters"),
            new Binding("d", "daemon on/off for next ones"),
            new Binding("k", "terminate selected (SIGTERM)"),
            new Binding("K", "kill selected now (SIGKILL)"),
            new Binding("j", "join selected (background)"),
            new Binding("J", "join all live workers"),
            new Binding("Esc", "stop waiting; cancel a count"),
            new Binding("g", "simulated GIL on/off"),
            new Binding("Up Down", "select a worker"),
            new Binding("PgUp PgDn", "a page up / down"),
            new Binding("Home End", "first / last worker"),
            new Binding("Tab", "threads <-> processes"),
            new Binding("s", "sort by the next column"),
            new Binding("/", "filter by name"),
            new Binding("space", "freeze / unfreeze display"),
            new Binding("+ -", "sample less / more often"),
            new Binding("c", "clear ended workers"),
            new Binding("? h F1", "this help"),
            new Binding("q ^C", "quit (asks if workers run)"));

    static Action of(KeyStroke k) {
        KeyType type = k.getKeyType();
        switch (type) {
            case ArrowUp: return Action.UP;
            case ArrowDown: return Action.DOWN;
            case PageUp: return Action.PAGE_UP;
            case PageDown: return Action.PAGE_DOWN;
            case Home: return Action.HOME;
            case End: return Action.END;
            case Tab: case ReverseTab: return Action.SWITCH_PANE;
            case F1: return Action.HELP;
            case Escape: return Action.CANCEL;
            case EOF: return Action.QUIT;
            case Character: break;
            default: return Action.NONE;
        }
        char c = k.getCharacter();
        if (k.isCtrlDown()) {
            return c == 'c' || c == 'C' ? Action.QUIT : Action.NONE;
        }
        return switch (c) {
            case 't' -> Action.SPAWN_THREAD;
            case 'v' -> Action.SPAWN_VIRTUAL;
            case 'p' -> Action.SPAWN_PROCESS;
            case 'w' -> Action.WORKLOAD;
            case 'd' -> Action.DAEMON;
            case 'k' -> Action.TERMINATE;
            case 'K' -> Action.KILL;
            case 'j' -> Action.JOIN;
            case 'J' -> Action.JOIN_ALL;
            case 'g' -> Action.GIL;
            case 's' -> Action.SORT;
            case '/' -> Action.FILTER;
            case ' ' -> Action.FREEZE;
            case '+', '=' -> Action.SLOWER;
            case '-', '_' -> Action.FASTER;
            case 'c' -> Action.CLEAR;
            case '?', 'h' -> Action.HELP;
            case 'q', 'Q' -> Action.QUIT;
            default -> Action.NONE;
        };
    }
}
