package org.threadlab.lesson;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.threadlab.lab.Outcomes;
import org.threadlab.model.Round;
import org.threadlab.model.RoundLine;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.text.Durations;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;

/**
 * A lesson without a screen ({@code threadlab lesson NAME --headless}): Space is pressed at every stop
 * (the question, a {@code wait: key}, the answer, the next step), and the narration, the question, what
 * each round measured, the shared-state outcomes, the answer and the notes are printed as they come.
 * For a rehearsal, and for tests that check a lesson's point on {@link LessonResult}.
 */
public final class Headless {
    /** How long (at least) a step's end waits for the model to settle a round whose workers have all ended. */
    private static final long MEASURED_MILLIS = 3000;

    private final LessonRunner runner;
    private final Supervisor supervisor;
    private final SnapshotSource source;
    /** Woken by the source's new models: how a step's end waits for its rounds' final figures. */
    private final SettledRounds settled;
    private final Outcomes outcomes;
    private final PrintWriter out;
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Set on Ctrl-C: the step cut short is not reported as done (the caller prints what became of its workers). */
    private volatile boolean interrupted;
    private final List<LessonResult.StepResult> results = new ArrayList<>();
    // per step, on the runner's thread
    private int step;
    private int notesPrinted;
    private boolean measured;
    private boolean answered;
    private Set<Outcomes.Outcome> outcomesBefore = Set.of();

    private Headless(Lesson lesson, Supervisor supervisor, SnapshotSource source, Outcomes outcomes,
                     LessonRunner.Options options, PrintWriter out) {
        this.supervisor = supervisor;
        this.source = source;
        this.outcomes = outcomes;
        this.out = out;
        this.settled = new SettledRounds(source);
        this.runner = new LessonRunner(lesson, supervisor, source, options).onChange(this::seen);
    }

    /**
     * Runs the lesson to its end and returns what it measured. Interrupted (Ctrl-C), it stops where it
     * is and returns what it has, not complete, with the thread's interrupt flag set again; the workers
     * are the caller's to stop.
     *
     * @param outcomes the supervisor's outcomes watcher ({@link Outcomes#watch}), or null for none
     */
    public static LessonResult run(Lesson lesson, Supervisor supervisor, SnapshotSource source, Outcomes outcomes,
                                   LessonRunner.Options options, PrintWriter out) {
        Headless h = new Headless(lesson, supervisor, source, outcomes, options, out);
        out.println(lesson.title());
        if (lesson.about() != null && !lesson.about().isBlank()) {
            out.println(lesson.about());
        }
        out.flush();
        boolean complete = false;
        try {
            h.runner.start();
            h.finished.await();
            complete = true;
        } catch (InterruptedException e) {
            h.interrupted = true;
            Thread.currentThread().interrupt();
        } finally {
            h.runner.close();
            out.flush();
        }
        synchronized (h.results) {
            return new LessonResult(lesson.name(), h.results, complete);
        }
    }

    /** Each new view, on the runner's thread: print what is new, then press Space where the lesson waits for it. */
    private void seen(LessonView v) {
        if (interrupted) {
            return;
        }
        if (v.phase() == LessonView.Phase.FINISHED) {
            refreshRounds();
            out.println();
            out.println("The lesson is over.");
            out.flush();
            finished.countDown();
            return;
        }
        if (v.step() != step) {
            enterStep(v);
        }
        for (; notesPrinted < v.notes().size(); notesPrinted++) {
            print("  note: ", v.notes().get(notesPrinted));
        }
        switch (v.phase()) {
            case ASKING, WAITING_KEY -> runner.next();
            case DONE -> {
                if (!measured) {
                    measured = true;
                    printMeasured(v);
                }
                if (v.answer() != null && !answered) {
                    answered = true;
                    print("  Answer: ", v.answer());
                }
                runner.next();
            }
            default -> { }
        }
        out.flush();
    }

    /** A text of one or more lines after a lead ("  Answer: "), its later lines under its first. */
    private void print(String lead, String text) {
        String[] lines = text.strip().split("\n");
        String indent = " ".repeat(lead.length());
        for (int i = 0; i < lines.length; i++) {
            out.println((i == 0 ? lead : indent) + lines[i].strip());
        }
    }

    private void enterStep(LessonView v) {
        step = v.step();
        notesPrinted = 0;
        measured = false;
        answered = false;
        Set<Outcomes.Outcome> before = Collections.newSetFromMap(new IdentityHashMap<>());
        if (outcomes != null) {
            before.addAll(outcomes.finished());
        }
        outcomesBefore = before;
        out.println();
        out.println("Step " + v.step() + " of " + v.steps() + ": " + v.stepTitle());
        if (v.say() != null) {
            print("  ", v.say());
        }
        if (v.question() != null) {
            print("  Ask the class: ", v.question());
        }
    }

    /** What the step's rounds measured and what the shared-state rounds showed, kept as the step's result. */
    private void printMeasured(LessonView v) {
        List<Round> rounds = new ArrayList<>();
        for (int id : v.rounds()) {
            Optional<Round> r = measured(id);
            if (r.isPresent()) {
                rounds.add(r.get());
                Snapshot now = source.latest();
                for (String line : describe(r.get(), now == null ? List.of() : now.rounds())) {
                    out.println("  " + line);
                }
                for (String line : results(r.get(), supervisor.workers())) {
                    out.println("  " + line);
                }
            } else {
                String label = supervisor.rounds().stream().filter(i -> i.id() == id).map(RoundInfo::label).findFirst().orElse("");
                out.println("  #" + id + " " + label + ": not measured");
            }
        }
        List<String> texts = new ArrayList<>();
        if (outcomes != null) {
            for (Outcomes.Outcome o : outcomes.finished()) {
                if (!outcomesBefore.contains(o)) {
                    texts.add(o.text());
                    out.println("  outcome: " + o.text());
                }
            }
        }
        synchronized (results) {
            results.add(new LessonResult.StepResult(v.step(), v.stepTitle(), rounds, texts, v.notes()));
        }
    }

    /** Workloads whose results only restate their parameters (cpu, sleep) or are said as an outcome (counter, global). */
    private static final Set<String> SAID_ELSEWHERE = Set.of("cpu", "sleep", "counter", "global");

    /** A round of more workers than this gets no line per worker: the round's figures say it. */
    static final int RESULTS_UP_TO = 4;

    /**
     * What became of each worker of an ended round, where that is the step's point: a queue's full and
     * empty counts, a pool's map, a Python demo's own timing ("   queue-1: put 150 and got 150 ..."),
     * how a terminated or killed worker ended, a stubborn one that finished although asked to stop.
     */
    static List<String> results(Round r, List<WorkerInfo> workers) {
        List<String> lines = new ArrayList<>();
        if (r.running() || r.info().started() > RESULTS_UP_TO) {
            return lines;
        }
        boolean resultSaid = SAID_ELSEWHERE.contains(r.info().workload());
        for (WorkerInfo w : workers) {
            if (w.round() != r.id()) {
                continue;
            }
            String took = Durations.seconds(w.age(w.endedAt() != null ? w.endedAt() : w.startedAt()));
            String result = !resultSaid && w.result() != null && !w.result().isBlank() ? w.result() : null;
            String line = switch (w.state()) {
                case TERMINATED -> w.reason() + " after " + took;
                case FAILED -> "failed after " + took + ": " + w.reason();
                case FINISHED -> w.cancelRequested() ? "finished after " + took + ", although asked to stop"
                        + (result != null ? ": " + result : "") : result;
                default -> null;
            };
            if (line != null) {
                lines.add("   " + w.name() + ": " + line);
            }
        }
        return lines;
    }

    /**
     * Rounds that were still running when their step was done (a step that does not wait for its round)
     * have their final figures now: each step's result takes them, and they are printed once more.
     */
    private void refreshRounds() {
        Snapshot s = source.awaitCurrent();
        if (s == null) {
            return;
        }
        boolean heading = false;
        synchronized (results) {
            for (int i = 0; i < results.size(); i++) {
                LessonResult.StepResult step = results.get(i);
                List<Round> now = new ArrayList<>();
                for (Round r : step.rounds()) {
                    Round latest = s.round(r.id()).orElse(r);
                    if (r.running() && !latest.running()) {
                        if (!heading) {
                            heading = true;
                            out.println();
                            out.println("Rounds that ended after their step:");
                        }
                        for (String line : describe(latest, s.rounds())) {
                            out.println("  " + line);
                        }
                    }
                    now.add(latest);
                }
                results.set(i, new LessonResult.StepResult(step.step(), step.title(), now, step.outcomes(), step.notes()));
            }
        }
    }

    /**
     * The round as the model has it: once its workers have all ended, waits (bounded, woken by each new
     * model) for the model to settle its figures too (a tick after its end: then it has its verdict), so
     * what is printed is final; a round still running shows so. Past the bound it says so, and the
     * round is printed as the model had it.
     */
    private Optional<Round> measured(int id) {
        Duration bound = Duration.ofMillis(Math.max(MEASURED_MILLIS, 2 * source.interval().toMillis() + 1000));
        try {
            SettledRounds.Wait w = settled.await(id, () -> supervisor.workers().stream()
                    .noneMatch(x -> x.round() == id && x.state().alive()), bound);
            if (w.timedOut()) {
                out.println("  " + notSettled(id, bound));
            }
            return w.round();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Snapshot s = source.latest();
            return s == null ? Optional.empty() : s.round(id);
        }
    }

    /** Said where the model gave an ended round no verdict in time: its figures below may be short of its end. */
    static String notSettled(int id, Duration bound) {
        return "#" + id + ": the model did not settle its figures within " + Durations.seconds(bound)
                + " of its workers' end; they are as it had them then";
    }

    /**
     * "#2 4 threads + GIL cpu units=0.5: 2.04s wall, 1.98s CPU, 0.97 of 2 cores busy, speed-up 0.98x vs #1, peak
     * 12K memory, 4 OS threads" ({@link RoundLine#LESSON}; the cheap-threads lesson's point is what the workers
     * held, threads against processes), then the model's verdict (which says too when other processes took cores).
     */
    static List<String> describe(Round r) {
        return describe(r, List.of());
    }

    /** As above; a speed-up against a baseline among {@code rounds} that had it worse reads as the ratio of the times. */
    static List<String> describe(Round r, List<Round> rounds) {
        StringBuilder sb = new StringBuilder("#").append(r.id()).append(' ').append(r.info().label()).append(": ");
        if (r.running()) {
            sb.append("still running after ").append(Durations.seconds(r.wall()));
            return List.of(sb.toString());
        }
        sb.append(RoundLine.LESSON.write(r, rounds));
        List<String> lines = new ArrayList<>(List.of(sb.toString()));
        if (r.verdict() != null && !r.verdict().isBlank()) {
            lines.add("   " + r.verdict());
        }
        return lines;
    }
}
