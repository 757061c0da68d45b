package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.FixturePlatforms;
import org.threadlab.sample.Sampler;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** The hub: one thread, fed by typed inputs, never waiting for the sampler, one model per batch. */
class ModelHubTest {
    private static final WorkloadSpec SLEEP = WorkloadSpec.of("sleep").with("duration", "30s");

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void aSpawnReturnsAndShowsWhileATickIsStuck() throws Exception {
        FixturePlatforms.Gate gate = new FixturePlatforms.Gate();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Supervisor supervisor = new Supervisor();
             ModelHub hub = ModelHub.manual(new Sampler(FixturePlatforms.gated(gate), Duration.ofSeconds(1)), supervisor)) {
            gate.close();
            Future<Snapshot> tick = pool.submit(hub::sampleNow);
            assertTrue(gate.awaitReached(10), "the tick reached the gate");
            // before: the supervisor's event called Sampler.refresh(), which waited for this tick
            Future<WorkerInfo> spawn = pool.submit(() -> supervisor.spawn(WorkerKind.THREAD, SLEEP, true));
            WorkerInfo w = spawn.get(10, TimeUnit.SECONDS);
            Snapshot s = hub.awaitCurrent();
            assertTrue(s.worker(w.id()).isPresent(), "the model has the new worker while the tick is stuck");
            assertFalse(tick.isDone(), "the tick is still stuck");
            gate.open();
            Snapshot after = tick.get(10, TimeUnit.SECONDS);
            assertTrue(after.worker(w.id()).isPresent());
        } finally {
            gate.open();
            pool.shutdownNow();
        }
    }

    @Test
    void inputsQueuedWhileAModelIsBuiltMakeOneModel() throws Exception {
        try (ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null)) {
            CountDownLatch reached = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Long> held = new AtomicReference<>();
            hub.onSnapshot(s -> {
                if (held.compareAndSet(null, s.seq())) {
                    reached.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            hub.post(new HubInput.SupervisorEvent(event("first")));
            assertTrue(reached.await(10, TimeUnit.SECONDS), "the hub is building a model");
            for (int i = 0; i < 50; i++) {
                hub.post(new HubInput.SupervisorEvent(event("burst " + i)));
            }
            release.countDown();
            long seq = hub.awaitCurrent().seq();
            // the 50 queued together (and the wait's own marker, if it came after them were taken)
            assertTrue(seq <= held.get() + 2, "one model for the burst, not 50: " + (seq - held.get()));
        }
    }

    @Test
    void aFailingTickShowsAsAnEventLineAndTheLastFiguresStay() throws Exception {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (ModelHub hub = ModelHub.manual(new Sampler(FixturePlatforms.failing(failure), Duration.ofSeconds(1)), null)) {
            String host = hub.latest().host().hostName();
            failure.set(new IllegalStateException("cannot read /proc/stat: Permission denied"));
            hub.sampleNow();
            Snapshot s = hub.sampleNow();
            List<Event> lines = s.events().stream().filter(e -> e.text().startsWith("sampler: ")).toList();
            assertEquals(1, lines.size(), "one line per cause, not one per tick: " + lines);
            assertEquals("sampler: cannot read /proc/stat: Permission denied", lines.get(0).text());
            assertEquals(Event.Type.WARNING, lines.get(0).type());
            assertEquals(host, s.host().hostName(), "the last measured figures stay on the screen");
            failure.set(null);
            s = hub.sampleNow();
            assertEquals("sampler: measuring again", s.events().get(s.events().size() - 1).text());
        }
    }

    @Test
    void gilClearAndSpawnsReachTheModelWithoutATick() throws Exception {
        try (Supervisor supervisor = new Supervisor();
             Sampler sampler = new Sampler(Duration.ofSeconds(10));
             ModelHub hub = ModelHub.manual(sampler, supervisor)) {
            long ticks = sampler.latest().seq();
            supervisor.setGil(true);
            assertTrue(hub.awaitCurrent().gil().enabled(), "the GIL's event reached the model");
            WorkerInfo quick = supervisor.spawn(WorkerKind.THREAD, WorkloadSpec.of("sleep").with("duration", "10ms"), true);
            WorkerInfo child = supervisor.spawn(WorkerKind.PROCESS, SLEEP, true);
            await(() -> supervisor.worker(quick.id()).orElseThrow().state().ended(), "the short worker ends");
            assertTrue(hub.awaitCurrent().worker(quick.id()).orElseThrow().state().ended());
            // the sampler is told to watch the child process: no tick asked the supervisor
            assertEquals("worker", sampler.watching().processes().get(child.pid()));
            // a clear publishes no event: awaitCurrent reads the supervisor again
            supervisor.clearEnded();
            assertTrue(hub.awaitCurrent().worker(quick.id()).isEmpty(), "cleared");
            assertEquals(ticks, sampler.latest().seq(), "all of it without a single new tick");
        }
    }

    @Test
    void closingPublishesOneLastModelWithEverythingPostedBefore() throws Exception {
        List<Snapshot> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Supervisor supervisor = new Supervisor(Limits.DEFAULT, false);
        ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor);
        try {
            CountDownLatch never = new CountDownLatch(1);
            AtomicReference<Boolean> first = new AtomicReference<>(true);
            hub.onSnapshot(s -> {
                heard.add(s);
                if (first.getAndSet(false)) {
                    // the hub is busy with a model (a slow listener) when the last word comes and the close
                    // follows: without a last model the close ends the hub with that word unbuilt
                    try {
                        never.await(300, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            supervisor.events().publish(Event.Type.INFO, 0, "a first word");
            await(() -> !heard.isEmpty(), "the first model");
            // an event the hub has been posted but not built into a model yet (a run's last "joined")
            supervisor.events().publish(Event.Type.INFO, 0, "the last word");
            hub.close();
            Snapshot last = heard.get(heard.size() - 1);
            assertTrue(last.events().stream().anyMatch(e -> e.text().equals("the last word")),
                    "a recorder following the hub hears the session's end: " + last.events());
        } finally {
            hub.close();
            supervisor.close();
        }
    }

    @Test
    void snapshotsAreImmutable() {
        try (Supervisor supervisor = new Supervisor();
             ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor)) {
            supervisor.spawn(WorkerKind.THREAD, SLEEP, true);
            Snapshot s = hub.sampleNow();
            assertThrows(UnsupportedOperationException.class, () -> s.processes().clear());
            assertThrows(UnsupportedOperationException.class, () -> s.workers().clear());
            assertThrows(UnsupportedOperationException.class, () -> s.events().clear());
            assertFalse(s.gil().enabled());
            assertEquals(1, s.workers().size());
        }
    }

    @Test
    void startedTheHubRunsOnOneNamedThreadAndStopsWithTheSampler() throws Exception {
        ModelHub hub = ModelHub.start(new Sampler(Duration.ofMillis(100)), null);
        try {
            assertTrue(hub.latest() != null);
            assertTrue(threadNamed("threadlab-model"), "a thread named threadlab-model");
            long seq = hub.latest().seq();
            await(() -> hub.latest().seq() > seq + 2, "ticks arrive as models");
        } finally {
            hub.close();
        }
        await(() -> !threadNamed("threadlab-model") && !threadNamed("threadlab-sampler"), "close ends both threads");
    }

    @Test
    void aFailingListenerIsSaidOnceInTheEventsAndTheOthersStillHearEveryModel() throws Exception {
        try (ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null)) {
            List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            hub.onSnapshot(s -> {
                throw new IllegalStateException("recording.jsonl: No space left on device");
            });
            hub.onSnapshot(s -> heard.add(s.seq()));
            for (int i = 0; i < 3; i++) {
                hub.post(new HubInput.SupervisorEvent(event("change " + i)));
                hub.awaitCurrent();
            }
            Snapshot s = hub.sampleNow();
            List<String> lines = s.events().stream().map(Event::text).filter(t -> t.startsWith("model listener: ")).toList();
            assertEquals(List.of("model listener: recording.jsonl: No space left on device"), lines, "said once, not per model");
            assertTrue(heard.contains(s.seq()), "the next listener heard the latest model");
        }
    }

    @Test
    void anErrorWhileBuildingAModelDoesNotEndTheHub() throws Exception {
        try (ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null)) {
            java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean(true);
            hub.onSnapshot(s -> {
                if (once.getAndSet(false)) {
                    // a thread's crash --how oom fills the heap: any allocation here may throw this
                    throw new OutOfMemoryError("Java heap space");
                }
            });
            hub.post(new HubInput.SupervisorEvent(event("first")));
            long seq = hub.awaitCurrent().seq();
            assertTrue(threadNamed("threadlab-model"), "the hub's thread lives on");
            hub.post(new HubInput.SupervisorEvent(event("second")));
            Snapshot s = hub.awaitCurrent();
            assertTrue(s.seq() > seq, "models are still made: " + s.seq() + " after " + seq);
            assertTrue(s.events().stream().anyMatch(e -> e.text().equals("model: Java heap space")), "and it said why: " + s.events());
        }
    }

    @Test
    void withNothingPostedTheHubsThreadWaitsWithoutATimeLimitAndStillEndsOnClose() throws Exception {
        ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null);
        Thread t = hub.thread();
        try {
            // between ticks nothing is posted: the thread must not wake by itself (it polled every 500 ms,
            // which showed as TIMED_WAITING); WAITING is a wait only an input or close() ends
            await(() -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING, "the hub's thread waits");
            assertEquals(Thread.State.WAITING, t.getState(), "waits for an input without a time limit");
            // and an input still wakes it at once
            long seq = hub.latest().seq();
            hub.post(new HubInput.SupervisorEvent(event("news")));
            await(() -> hub.latest().seq() > seq, "a model for the posted event");
        } finally {
            hub.close();
        }
        t.join(5_000);
        assertFalse(t.isAlive(), "close() ends the thread that waited without a limit");
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static Event event(String text) {
        return new Event(1, Instant.now(), Event.Type.INFO, 0, text);
    }
}
