package org.threadlab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.threadlab.lab.TimelineOutput;
import org.threadlab.sample.Slice;
import org.threadlab.sample.SliceSampler;
import org.threadlab.sample.SliceWatch;
import org.threadlab.text.Durations;
import org.threadlab.text.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code threadlab timeline}: every thread of a process, slice by slice, for a while; printed once. */
@Command(name = "timeline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Follow every thread of a process in fine time slices and print who ran when.",
                "",
                "Reads each thread's CPU nanoseconds and run-queue wait (/proc/PID/task/TID/schedstat) and its state "
                        + "letter and last core (stat) at the end of every slice, then prints per slice and per thread the "
                        + "CPU time (ns), state and core, and a summary: each thread's CPU and share of slices it ran in, "
                        + "the cores used per slice (median, p90, max), and how often the thread that ran changed hands. "
                        + "CPython's GIL shows as one thread running at a time."},
        footer = {"", "Examples:",
                "  python3 demos/busy_threads.py 10 &",
                "  threadlab timeline --pid $! --duration 3s",
                "  threadlab timeline --pid 1234 --slice 50ms --json > timeline.json",
                "",
                "A slice's CPU figure is exact only to the kernel's scheduler tick (4 ms at HZ=250): below ~20 ms, "
                        + "trust the state letters more than the CPU figures.",
                "",
                "Exit codes: 0 followed for the whole duration; 1 the process ended during the run (what was read "
                        + "is printed) or this machine cannot be read; 2 bad usage or no such process; 130 Ctrl-C "
                        + "(what was read is printed)."})
public final class TimelineCommand implements Callable<Integer> {
    static final Duration MAX_DURATION = Duration.ofMinutes(10);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--pid", paramLabel = "PID", required = true, description = "the process whose threads to follow")
    long pid;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "3s", converter = Converters.DurationConverter.class,
            description = "how long to follow it (default: ${DEFAULT-VALUE}, at most 10m)")
    Duration duration;

    @Option(names = "--slice", paramLabel = "DURATION", defaultValue = "20ms", converter = Converters.DurationConverter.class,
            description = "the length of one slice, 2ms to 1s (default: ${DEFAULT-VALUE}; longer when the process has many threads)")
    Duration slice;

    @Option(names = "--json", description = "print one JSON document instead of the table and summary")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress line on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Converters.between(spec, "--slice", slice, SliceSampler.MIN_SLICE, SliceSampler.MAX_SLICE);
        Converters.between(spec, "--duration", duration, slice, MAX_DURATION);
        if (pid <= 0 || ProcessHandle.of(pid).isEmpty()) {
            spec.commandLine().getErr().println("threadlab: no process " + pid);
            return spec.exitCodeOnInvalidInput();
        }
        List<Slice> read = new ArrayList<>();
        Duration[] inForce = {slice};
        Duration[] tick = {null};
        String[] error = {null};
        Object lock = new Object();
        boolean interrupted = false;
        try (SliceSampler sampler = new SliceSampler()) {
            String why = sampler.unavailable();
            if (why != null) {
                spec.commandLine().getErr().println("threadlab: cannot follow threads here: " + why);
                return 1;
            }
            sampler.setSlice(slice);
            sampler.watch(new SliceWatch(Map.of(pid, Set.of()), Map.of()));
            sampler.onSlices(batch -> {
                synchronized (lock) {
                    read.addAll(batch.slices());
                    inForce[0] = batch.slice();
                    tick[0] = batch.kernelTick();
                    if (batch.error() != null) {
                        error[0] = batch.error();
                    }
                    lock.notifyAll();
                }
            });
            try (Terminal.ProgressLine progress = new Terminal.ProgressLine(System.err, quiet || json);
                 CtrlC ctrlC = new CtrlC(Thread.currentThread())) {
                progress.show("timeline: following pid " + pid + " for " + Durations.format(duration) + "…");
                sampler.start();
                interrupted = !awaitEnd(read, lock);
                progress.end();
            }
            sampler.pause();
        }
        List<Slice> kept;
        synchronized (lock) {
            kept = within(read, duration);
        }
        TimelineOutput out = new TimelineOutput(pid, inForce[0], tick[0], kept);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.print(Json.write(out.json()) + "\n");
        } else {
            w.print(out.table());
            w.println();
            w.print(out.summary());
        }
        w.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (interrupted) {
            err.println("threadlab: interrupted (Ctrl-C) after " + kept.size() + " slices: printed what was read");
            return CtrlC.EXIT_INTERRUPTED;
        }
        if (error[0] != null) {
            err.println("threadlab: reading stopped: " + error[0]);
            return 1;
        }
        if (out.ended() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
            err.println("threadlab: process " + pid + " ended during the run: printed the " + kept.size() + " slices read");
            return 1;
        }
        return 0;
    }

    /** Waits until the slices cover the duration or the process has ended; false on Ctrl-C. */
    private boolean awaitEnd(List<Slice> read, Object lock) {
        long deadline = System.nanoTime() + duration.toNanos() + TimeUnit.SECONDS.toNanos(5);
        synchronized (lock) {
            while (true) {
                if (!read.isEmpty()) {
                    Slice first = read.get(0);
                    Slice last = read.get(read.size() - 1);
                    if (last.endNanos() - first.startNanos() >= duration.toNanos()
                            || new TimelineOutput(pid, slice, null, List.of(last)).ended()) {
                        return true;
                    }
                }
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    return true; // the machine stalled: print what there is
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, Math.min(wait, 50_000_000L));
                } catch (InterruptedException e) {
                    return false;
                }
                if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true) && !read.isEmpty()) {
                    // one more batch carries the threads' 'X'; the loop sees it within ~100 ms
                    deadline = Math.min(deadline, System.nanoTime() + 300_000_000L);
                }
            }
        }
    }

    /** The slices that end within {@code duration} of the first one's start. */
    private static List<Slice> within(List<Slice> read, Duration duration) {
        List<Slice> out = new ArrayList<>();
        if (read.isEmpty()) {
            return out;
        }
        long origin = read.get(0).startNanos();
        for (Slice s : read) {
            if (s.endNanos() - origin <= duration.toNanos() + s.spanNanos() / 2) {
                out.add(s);
            }
        }
        return out;
    }
}
