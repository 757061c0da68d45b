package org.threadlab.lesson;

import java.util.List;

/**
 * One step of a lesson: what the teacher says, an optional question for the class (asked before the
 * actions run: predict, then observe), and the actions, in order.
 *
 * @param line    where the step begins in its file (1-based)
 * @param title   a short heading, shown with "step 2 of 5"
 * @param say     the narration, plain text (may be several lines)
 * @param ask     the question, or null
 * @param actions what the step does, run in order when the step runs
 */
public record Step(int line, String title, String say, Question ask, List<Action> actions) {
    public Step {
        actions = List.copyOf(actions);
    }

    /** A question put to the class before the step's actions run; its answer is revealed on a key. */
    public record Question(int line, String text, String answer) {}
}
