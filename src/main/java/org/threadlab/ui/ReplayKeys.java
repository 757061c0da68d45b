package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.threadlab.record.ReplaySource;

/**
 * The keys of a replay, ahead of the live ones: play/pause, step, speed, next event; keys that would
 * start, stop or change workers (or the interval) say that this is a replay instead of acting.
 * Navigation, sort, filter, help and quit fall through to the {@link Controller}.
 */
final class ReplayKeys {
    static final String REFUSED = "this is a replay: workers cannot be started, stopped or changed "
            + "(space pause, . , step, < > speed, n next event)";

    /** The help's key section during a replay. */
    static final List<KeyMap.Binding> HELP = List.of(
            new KeyMap.Binding("space p", "play / pause"),
            new KeyMap.Binding(". ,", "one model forward / back"),
            new KeyMap.Binding("> <", "faster / slower (x0.25-x16)"),
            new KeyMap.Binding("n", "jump to the next event"),
            new KeyMap.Binding("Up Down", "select a worker"),
            new KeyMap.Binding("PgUp PgDn", "a page up / down"),
            new KeyMap.Binding("Home End", "first / last worker"),
            new KeyMap.Binding("Tab", "threads <-> processes"),
            new KeyMap.Binding("s", "sort by the next column"),
            new KeyMap.Binding("/", "filter by name"),
            new KeyMap.Binding("? h F1", "this help"),
            new KeyMap.Binding("q ^C", "quit"));

    private final ReplaySource replay;

    ReplayKeys(ReplaySource replay) {
        this.replay = replay;
    }

    /** What the header shows in place of the interval. */
    String label() {
        return replay.position().label();
    }

    /** Handles {@code k} when it is a replay's key; false hands it on to the live key handling. */
    boolean key(KeyStroke k, UiState st) {
        if (st.overlay != UiState.Overlay.NONE || st.editingFilter || st.stopping != null
                || k.getKeyType() != KeyType.Character || k.isCtrlDown() || k.isAltDown()) {
            return false;
        }
        char c = k.getCharacter();
        switch (c) {
            case ' ', 'p' -> {
                boolean playing = replay.togglePlay();
                st.status(playing ? "playing" : "paused", false);
            }
            case '.' -> {
                if (!replay.step(1)) {
                    st.status("the last model: nothing after it", false);
                } else {
                    st.status("", false);
                }
            }
            case ',' -> {
                if (!replay.step(-1)) {
                    st.status("the first model: nothing before it", false);
                } else {
                    st.status("", false);
                }
            }
            case '>', '<' -> {
                double speed = replay.speed(c == '>' ? 1 : -1);
                st.status("speed x" + (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)), false);
            }
            case 'n' -> st.status(replay.nextEvent() ? "" : "no event after this model", false);
            case 't', 'v', 'w', 'd', 'k', 'K', 'j', 'J', 'g', 'c', '+', '=', '-', '_' -> st.status(REFUSED, true);
            default -> {
                if (Character.isDigit(c)) {
                    st.status(REFUSED, true);
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
