package org.threadlab.model;

import java.util.concurrent.CountDownLatch;
import org.threadlab.sample.Measurement;
import org.threadlab.work.SimulatedGil;
import org.threadlab.worker.Event;

/** What the {@link ModelHub} is fed, in order, on its queue: each input makes (with its batch) one new model. */
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
}
