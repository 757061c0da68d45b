package org.threadlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.threadlab.lesson.LessonRunner;

/**
 * A lesson's key group, put before the live keys: Space or n goes on (one clicker is enough), b back,
 * r redo, a answer. Every live key still acts, so the teacher can improvise; Space's freeze is z then.
 */
public final class LessonKeys {
    private LessonKeys() {}

    /** The keys of a lesson run by {@code runner}. The runner answers with a new view, which the screen then draws. */
    public static KeyMap.Group group(LessonRunner runner) {
        KeyMap.Binding next = KeyMap.Binding.of(List.of(Key.of(' '), Key.of('n')), "lesson: go on / next step", (c, k) -> {
            runner.next();
            return Reaction.REDRAW;
        });
        KeyMap.Binding back = KeyMap.Binding.of(List.of(Key.of('b')), "lesson: previous step", (c, k) -> {
            runner.back();
            return Reaction.REDRAW;
        });
        KeyMap.Binding redo = KeyMap.Binding.of(List.of(Key.of('r')), "lesson: redo this step", (c, k) -> {
            runner.redo();
            return Reaction.REDRAW;
        });
        KeyMap.Binding answer = KeyMap.Binding.of(List.of(Key.of('a')), "lesson: reveal the answer", (c, k) -> {
            runner.answer();
            return Reaction.REDRAW;
        });
        List<KeyMap.Hint> hints = new ArrayList<>(List.of(new KeyMap.Hint(next, "space", "next"),
                new KeyMap.Hint(back, "b", "back"), new KeyMap.Hint(redo, "r", "redo"), new KeyMap.Hint(answer, "a", "answer")));
        // then the live keys, as the live footer has them, but freeze is z here
        for (KeyMap.Hint h : LiveKeys.HINTS) {
            hints.add(h.binding() == LiveKeys.FREEZE ? new KeyMap.Hint(LiveKeys.FREEZE, "z", "freeze") : h);
        }
        return new KeyMap.Group("Lesson", List.of(next, back, redo, answer), hints);
    }
}
