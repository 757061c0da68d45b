package org.threadlab.lesson;

import java.util.List;

/**
 * Where a running lesson is, immutable: what the narration pane draws and what headless mode prints.
 * The lesson runner makes a new one at each change; the screen only reads it.
 *
 * @param title      the lesson's title
 * @param step       the step on show, 1-based
 * @param steps      how many steps the lesson has
 * @param stepTitle  the step's heading
 * @param say        the step's narration
 * @param question   the question put to the class, or null
 * @param answer     its answer once revealed (a key), else null
 * @param phase      what the step is doing, and so what Space does next
 * @param waitingFor while {@link Phase#RUNNING}: what the step waits for, in words ("the round to end",
 *                   "2 s"), else null
 * @param notes      what happened that the teacher should know (python3 missing, a spawn refused), in
 *                   the order it happened
 * @param rounds     ids of the rounds this step started, oldest first (their summaries come from the model)
 * @param show       what the step last asked to put on screen (null for nothing)
 * @param showSeq    goes up each time a step asks to show something, so the screen opens it once and the
 *                   teacher can close it again
 */
public record LessonView(String title, int step, int steps, String stepTitle, String say, String question,
                         String answer, Phase phase, String waitingFor, List<String> notes, List<Integer> rounds,
                         Action.View show, long showSeq) {

    public LessonView {
        notes = List.copyOf(notes);
        rounds = List.copyOf(rounds);
    }

    /** What a step is doing. */
    public enum Phase {
        /** The question is on screen and the actions wait: Space (or n) runs them. */
        ASKING,
        /** The actions run (or wait for a time or a round). */
        RUNNING,
        /** A {@code wait: key}: Space goes on. */
        WAITING_KEY,
        /** The step's actions are done: Space reveals the answer if there is one unrevealed, else goes to the next step. */
        DONE,
        /** The last step is done: the lesson is over (the teacher may still go back, redo, or quit). */
        FINISHED
    }
}
