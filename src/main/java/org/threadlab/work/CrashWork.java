package org.threadlab.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker that goes wrong on purpose, after {@code after}: it throws, runs out of memory, or (in a
 * child process) calls System.exit. Shows that a crash stays inside its worker: threadlab marks it
 * failed with the reason and carries on.
 */
public final class CrashWork implements Workload {
    public enum How { THROW, OOM, EXIT }

    private final How how;
    private final Duration after;

    public CrashWork(How how, Duration after) {
        this.how = how;
        this.after = after;
    }

    @Override
    public String run(WorkContext ctx) throws InterruptedException {
        if (!after.isZero()) {
            ctx.sleep(after);
        }
        ctx.checkCancelled();
        switch (how) {
            case THROW -> throw new IllegalStateException("crashed on purpose: an exception escaped the workload");
            case OOM -> {
                // only this worker's own allocations, in chunks, so the error hits here and the chunks are freed with it
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[16 << 20]);
                    ctx.checkCancelled();
                }
            }
            case EXIT -> {
                System.err.println("crash: calling System.exit(7)");
                System.exit(7);
                return "unreachable";
            }
            default -> throw new IllegalStateException("unknown crash " + how);
        }
    }
}
