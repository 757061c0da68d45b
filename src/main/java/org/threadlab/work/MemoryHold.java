package org.threadlab.work;

import java.time.Duration;

/**
 * Allocates and touches {@code size} bytes (1 MiB blocks, every page written so it is really
 * resident) and holds them until stopped, or for {@code hold} when given. What the memory
 * column of a thread (allocated bytes) and of a process (RSS) is for.
 */
public final class MemoryHold implements Workload {
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
}
