package org.threadlab.model;

import java.util.Arrays;
import java.util.List;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;

/**
 * One process's threads by TID, made once per measurement: joining 10,000 thread workers to threadlab's
 * 10,000 threads is then one lookup each, not a scan of every thread for every worker (O(N²): seconds a
 * tick at 10,000). One sorted array of (TID, position) packed in a long: a map of 10,000 boxed TIDs was
 * 600 KB of garbage a tick, 12 times this, and every young collection stops 10,000 threads.
 */
final class ThreadIndex {
    static final ThreadIndex NONE = new ThreadIndex(null);
    /** Bits of a packed entry that hold the thread's position in the process's list (up to 16 million threads). */
    private static final int POSITION_BITS = 24;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    /** TIDs above this do not fit in a packed entry (Linux's pid_max is at most 2^22): a linear search finds them. */
    private static final long MAX_PACKED_TID = Long.MAX_VALUE >>> POSITION_BITS;

    private final ProcessSample process;
    private final List<ThreadSample> threads;
    /** (TID << 24 | position), sorted: TIDs in order, each with where it is in {@link #threads}. */
    private final long[] sorted;

    ThreadIndex(ProcessSample process) {
        this.process = process;
        this.threads = process == null ? List.of() : process.threads();
        long[] packed = new long[threads.size()];
        int n = 0;
        for (int i = 0; i < threads.size() && i <= POSITION_MASK; i++) {
            long tid = threads.get(i).tid();
            if (tid > 0 && tid <= MAX_PACKED_TID) {
                packed[n++] = tid << POSITION_BITS | i;
            }
        }
        this.sorted = n == packed.length ? packed : Arrays.copyOf(packed, n);
        Arrays.sort(sorted);
    }

    /** The process indexed, or null. */
    ProcessSample process() {
        return process;
    }

    /** Its thread with this TID, or null (the last in the list, should a TID be listed twice). */
    ThreadSample get(long tid) {
        if (tid <= 0) {
            return null;
        }
        if (tid > MAX_PACKED_TID) {
            for (ThreadSample t : threads) {
                if (t.tid() == tid) {
                    return t;
                }
            }
            return null;
        }
        // the entry just below the next TID's first possible one: this TID's last, if it is there
        int at = Arrays.binarySearch(sorted, (tid + 1) << POSITION_BITS);
        int i = (at >= 0 ? at : -at - 1) - 1;
        return i >= 0 && sorted[i] >>> POSITION_BITS == tid ? threads.get((int) (sorted[i] & POSITION_MASK)) : null;
    }
}
