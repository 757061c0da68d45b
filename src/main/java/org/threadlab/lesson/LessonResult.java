package org.threadlab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** As {@code lesson --headless --json} prints it: per step its rounds' figures (seconds, cores), outcomes and notes. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lesson", lesson);
        root.put("complete", complete);
        List<Object> list = new ArrayList<>();
        for (StepResult s : steps) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", s.step());
            step.put("title", s.title());
            List<Object> rounds = new ArrayList<>();
            for (Round r : s.rounds()) {
                rounds.add(round(r));
            }
            step.put("rounds", rounds);
            step.put("outcomes", s.outcomes());
            step.put("notes", s.notes());
            list.add(step);
        }
        root.put("steps", list);
        return root;
    }

    private static Map<String, Object> round(Round r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("label", r.info().label());
        m.put("kind", r.info().kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("workers", r.info().started());
        m.put("workload", r.info().workload());
        m.put("params", r.info().params());
        m.put("gil", r.info().gil());
        m.put("running", r.running());
        m.put("wall_s", r.wall().toNanos() / 1e9);
        m.put("cpu_s", r.cpuNanos() < 0 ? null : r.cpuNanos() / 1e9);
        m.put("cores_busy", number(r.coresBusy()));
        m.put("others_cores", number(r.othersCores()));
        m.put("baseline", r.baseline() == 0 ? null : r.baseline());
        m.put("speedup", number(r.speedup()));
        m.put("finished", r.finished());
        m.put("failed", r.failed());
        m.put("stopped", r.stopped());
        m.put("verdict", r.verdict());
        return m;
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static Double number(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }

    /** Every measured round of the run, in the order the steps started them. */
    public List<Round> rounds() {
        return steps.stream().flatMap(s -> s.rounds().stream()).toList();
    }
}
