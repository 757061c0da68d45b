package org.threadlab.model;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where the screen (and a recorder) gets its snapshots: the live {@link ModelHub}, a replay, or a
 * fabricated feed in tests. Data flows one way: a source is read and listened to, never asked to
 * measure.
 */
public interface SnapshotSource extends AutoCloseable {
    /** The newest snapshot; never null once started. */
    Snapshot latest();

    /** Called (on the source's own thread) with every new snapshot. */
    void onSnapshot(Consumer<Snapshot> listener);

    Duration interval();

    /** Which reader made the figures ("proc", "oshi"), to show beside them; null where none did (a replay). */
    default String sourceName() {
        return null;
    }

    /**
     * Waits (bounded: a couple of seconds at most) until everything posted to the source before this
     * call is in {@link #latest()}, and returns it: what the screen needs right after a key that
     * spawned, killed or cleared, so the key shows in the very next frame. A source with nothing
     * pending (a replay) returns {@link #latest()} at once.
     */
    default Snapshot awaitCurrent() {
        return latest();
    }

    /** Changes the sampling interval while running; at least {@link org.threadlab.sample.Sampler#MIN_INTERVAL} (IllegalArgumentException below). */
    void setInterval(Duration interval);

    /** The newest timeline; {@link Timeline#EMPTY} while it is not shown, or where this source has none. */
    default Timeline timeline() {
        return Timeline.EMPTY;
    }

    /** Called (on the source's own thread) with every new timeline while it is shown. */
    default void onTimeline(Consumer<Timeline> listener) {}

    /**
     * Starts (true) or stops (false) the fine timeline: reading every few milliseconds costs, so it is
     * read only while someone looks at it.
     */
    default void showTimeline(boolean on) {}

    /**
     * Starts (true) or stops (false) reading every process on the machine into {@link Snapshot#table()}:
     * only while the all-processes view is open. A source without (a replay) keeps the table null.
     */
    default void showProcesses(boolean on) {}

    /**
     * Reads the context-switch counts of these threads alone from the next tick on (the screen shows
     * the selected thread's; a thread's switches are in its dearest file): the others' are -1, unknown.
     * Until this is called, and for good after {@link #keepEverySwitch()}, every thread's are read.
     */
    default void showSwitchesOf(java.util.Set<Long> tids) {}

    /** Every thread's switch counts from now on, whatever {@link #showSwitchesOf} asks (a recording keeps them all). */
    default void keepEverySwitch() {}

    /** Asks for timeline slices of this length (the source may make them longer, never shorter). */
    default void setSlice(Duration slice) {}

    /**
     * Watches a process threadlab did not start, as an attached one ({@link Attached}): its threads
     * and figures are in the snapshots from a coming tick on. Returns null when done, else why not, in
     * the user's words (no such process, threadlab itself, a worker's, or a source that watches nothing
     * new, as a replay).
     */
    default String attach(long pid) {
        return "nothing new can be watched in a replay";
    }

    /** Stops watching an attached process; null when done, else why not. */
    default String detach(long pid) {
        return "nothing is watched in a replay";
    }

    /** Forgets the attached processes that exited (kept, dimmed, until now); how many there were. */
    default int clearExited() {
        return 0;
    }

    @Override
    void close();
}
