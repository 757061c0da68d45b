package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.threadlab.NoChildrenLeft;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Event;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerKind;

/**
 * Supervisor events alone make a model at most every 100 ms (10,000 starts made hundreds of models a
 * second, each joining every worker); a key's wait for the model ({@code awaitCurrent}) is not delayed.
 */
@ExtendWith(NoChildrenLeft.class)
class EventModelsTest {

    @Test
    void aStreamOfEventsMakesAModelAtMostEveryHundredMilliseconds() throws Exception {
        try (Supervisor supervisor = new Supervisor(new Limits(4, 64, Duration.ofMillis(500)), false);
             ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            hub.sampleNow(); // a measurement: events can make models from now on
            AtomicInteger models = new AtomicInteger();
            hub.onSnapshot(s -> models.incrementAndGet());
            long start = System.nanoTime();
            int events = 0;
            // an event every millisecond or so for at least 600 ms: as typed-in workers start
            while (System.nanoTime() - start < 600_000_000L) {
                hub.post(new HubInput.SupervisorEvent(new Event(events, Instant.now(), Event.Type.INFO, 0, "e" + events)));
                events++;
                Thread.sleep(1);
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            hub.awaitCurrent();
            int made = models.get();
            // every 100 ms over the stream, and the one the wait asked for
            assertTrue(made <= elapsedMs / 100 + 2, made + " models for " + events + " events over " + elapsedMs + " ms");
            assertTrue(made >= 1, "the events made a model");
        }
    }

    @Test
    void aSpawnShowsInTheModelTheKeyWaitsFor() throws Exception {
        try (Supervisor supervisor = new Supervisor(new Limits(4, 64, Duration.ofMillis(500)), false);
             ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            hub.sampleNow();
            var spec = Workloads.parse(WorkloadSpec.of("sleep").with("duration", "5s"));
            for (int i = 0; i < 5; i++) {
                // right after a model for the event before: the wait must not hold it back 100 ms
                supervisor.spawn(WorkerKind.THREAD, spec, true);
                long t0 = System.nanoTime();
                Snapshot s = hub.awaitCurrent();
                assertEquals(i + 1, s.workers().size(), "the spawn is in the model awaited");
                assertTrue(System.nanoTime() - t0 < ModelHub.AWAIT.toNanos(), "not the await's time-out");
            }
        }
    }
}
