package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.threadlab.worker.Supervisor;

/** What the live round tests wait for, each with a deadline that fails loudly. */
final class LiveRounds {
    /** Generous: a busy CI machine runs these rounds several times slower than an idle one. */
    static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(120);

    private LiveRounds() {}

    /** Waits until every worker of the round has ended. */
    static void awaitEnd(Supervisor s, int round) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (s.workers().stream().anyMatch(w -> w.round() == round && w.state().alive())) {
            assertTrue(System.nanoTime() < deadline, "round #" + round + " did not end in time");
            Thread.sleep(5);
        }
    }

    /**
     * Waits until every worker of the round has ended, the hub ticking every 100 ms meanwhile as a live
     * hub does every second: the ticks read the round's threads' states (how many wanted a core), without
     * which a round starved by other processes would read as one that waited.
     */
    static void awaitEndTicking(ModelHub hub, Supervisor s, int round) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (s.workers().stream().anyMatch(w -> w.round() == round && w.state().alive())) {
            assertTrue(System.nanoTime() < deadline, "round #" + round + " did not end in time");
            hub.sampleNow();
            Thread.sleep(100);
        }
    }
}
