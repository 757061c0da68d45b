package org.threadlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;
import org.threadlab.model.SnapshotSource;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerKind;

/** A headless lesson's wait for a round's final figures: woken by the source's models, bounded, never polling. */
class SettledRoundsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final RoundInfo INFO = new RoundInfo(1, WorkerKind.THREAD, "sleep", "", 2, 2, false, false, T0);
    /** Its workers ended, the model has not had its next tick: no verdict yet. */
    private static final Round ENDED = new Round(INFO, T0.plusSeconds(1), Duration.ofSeconds(1), 1_000_000L, 0.0, 0.1, 2, 2, 0,
            0, -1, -1, 0, Double.NaN, null);
    private static final Round FINAL = new Round(INFO, T0.plusSeconds(1), Duration.ofSeconds(1), 2_000_000L, 0.0, 0.1, 2, 2, 0,
            0, -1, -1, 0, Double.NaN, "2 threads: 0.0 of 2 cores busy");

    private static Snapshot model(long seq, Round r) {
        return new Snapshot(seq, T0, Duration.ofMillis(200), 1, null, List.of(), List.of(), null, List.of(), List.of(r));
    }

    /** A source that counts how often it is read, and hands out models only when the test says so. */
    private static final class Feed implements SnapshotSource {
        final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
        final AtomicInteger reads = new AtomicInteger();
        volatile Snapshot latest;

        Feed(Snapshot first) {
            latest = first;
        }

        void post(Snapshot s) {
            latest = s;
            listeners.forEach(l -> l.accept(s));
        }

        @Override
        public Snapshot latest() {
            reads.incrementAndGet();
            return latest;
        }

        @Override
        public void onSnapshot(Consumer<Snapshot> listener) {
            listeners.add(listener);
        }

        @Override
        public Duration interval() {
            return Duration.ofMillis(200);
        }

        @Override
        public void setInterval(Duration interval) {}

        @Override
        public void close() {}
    }

    @Test
    void theWaitEndsWithTheModelThatSettledTheRoundAndReadsTheSourceOnce() throws Exception {
        Feed feed = new Feed(model(1, ENDED));
        SettledRounds settled = new SettledRounds(feed);
        Thread ticks = new Thread(() -> {
            try {
                // models that change nothing for the round wake the wait; it sleeps on
                for (int i = 2; i < 6; i++) {
                    Thread.sleep(50);
                    feed.post(model(i, ENDED));
                }
                feed.post(model(6, FINAL));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ticks.start();
        SettledRounds.Wait w = settled.await(1, () -> true, Duration.ofSeconds(30));
        ticks.join();
        assertFalse(w.timedOut());
        assertEquals(Optional.of(FINAL), w.round());
        // the old wait read latest() every 20 ms; this one reads it once, then takes what the listener hands it
        assertEquals(1, feed.reads.get(), "reads of the source");
    }

    @Test
    void aModelThatNeverSettlesEndsTheWaitAtItsBoundAndSaysSo() throws Exception {
        Feed feed = new Feed(model(1, ENDED));
        SettledRounds settled = new SettledRounds(feed);
        long start = System.nanoTime();
        SettledRounds.Wait w = settled.await(1, () -> true, Duration.ofMillis(300));
        long took = System.nanoTime() - start;
        assertTrue(w.timedOut(), "the caller must say the figures are not final");
        assertEquals(Optional.of(ENDED), w.round(), "the round as the model had it");
        assertTrue(took >= 300_000_000L, "not before its bound: " + took / 1_000_000 + " ms");
        assertEquals("#1: the model did not settle its figures within 0.30s of its workers' end; they are as it had them then",
                Headless.notSettled(1, Duration.ofMillis(300)));
    }

    @Test
    void noWaitForARoundStillRunningNorOneTheModelDoesNotHave() throws Exception {
        Feed feed = new Feed(model(1, ENDED));
        SettledRounds settled = new SettledRounds(feed);
        // a step that does not wait for its round: its workers still run, it shows as running
        SettledRounds.Wait running = settled.await(1, () -> false, Duration.ofSeconds(30));
        assertFalse(running.timedOut());
        assertEquals(Optional.of(ENDED), running.round());
        SettledRounds.Wait none = settled.await(7, () -> true, Duration.ofSeconds(30));
        assertFalse(none.timedOut());
        assertEquals(Optional.empty(), none.round());
        // settled already: at once
        feed.post(model(2, FINAL));
        assertEquals(Optional.of(FINAL), settled.await(1, () -> true, Duration.ofSeconds(30)).round());
    }
}
