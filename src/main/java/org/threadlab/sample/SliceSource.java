package org.threadlab.sample;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where the fine timeline's slices come from: the {@link SliceSampler} on this machine, or a fabricated
 * feed in tests. It reads only while started, since reading every few milliseconds costs.
 */
public interface SliceSource extends AutoCloseable {
    /** The default slice: the finest whose CPU figures the kernel's tick still lets be honest. */
    Duration DEFAULT_SLICE = Duration.ofMillis(20);

    /** What to follow from the next slice on. */
    void watch(SliceWatch watch);

    /** Asks for slices of this length; the source may make them longer (many threads), never shorter. */
    void setSlice(Duration slice);

    /** The slice length in force. */
    Duration slice();

    /** Starts reading (again); returns at once. */
    void start();

    /** Stops reading until started again; the listeners stay. */
    void pause();

    boolean running();

    /** Called on the source's own thread with every batch, in order; should return quickly. */
    void onSlices(Consumer<SliceBatch> listener);

    /** Null when it can read on this machine; else why not ("needs Linux's /proc"). */
    String unavailable();

    @Override
    void close();
}
