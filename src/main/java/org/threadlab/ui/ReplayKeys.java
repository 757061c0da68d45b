package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.threadlab.record.ReplaySource;

/**
 * A replay's key group, put before the live keys (a key both bind is the replay's): play/pause,
 * step, speed, next event. The live keys that would start, stop or change workers, what is next
 * started or how often it is sampled (t v d c k K j J g, w, a count, + -) are taken here and say that
 * this is a replay, so the help lists them as live only; {@link ReplayCommands} says the same to
 * any other way in.
 */
public final class ReplayKeys {
    private ReplayKeys() {}

    /** The keys of a replay of {@code replay}. */
    public static KeyMap.Group group(ReplaySource replay) {
        KeyMap.Binding play = KeyMap.Binding.of(List.of(Key.of(' '), Key.of('p')), "play / pause",
                (c, k) -> c.status(replay.togglePlay() ? "playing" : "paused", false));
        KeyMap.Binding step = KeyMap.Binding.of(List.of(Key.of('.'), Key.of(',')), "one model forward / back", (c, k) -> {
            boolean forward = k.ch() == '.';
            return replay.step(forward ? 1 : -1) ? c.status("", false)
                    : c.status(forward ? "the last model: nothing after it" : "the first model: nothing before it", false);
        });
        KeyMap.Binding speed = KeyMap.Binding.of(List.of(Key.of('>'), Key.of('<')), "faster / slower (x0.25-x16)",
                (c, k) -> c.status("speed x" + speed(replay.speed(k.ch() == '>' ? 1 : -1)), false));
        KeyMap.Binding next = KeyMap.Binding.of(List.of(Key.of('n')), "jump to the next event",
                (c, k) -> c.status(replay.nextEvent() ? "" : "no event after this model", false));
        KeyMap.Action refuse = (c, k) -> c.status("this is a replay: " + k.label() + " does nothing", true);
        KeyMap.Binding workload = KeyMap.Binding.of(List.of(Key.of('w')), "(workload: live only)", refuse);
        KeyMap.Binding interval = KeyMap.Binding.of(List.of(Key.of('+'), Key.of('='), Key.of('-'), Key.of('_')),
                "(interval: live only)", refuse);
        List<Key> digits = new ArrayList<>();
        for (char d = '0'; d <= '9'; d++) {
            digits.add(Key.of(d));
        }
        KeyMap.Binding count = new KeyMap.Binding(digits, "0-9", "(a count: live only)", refuse, false);
        // the live worker keys, taken here so that the help lists them as doing nothing, not as what they do live
        KeyMap.Binding start = KeyMap.Binding.of(keys("tvdc"), "(start, clear: live only)", refuse);
        KeyMap.Binding stop = KeyMap.Binding.of(keys("kKjJg"), "(stop/join/GIL: live only)", refuse);
        return new KeyMap.Group("Replay", List.of(play, step, speed, next, workload, interval, count, start, stop), List.of(
                new KeyMap.Hint(play, "space", "play/pause"), new KeyMap.Hint(step, ".", "step"), new KeyMap.Hint(step, ",", "back"),
                new KeyMap.Hint(speed, ">", "faster"), new KeyMap.Hint(speed, "<", "slower"), new KeyMap.Hint(next, "n", "next event"),
                // the live keys that still act in a replay; the footer names no key that would only say "this is a replay"
                new KeyMap.Hint(LiveKeys.SORT, "s", "sort"), new KeyMap.Hint(LiveKeys.FILTER, "/", "filter"),
                new KeyMap.Hint(LiveKeys.PANE, "Tab", "pane"), new KeyMap.Hint(LiveKeys.TIMELINE, "T", "timeline")));
    }

    private static List<Key> keys(String chars) {
        List<Key> keys = new ArrayList<>();
        for (char ch : chars.toCharArray()) {
            keys.add(Key.of(ch));
        }
        return keys;
    }

    /** x1, x0.25, x16: as the header writes it. */
    static String speed(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
