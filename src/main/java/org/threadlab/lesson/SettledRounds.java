package org.threadlab.lesson;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;

/**
 * Waits until the model has settled a round's figures (a tick after its end gives it its verdict), woken
 * by each new model the source hands its listeners rather than polling it: the wait ends with the very
 * model that settled the round, and costs nothing between models.
 */
final class SettledRounds implements Consumer<Snapshot> {
    private final SnapshotSource source;
    private final Object lock = new Object();
    /** The newest model handed to the listener; guarded by {@link #lock}. */
    private Snapshot newest;

    /** Listens to {@code source} from now on (a source has no way to stop a listener: it keeps only the newest model). */
    SettledRounds(SnapshotSource source) {
        this.source = source;
        source.onSnapshot(this);
    }

    /**
     * What became of the wait: the round as the model has it (empty when the model has no such round),
     * and whether the deadline passed before the model settled it.
     */
    record Wait(Optional<Round> round, boolean timedOut) {}

    /** On the source's thread: the newest model, and wakes the wait. */
    @Override
    public void accept(Snapshot s) {
        synchronized (lock) {
            if (newest == null || s.seq() > newest.seq()) {
                newest = s;
            }
            lock.notifyAll();
        }
    }

    /**
     * The round as the model has it once its figures are final; at once when the model has no such round
     * or {@code workersEnded} says some of its workers still run (it shows as running); at {@code bound}
     * the round as it was, with {@link Wait#timedOut()} set for the caller to say so.
     */
    Wait await(int id, BooleanSupplier workersEnded, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Snapshot s = source.awaitCurrent();
        while (true) {
            Optional<Round> r = s == null ? Optional.empty() : s.round(id);
            boolean settled = r.isPresent() && !r.get().running() && r.get().verdict() != null;
            if (r.isEmpty() || settled || !workersEnded.getAsBoolean()) {
                return new Wait(r, false);
            }
            Snapshot next = after(s, deadline);
            if (next == null) {
                return new Wait(r, true);
            }
            s = next;
        }
    }

    /** The first model newer than {@code s}; null at the deadline. */
    private Snapshot after(Snapshot s, long deadline) throws InterruptedException {
        synchronized (lock) {
            while (newest == null || newest.seq() <= s.seq()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return newest;
        }
    }
}
