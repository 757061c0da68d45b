package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.threadlab.model.Snapshot;

/**
 * A replay keeps the recording's own time divided by the speed: what showing a model costs (decoding
 * it, handing it on) is not added at every model, so x16 over 32 recorded seconds takes about 2 s.
 */
class ReplayPacingTest {
    /** Models 1 s apart, each taking {@code decodeMillis} to fetch, as a big model takes LazyModels to decode. */
    static Recording recording(int n, long decodeMillis) {
        List<Snapshot> plain = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plain.add(Models.model(i));
            times.add(plain.get(i).takenAt());
        }
        class Slow extends AbstractList<Snapshot> implements RandomAccess {
            @Override
            public Snapshot get(int i) {
                try {
                    Thread.sleep(decodeMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return plain.get(i);
            }

            @Override
            public int size() {
                return plain.size();
            }
        }
        Header h = new Header(Format.VERSION, "test", "host", 2, times.get(0), "ui", Duration.ofSeconds(1));
        return new Recording(h, new Slow(), times, List.of(), 0, List.of(), List.of());
    }

    @Test
    void playingAtX16TakesTheRecordedTimeOverSixteen() throws Exception {
        // 32 recorded seconds at x16 are 2 s; 50 ms to fetch each model added 32 times would make it 3.6 s
        Recording r = recording(33, 50);
        try (ReplaySource replay = new ReplaySource(r)) {
            CountDownLatch end = new CountDownLatch(1);
            replay.onSnapshot(s -> {
                if (replay.position().atEnd()) {
                    end.countDown();
                }
            });
            for (int i = 0; i < 4; i++) {
                replay.speed(1);
            }
            long t0 = System.nanoTime();
            replay.togglePlay();
            assertTrue(end.await(60, TimeUnit.SECONDS), "the replay never reached its end");
            double seconds = (System.nanoTime() - t0) / 1e9;
            double expected = r.duration().toNanos() / 1e9 / 16;
            assertTrue(seconds < expected * 1.4, "x16 of " + r.duration() + " took " + seconds + " s, not about " + expected);
        }
    }
}
