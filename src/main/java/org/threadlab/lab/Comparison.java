package org.threadlab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.threadlab.model.SnapshotSource;
import org.threadlab.sample.Platform;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.VirtualThreads;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * The classic experiment: the same work done by one worker, by N one after another, by N threads
 * (with and without the simulated GIL), by N virtual threads and by N processes, timed in one run
 * so the ratios mean something even on a busy machine.
 */
public final class Comparison {
    public static final int MAX_WORKERS = 64;

    /** One measured way of running the work. {@code speedup} is against the sequential row. */
    public record Row(String workload, String mode, WorkerKind kind, int workers, boolean gil, double wallSeconds,
                      double cpuSeconds, double speedup, long peakRssBytes, int peakThreads) {
        /** CPU seconds per wall second: how many cores were kept busy on average. */
        public double concurrency() {
            return wallSeconds > 0 ? cpuSeconds / wallSeconds : 0;
        }
    }

    /**
     * @param complete false when the run was interrupted: the rows are those measured before it, and
     *                 a workload whose sequential run was not measured has no speed-ups (NaN)
     */
    public record Result(int cores, int workers, List<Row> rows, List<String> verdicts, boolean complete, int runsPlanned) {}

    /** Told before each measurement, so a terminal can show how far along it is. */
    public interface Progress {
        void step(String what, int index, int total);
    }

    private record Mode(String name, WorkerKind kind, int workers, boolean gil, boolean sequential) {}

    private final int workers;
    private final List<String> workloads;
    private final Duration sleep;
    private final double cpuUnits;
    /** Given each run's supervisor, a source to close when the run ends (compare --record); null for none. */
    private java.util.function.Function<Supervisor, SnapshotSource> watcher;

    public Comparison(int workers, List<String> workloads, Duration sleep, double cpuUnits) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("--workers must be between 1 and " + MAX_WORKERS + ", not " + workers);
        }
        this.workers = workers;
        this.workloads = List.copyOf(workloads);
        this.sleep = sleep;
        this.cpuUnits = cpuUnits;
    }

    /** Watches each run's supervisor with a source of {@code watcher}'s, closed when the run ends (compare --record). */
    public Comparison watch(java.util.function.Function<Supervisor, SnapshotSource> watcher) {
        this.watcher = watcher;
        return this;
    }

    private List<Mode> modes() {
        List<Mode> modes = new ArrayList<>();
        modes.add(new Mode("single", WorkerKind.THREAD, 1, false, false));
        modes.add(new Mode("sequential", WorkerKind.THREAD, workers, false, true));
        modes.add(new Mode("threads", WorkerKind.THREAD, workers, false, false));
        modes.add(new Mode("threads", WorkerKind.THREAD, workers, true, false));
        if (VirtualThreads.available()) {
            modes.add(new Mode("virtual", WorkerKind.VIRTUAL, workers, false, false));
        }
        modes.add(new Mode("processes", WorkerKind.PROCESS, workers, false, false));
        return modes;
    }

    private WorkloadSpec spec(String workload) {
        return switch (workload) {
            case "sleep" -> WorkloadSpec.of("sleep").with("duration", sleep.toMillis() + "ms");
            case "cpu" -> WorkloadSpec.of("cpu").with("units", Double.toString(cpuUnits));
            default -> throw new IllegalArgumentException("compare runs sleep or cpu, not " + workload);
        };
    }

    /**
     * Measures every mode of every workload. When the calling thread is interrupted (Ctrl-C), it stops
     * the run in progress (its workers are stopped) and returns what was measured before, incomplete.
     */
    public Result run(Progress progress) {
        List<Mode> modes = modes();
        int total = modes.size() * workloads.size();
        int index = 0;
        List<Row> rows = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (String workload : workloads) {
            // read once, here: reading calibrates the CPU unit (once per machine), never inside a timed run
            TypedSpec spec = Workloads.parse(spec(workload));
            List<Row> measured = new ArrayList<>();
            for (Mode mode : modes) {
                progress.step(workload + ", " + label(mode), ++index, total);
                Row row = Interruptible.run(() -> measure(workload, spec, mode));
                if (row == null) {
                    rows.addAll(withSpeedups(measured));
                    return new Result(Runtime.getRuntime().availableProcessors(), workers, rows, verdicts, false, total);
                }
                measured.add(row);
            }
            rows.addAll(withSpeedups(measured));
            verdicts.add(verdict(workload, rows.subList(rows.size() - measured.size(), rows.size())));
        }
        return new Result(Runtime.getRuntime().availableProcessors(), workers, rows, verdicts, true, total);
    }

    /** One workload's rows with their speed-up against its sequential row; NaN when that was not measured. */
    private static List<Row> withSpeedups(List<Row> measured) {
        double sequentialWall = measured.stream().filter(r -> r.mode().equals("sequential"))
                .findFirst().map(Row::wallSeconds).orElse(Double.NaN);
        List<Row> out = new ArrayList<>();
        for (Row r : measured) {
            out.add(new Row(r.workload(), r.mode(), r.kind(), r.workers(), r.gil(), r.wallSeconds(), r.cpuSeconds(),
                    r.wallSeconds() > 0 ? sequentialWall / r.wallSeconds() : 0, r.peakRssBytes(), r.peakThreads()));
        }
        return out;
    }

    public static String label(Row r) {
        return r.mode() + (r.gil() ? "+GIL" : "");
    }

    private static String label(Mode m) {
        return m.name() + (m.gil() ? "+GIL" : "");
    }

    private Row measure(String workload, TypedSpec spec, Mode mode) throws InterruptedException {
        Limits limits = new Limits(Math.max(MAX_WORKERS, mode.workers()), Limits.DEFAULT.maxThreads(), Limits.DEFAULT.grace());
        try (Supervisor supervisor = new Supervisor(limits, mode.gil(), Platform.system()::availableMemoryBytes); PeakFootprint peak = new PeakFootprint(supervisor);
             SnapshotSource watched = watcher == null ? null : watcher.apply(supervisor)) {
            long cpuBefore = CpuClock.processCpuNanos();
            long start = System.nanoTime();
            if (mode.sequential()) {
                for (int i = 0; i < mode.workers(); i++) {
                    WorkerInfo w = supervisor.spawn(mode.kind(), spec, false);
                    supervisor.join(w.id(), null);
                }
            } else {
                for (int i = 0; i < mode.workers(); i++) {
                    supervisor.spawn(mode.kind(), spec, false);
                }
                supervisor.joinAll(null);
            }
            long wall = System.nanoTime() - start;
            long cpu = CpuClock.processCpuNanos() - cpuBefore;
            for (WorkerInfo w : supervisor.workers()) {
                if (w.state() != WorkerState.FINISHED) {
                    throw new IllegalStateException("compare " + workload + " " + label(mode) + ": " + w.name() + " "
                            + w.state().label() + (w.reason() != null ? ": " + w.reason() : ""));
                }
                if (w.kind() == WorkerKind.PROCESS && w.cpuNanos() > 0) {
                    cpu += w.cpuNanos();
                }
            }
            return new Row(workload, mode.name(), mode.kind(), mode.workers(), mode.gil(), wall / 1e9, cpu / 1e9, 0,
                    peak.peakRss(), peak.peakThreads());
        }
    }

    /** One line that says what the numbers show, written from the numbers, not assumed. */
    private String verdict(String workload, List<Row> rows) {
        return verdict(workload, workers, Runtime.getRuntime().availableProcessors(), speedup(rows, "threads", false),
                speedup(rows, "threads", true), speedup(rows, "processes", false));
    }

    /**
     * The verdict from the speed-ups alone: each clause is said only where the figures show it (a
     * claim that processes keep the cores needs processes that ran faster than one after another).
     */
    static String verdict(String workload, int workers, int cores, double threads, double gil, double processes) {
        String figures = String.format(Locale.ROOT, "%s: %d threads ran %.1fx as fast as one after another, %.1fx with the GIL, "
                + "%d processes %.1fx", workload, workers, threads, gil, workers, processes);
        if (workload.equals("sleep")) {
            return figures + (threads > 0.6 * workers
                    ? "; waiting overlaps: threads are enough for I/O-bound work, GIL or not."
                    : "; less overlap than expected (a busy machine?).");
        }
        String lesson;
        if (threads > 1.3 && gil < 0.75 * threads) {
            lesson = "; CPU work needs parallel cores (" + cores + " here): the GIL takes them away, "
                    + (processes > 1.3 ? "processes keep them."
                    : "and processes did not get them back here (their start-up, or a busy machine: try more --units).");
        } else if (cores == 1) {
            lesson = "; with one core nothing runs in parallel.";
        } else {
            lesson = "; the machine looks busy: the gap between the rows is smaller than it should be.";
        }
        return figures + lesson;
    }

    private static double speedup(List<Row> rows, String mode, boolean gil) {
        return rows.stream().filter(r -> r.mode().equals(mode) && r.gil() == gil).mapToDouble(Row::speedup).findFirst().orElse(0);
    }
}
