package org.threadlab.work;

import java.time.Duration;

/**
 * Waiting, the way a network call waits: no CPU, no GIL. Sleeps in slices of at most 100 ms so
 * progress moves and cancellation is prompt even where interrupts do not reach (a child's "stop").
 */
public final class SleepWork implements Workload {
    private static final long SLICE_MS = 100;
    private final Duration duration;

    public SleepWork(Duration duration) {
        this.duration = duration;
    }

    @Override
    public String run(WorkContext ctx) throws InterruptedException {
        long total = duration.toMillis();
        long steps = Math.max(1, (total + SLICE_MS - 1) / SLICE_MS);
        long deadline = System.nanoTime() + duration.toNanos();
        ctx.progress(0, steps);
        for (long step = 1; step <= steps; step++) {
            ctx.checkCancelled();
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            long slice = Math.min(SLICE_MS, Math.max(0, remainingMs));
            if (slice > 0) {
                ctx.sleep(Duration.ofMillis(slice));
            }
            ctx.progress(step, steps);
        }
        return "slept " + total + "ms";
    }
}
