package org.threadlab.work;

import java.time.Duration;
import java.util.List;

/**
 * Waiting, the way a network call waits: no CPU, no GIL. In a thread worker it waits in one piece, its
 * progress moving with the clock ({@link WorkContext#sleepShowingProgress}); in a child process, which
 * reports progress by lines to its parent, it sleeps in slices so progress moves: a
 * hundredth of the duration (the bar moves by 1 %), but at least 100 ms, so 300 sleeping workers do not
 * wake 3,000 times a second. No upper bound: 10,000 workers sleeping an hour in 1 s slices woke 10,000
 * times a second, which cost most of a core and starved the screen and the collector (docs/PERFORMANCE.md,
 * "Many workers"). Cancellation does not wait for a slice: an interrupt ends the sleep at once.
 */
public final class SleepWork implements Workload {
    public static final Param<Duration> DURATION = Param.duration("duration", "2s", "how long to wait");

    private static final long MIN_SLICE_MS = 100;
    private final Duration duration;

    public SleepWork(Duration duration) {
        this.duration = duration;
    }

    @Override
    public String run(WorkContext ctx) throws InterruptedException {
        long total = duration.toMillis();
        long sliceMs = Math.max(MIN_SLICE_MS, total / 100);
        long steps = Math.max(1, (total + sliceMs - 1) / sliceMs);
        long deadline = System.nanoTime() + duration.toNanos();
        ctx.progress(0, steps);
        ctx.checkCancelled();
        if (ctx.sleepShowingProgress(duration, steps)) {
            // a thread worker: one wait, its progress moving with the clock (100 sleepers woke 17 times a
            // second in slices, each a wake-up of threadlab's own JVM; docs/PERFORMANCE.md, "UI's own CPU")
            ctx.progress(steps, steps);
            return "slept " + total + "ms";
        }
        for (long step = 1; step <= steps; step++) {
            ctx.checkCancelled();
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            long slice = Math.min(sliceMs, Math.max(0, remainingMs));
            if (slice > 0) {
                ctx.sleep(Duration.ofMillis(slice));
            }
            ctx.progress(step, steps);
        }
        return "slept " + total + "ms";
    }

    /** The {@code sleep} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "sleep"; }
        @Override public String summary() { return "waits like I/O"; }
        @Override public String shows() { return "waiting like I/O: no CPU, no GIL"; }
        @Override public List<Param<?>> params() { return List.of(DURATION); }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new SleepWork(spec.get(DURATION));
        }
    }
}
