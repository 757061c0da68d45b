package org.threadlab.work;

import java.util.List;
import java.time.Duration;

/**
 * Allocates and touches {@code size} bytes (1 MiB blocks, every page written so it is really
 * resident) and holds them until stopped, or for {@code hold} when given. What the memory
 * column of a thread (allocated bytes) and of a process (RSS) is for.
 */
public final class MemoryHold implements Workload {
    public static final Param<Long> SIZE = Param.size("size", "64MiB", "how much to allocate and touch");
    public static final Param<Duration> HOLD = Param.duration("hold", null, "how long to hold it").optional("until stopped");

    private static final int BLOCK = 1 << 20;
    private static final int PAGE = 4096;

    private final long bytes;
    private final Duration hold;

    /** @param hold how long to hold once allocated; null holds until stopped */
    public MemoryHold(long bytes, Duration hold) {
        this.bytes = bytes;
        this.hold = hold;
    }

    @Override
    public String run(WorkContext ctx) throws InterruptedException {
        int blocks = (int) ((bytes + BLOCK - 1) / BLOCK);
        Runtime rt = Runtime.getRuntime();
        long headroom = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > headroom) {
            throw new IllegalStateException("needs " + (bytes >> 20) + "MiB but this JVM has only "
                    + (headroom >> 20) + "MiB of heap left");
        }
        byte[][] held = new byte[blocks][];
        try {
            for (int b = 0; b < blocks; b++) {
                ctx.checkCancelled();
                int size = (int) Math.min(BLOCK, bytes - (long) b * BLOCK);
                byte[] block = new byte[size];
                for (int i = 0; i < size; i += PAGE) {
                    block[i] = (byte) (i ^ b);
                }
                held[b] = block;
                ctx.progress(b + 1, blocks);
            }
        } catch (OutOfMemoryError e) {
            held = null;
            throw new IllegalStateException("out of memory while allocating " + (bytes >> 20) + "MiB");
        }
        if (hold == null) {
            while (true) {
                ctx.sleep(Duration.ofMillis(200));
                ctx.checkCancelled();
            }
        }
        long deadline = System.nanoTime() + hold.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            ctx.checkCancelled();
            ctx.sleep(Duration.ofNanos(Math.min(left, 200_000_000L)));
        }
        return "held " + (bytes >> 20) + "MiB in " + held.length + " blocks for " + hold.toMillis() + "ms";
    }

    /** The {@code memory} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "memory"; }
        @Override public String summary() { return "allocates and holds memory"; }

        @Override
        public String shows() {
            return "allocates and touches memory: RSS of a process, allocated bytes of a thread. Refused when the heap (thread)"
                    + " or the machine (process) cannot hold it, and in a thread above 1GiB, what one thread may take of threadlab's"
                    + " shared heap (`-Dthreadlab.thread.memory=SIZE`)";
        }

        @Override public List<Param<?>> params() { return List.of(SIZE, HOLD); }
        @Override public long memoryNeeded(TypedSpec spec) { return spec.get(SIZE); }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new MemoryHold(spec.get(SIZE), spec.get(HOLD));
        }
    }
}
