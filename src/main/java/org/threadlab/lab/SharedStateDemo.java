package org.threadlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.text.Words;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * {@code threadlab demo shared-state}: every shared-state lesson once, threads against processes,
 * in one table of outcomes: lost updates without a lock, exact counts with one, the parent's
 * untouched copy, a global list, and a queue's items arriving in order.
 */
public final class SharedStateDemo {

    /** One lesson's outcome, as the parent sees it. {@code lost} is expected - actual for counters. */
    public record Row(String lesson, String workers, String memory, String mode, long expected, long actual,
                      String verdict) {
        public long lost() {
            return expected - actual;
        }
    }

    private final int workers;
    private final int increments;

    public SharedStateDemo(int workers, int increments) {
        if (workers < 1 || workers > 16) {
            throw new IllegalArgumentException("--workers must be between 1 and 16, not " + workers);
        }
        if (increments < 1 || increments > 100_000_000) {
            throw new IllegalArgumentException("--increments must be between 1 and 100000000, not " + increments);
        }
        this.workers = workers;
        this.increments = increments;
    }

    /** What the demo measured: every lesson's row, or those before an interruption ({@code complete} false). */
    public record Result(List<Row> rows, boolean complete, int planned) {}

    /** One lesson, run when its turn comes. */
    private interface Lesson {
        Row run() throws InterruptedException;
    }

    /**
     * Runs every lesson. When the calling thread is interrupted (Ctrl-C), the lesson under way is
     * stopped (its supervisor stops its workers) and the rows measured before it come back, incomplete.
     */
    public Result run(Comparison.Progress progress) {
        java.util.Map<String, Lesson> lessons = new java.util.LinkedHashMap<>();
        for (String mode : List.of("unsafe", "lock", "atomic")) {
            lessons.put("counter, threads, " + mode, () -> counter(WorkerKind.THREAD, "plain", mode));
        }
        lessons.put("counter, processes, plain memory", () -> counter(WorkerKind.PROCESS, "plain", "atomic"));
        for (String mode : List.of("unsafe", "lock", "atomic")) {
            lessons.put("counter, processes, shared memory, " + mode, () -> counter(WorkerKind.PROCESS, "shared", mode));
        }
        for (WorkerKind kind : List.of(WorkerKind.THREAD, WorkerKind.PROCESS)) {
            lessons.put("global list, " + Words.plural(kind.noun()), () -> global(kind));
        }
        for (WorkerKind kind : List.of(WorkerKind.THREAD, WorkerKind.PROCESS)) {
            lessons.put("queue, " + Words.plural(kind.noun()), () -> queue(kind));
        }
        List<Row> rows = new ArrayList<>();
        int step = 0;
        for (java.util.Map.Entry<String, Lesson> lesson : lessons.entrySet()) {
            progress.step(lesson.getKey(), ++step, lessons.size());
            // a lesson cut short by the interruption measured nothing true
            Row row = Interruptible.run(lesson.getValue()::run);
            if (row == null) {
                return new Result(rows, false, lessons.size());
            }
            rows.add(row);
        }
        return new Result(rows, true, lessons.size());
    }

    private Outcomes.Outcome round(WorkerKind kind, int n, WorkloadSpec spec) throws InterruptedException {
        try (Supervisor s = new Supervisor()) {
            Outcomes watched = Outcomes.watch(s);
            for (int i = 0; i < n; i++) {
                s.spawn(kind, spec, false);
            }
            s.joinAll(null);
            List<Outcomes.Outcome> outcomes = watched.finished();
            if (outcomes.isEmpty()) {
                throw new IllegalStateException("no outcome for " + spec.describe());
            }
            return outcomes.get(outcomes.size() - 1);
        }
    }

    private Row counter(WorkerKind kind, String memory, String mode) throws InterruptedException {
        Outcomes.Outcome o = round(kind, workers, WorkloadSpec.of("counter").with("mode", mode).with("memory", memory)
                .with("increments", Integer.toString(increments)));
        String verdict;
        if (kind == WorkerKind.PROCESS && memory.equals("plain")) {
            verdict = o.actual() == 0 ? "each child changed its own copy" : "unexpected: the parent's copy changed";
        } else if (o.lost() > 0) {
            verdict = "updates lost: read and write are two steps";
        } else {
            verdict = mode.equals("unsafe") ? "no loss this time (run again: it is a race)" : "exact";
        }
        return new Row("counter", o.workers(), o.memory(), mode, o.expected(), o.actual(), verdict);
    }

    private Row global(WorkerKind kind) throws InterruptedException {
        Outcomes.Outcome o = round(kind, workers, WorkloadSpec.of("global").with("items", "5").with("pause", "5ms"));
        String verdict = kind == WorkerKind.PROCESS ? "each child appended to its own copy" : "threads share the list";
        return new Row("global list", o.workers(), kind == WorkerKind.PROCESS ? "plain" : "shared", "-", o.expected(),
                o.actual(), verdict);
    }

    private Row queue(WorkerKind kind) throws InterruptedException {
        int items = 200;
        try (Supervisor s = new Supervisor()) {
            WorkerInfo w = s.spawn(kind, WorkloadSpec.of("queue").with("items", Integer.toString(items)).with("capacity", "16")
                    .with("produce", "1ms").with("consume", "2ms"), false);
            WorkerInfo end = s.join(w.id(), Duration.ofMinutes(2)).worker();
            boolean ok = end.state() == WorkerState.FINISHED;
            String who = kind == WorkerKind.PROCESS ? "2 processes" : "2 threads";
            String verdict = ok ? (kind == WorkerKind.PROCESS ? "FIFO, through a ring in shared memory" : "FIFO, through a bounded queue")
                    : "failed: " + end.reason();
            return new Row("queue", who, "shared", "-", items, ok ? items : end.progressDone(), verdict);
        }
    }
}
