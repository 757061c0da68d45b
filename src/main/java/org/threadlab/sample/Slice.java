package org.threadlab.sample;

import java.util.List;
import java.util.Map;

/**
 * One slice of the fine timeline: every watched thread over the same span.
 *
 * @param startNanos      {@link System#nanoTime()} of the reads that open the slice
 * @param endNanos        {@link System#nanoTime()} of the reads that close it
 * @param threads         the watched threads, in the watch's order (a thread that appeared during the
 *                        slice counts from its first read)
 * @param processCpuNanos per watched PID, the whole process's CPU over the slice from its exact CPU clock
 *                        where that can be read; absent otherwise
 */
public record Slice(long startNanos, long endNanos, List<ThreadSlice> threads, Map<Long, Long> processCpuNanos) {
    public Slice {
        threads = List.copyOf(threads);
        processCpuNanos = Map.copyOf(processCpuNanos);
    }

    public long spanNanos() {
        return endNanos - startNanos;
    }
}
