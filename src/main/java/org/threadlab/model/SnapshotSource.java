package org.threadlab.model;

import java.time.Duration;
import java.util.function.Consumer;

/** Where the screen gets its snapshots: the live {@code Sampler}, or a fabricated feed in tests. */
public interface SnapshotSource extends AutoCloseable {
    /** The newest snapshot; never null once started. */
    Snapshot latest();

    /** Called (on the sampler's thread) with every new snapshot. */
    void onSnapshot(Consumer<Snapshot> listener);

    Duration interval();

    /**
     * Publishes, at once, a snapshot with the supervisor's current workers, GIL and events and the
     * last sample's measurements (no new measurement, so no CPU window is cut short): what the
     * screen needs right after a spawn, a kill or a clear. Returns it.
     */
    default Snapshot refresh() {
        return latest();
    }

    /** Changes the sampling interval while running; at least 100 ms (IllegalArgumentException below). */
    void setInterval(Duration interval);

    @Override
    void close();
}
