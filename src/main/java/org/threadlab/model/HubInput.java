package org.threadlab.model;

import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.SliceBatch;
import org.threadlab.work.SimulatedGil;
import org.threadlab.worker.Event;

/**
 * What the {@link ModelHub} is fed, in order, on its queue: each input makes (with its batch) one new model,
 * except the timeline's ({@link Sliced}, {@link ShowTimeline}), which make only a new {@link Timeline}, and
 * {@link ShowProcesses} and {@link ShowSwitches}, which change only what the sampler reads.
 */
public sealed interface HubInput {

    /**
     * The sampler published a tick.
     *
     * @param gil the GIL's books read as the tick arrived (on the sampler's thread, right after its reads),
     *            so the rows and the header are made from the same two readings; null without a supervisor
     */
    record Measured(Measurement measurement, SimulatedGil.Accounting gil) implements HubInput {}

    /** The supervisor published an event: its workers, GIL or log changed. */
    record SupervisorEvent(Event event) implements HubInput {}

    /**
     * Counted down once every input queued before it is in the hub's latest model; the supervisor is
     * read again for it, so a change that published no event (a clear) shows too.
     */
    record Sync(CountDownLatch done) implements HubInput {}

    /** The slice source published a batch of fine-timeline slices: a new timeline, no new snapshot. */
    record Sliced(SliceBatch batch) implements HubInput {}

    /** The screen opened (true) or closed (false) the timeline: the slice source is started or paused. */
    record ShowTimeline(boolean on) implements HubInput {}

    /** Watch this process as an attached one from the next tick on (checked by {@link ModelHub#attach} first). */
    record Attach(long pid) implements HubInput {}

    /** Stop watching this attached process (live or exited). */
    record Detach(long pid) implements HubInput {}

    /** Forget the attached processes that exited (the screen's c, with the ended workers). */
    record ClearExited() implements HubInput {}

    /** The screen opened (true) or closed (false) the all-processes view: the sampler reads every process, or not. */
    record ShowProcesses(boolean on) implements HubInput {}

    /**
     * Whose context-switch counts the sampler reads: these TIDs (the screen's selected thread), or
     * every thread's for good ({@code pinned}: a recording keeps them all, whatever the screen asks).
     */
    record ShowSwitches(java.util.Set<Long> tids, boolean pinned) implements HubInput {}
}
