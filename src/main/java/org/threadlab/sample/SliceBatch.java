package org.threadlab.sample;

import java.time.Duration;
import java.util.List;

/**
 * Slices published together (a few per screen frame), with what limits their truth.
 *
 * @param slice      the slice length in force (it may be longer than asked when many threads are watched)
 * @param kernelTick how often the kernel brings a running thread's CPU figure up to date, as measured on
 *                   this machine (4 ms at HZ=250); null when not measured
 * @param slices     oldest first
 * @param error      null when the reads worked; else why they stopped, in a few words
 */
public record SliceBatch(Duration slice, Duration kernelTick, List<Slice> slices, String error) {
    public SliceBatch {
        slices = List.copyOf(slices);
    }
}
