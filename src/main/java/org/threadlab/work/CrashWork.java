package org.threadlab.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.text.Sizes;

/**
 * A worker that goes wrong on purpose, after {@code after}: it throws, runs out of memory, or (in a
 * child process) calls System.exit. Shows that a crash stays inside its worker: threadlab marks it
 * failed with the reason and carries on. Out of memory in a thread means threadlab's heap, shared
 * by every thread: the thread stops at {@link HeapBudget#perThreadWorkload()} (or a real
 * OutOfMemoryError, if the heap is smaller), and the heap is shrunk again when it has failed.
 */
public final class CrashWork implements Workload {
    public static final Param<String> HOW = Param.choice("how", "throw an exception, run out of memory, or exit the process",
            "throw", "oom", "exit");
    public static final Param<Duration> AFTER = Param.pause("after", "1s", "when");

    public enum How { THROW, OOM, EXIT }

    private static final int CHUNK_LONGS = 4 << 20;
    private static final long CHUNK_BYTES = 8L * CHUNK_LONGS;

    private final How how;
    private final Duration after;

    public CrashWork(How how, Duration after) {
        this.how = how;
        this.after = after;
    }

    /** A child worker JVM carries -Dthreadlab.worker=; threadlab's own JVM does not. */
    private static boolean inChildProcess() {
        return System.getProperty("threadlab.worker") != null;
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
                // only this worker's own allocations, in chunks, so the error hits here and the chunks are freed with it.
                // In threadlab's JVM the heap is everyone's: a thread stops at its budget instead of taking all of it
                long budget = inChildProcess() ? Long.MAX_VALUE : HeapBudget.perThreadWorkload();
                List<long[]> hog = new ArrayList<>();
                long held = 0;
                while (true) {
                    if (held + CHUNK_BYTES > budget) {
                        throw new OutOfMemoryError("reached the " + Sizes.format(budget) + " a thread workload may take"
                                + " of threadlab's heap (shared by all its threads; a process has a heap of its own)");
                    }
                    hog.add(new long[CHUNK_LONGS]);
                    held += CHUNK_BYTES;
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

    /** The {@code crash} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "crash"; }
        @Override public String summary() { return "goes wrong on purpose: a crash stays inside its worker"; }

        @Override
        public String shows() {
            return "goes wrong on purpose: the crash stays inside its worker, which fails with the reason (`exit` only as a process:"
                    + " in a thread it would end threadlab). `oom` in a thread stops at 1GiB of threadlab's heap (or a smaller `-Xmx`"
                    + " runs out first), and threadlab then shrinks its heap, so its RSS comes back";
        }

        @Override public List<Param<?>> params() { return List.of(HOW, AFTER); }
        @Override public String runsAs() { return "thread, virtual, process (how=exit: process only)"; }

        @Override
        public String onlyAsProcess(TypedSpec spec) {
            return "exit".equals(spec.get(HOW)) ? "a thread cannot exit on its own: System.exit would end threadlab's whole JVM;"
                    + " a child process can exit" : null;
        }

        @Override public boolean exhaustsMemory(TypedSpec spec) { return "oom".equals(spec.get(HOW)); }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new CrashWork(How.valueOf(spec.get(HOW).toUpperCase(java.util.Locale.ROOT)), spec.get(AFTER));
        }
    }
}
