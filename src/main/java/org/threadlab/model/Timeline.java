package org.threadlab.model;

import java.time.Duration;
import java.util.List;

/**
 * The timeline at one moment, immutable: who did what in each of the last {@code slices} slices, per
 * lane and per core, oldest slice first. The renderer draws it; the model builds it from the slice
 * sampler's readings and the simulated GIL's own books.
 *
 * @param slice      the length of one slice (one column on screen)
 * @param kernelTick how often the kernel brings a running thread's CPU figure up to date, as measured;
 *                   null when not measured (a cell's CPU is then as fine as the slice)
 * @param endNanos   {@link System#nanoTime()} at the end of the newest slice
 * @param slices     how many slices every lane and core row holds
 * @param lanes      workers and threads, in the screen's order
 * @param cores      one per core of the machine
 * @param note       how far the figures can be trusted at this slice, in one line for the screen
 *                   ("20 ms slices; CPU to 4 ms (kernel tick), states sampled each slice")
 * @param error      null while reading works; else why the timeline stopped
 */
public record Timeline(Duration slice, Duration kernelTick, long endNanos, int slices, List<Lane> lanes,
                       List<CoreLane> cores, String note, String error) {
    /** Before anything was read. */
    public static final Timeline EMPTY = new Timeline(Duration.ofMillis(20), null, 0, 0, List.of(), List.of(), "", null);

    public Timeline {
        lanes = List.copyOf(lanes);
        cores = List.copyOf(cores);
    }
}
