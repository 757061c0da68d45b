package org.threadlab.lesson;

import java.util.List;
import org.threadlab.model.Round;

/**
 * What a lesson run headless measured, step by step, so a test checks a lesson's point on the figures
 * (a round's wall time, an outcome's lost updates) rather than on printed text.
 *
 * @param lesson   the lesson's name
 * @param steps    the steps that ran, in order
 * @param complete false when it was stopped before its end (Ctrl-C)
 */
public record LessonResult(String lesson, List<StepResult> steps, boolean complete) {
    public LessonResult {
        steps = List.copyOf(steps);
    }

    /**
     * One step as it ended.
     *
     * @param step     1-based
     * @param rounds   the rounds it started, as the model measured them when the step was done (a round
     *                 the model did not have is left out; one still running shows so)
     * @param outcomes what the shared-state rounds that ended during the step showed (lab.Outcomes' texts)
     * @param notes    what the step noted (python3 missing, a spawn refused)
     */
    public record StepResult(int step, String title, List<Round> rounds, List<String> outcomes, List<String> notes) {
        public StepResult {
            rounds = List.copyOf(rounds);
            outcomes = List.copyOf(outcomes);
            notes = List.copyOf(notes);
        }
    }

    /** The step numbered {@code n} (1-based); IllegalArgumentException when it did not run. */
    public StepResult step(int n) {
        return steps.stream().filter(s -> s.step() == n).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("step " + n + " did not run"));
    }

    /** Every measured round of the run, in the order the steps started them. */
    public List<Round> rounds() {
        return steps.stream().flatMap(s -> s.rounds().stream()).toList();
    }
}
