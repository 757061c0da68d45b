package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.Slice;
import org.threadlab.sample.SliceBatch;
import org.threadlab.sample.ThreadSlice;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.AwaitWorker;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** The hub and the fine timeline: started only while shown, told what to watch, a timeline per batch and no snapshot. */
class ModelHubTimelineTest {
    private static final WorkloadSpec SLEEP = WorkloadSpec.of("sleep").with("duration", "30s");
    private static final Duration TICK = Duration.ofMillis(4);

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }

    private static Timeline next(BlockingQueue<Timeline> q) throws InterruptedException {
        Timeline t = q.poll(10, TimeUnit.SECONDS);
        assertTrue(t != null, "a timeline was published");
        return t;
    }

    private static SliceBatch batch(long tid, long start, int n) {
        List<Slice> slices = new ArrayList<>();
        long span = 20_000_000L;
        for (int i = 0; i < n; i++) {
            long from = start + i * span;
            slices.add(new Slice(from, from + span, List.of(new ThreadSlice(ProcessHandle.current().pid(), tid, "sleep",
                    0, 0, 'S', 0, true, "TIMED_WAITING")), Map.of()));
        }
        return new SliceBatch(Duration.ofMillis(20), TICK, slices, null);
    }

    @Test
    void theSourceRunsOnlyWhileShownAndItsBatchesMakeTimelinesNotSnapshots() throws Exception {
        FakeSliceSource source = new FakeSliceSource();
        BlockingQueue<Timeline> timelines = new LinkedBlockingQueue<>();
        AtomicInteger snapshots = new AtomicInteger();
        try (Supervisor supervisor = new Supervisor();
             ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor, source)) {
            hub.onTimeline(timelines::add);
            hub.onSnapshot(s -> snapshots.incrementAndGet());
            WorkerInfo w = AwaitWorker.withTid(supervisor, supervisor.spawn(WorkerKind.THREAD, SLEEP, true).id());
            hub.sampleNow();
            assertFalse(source.running, "not read while the timeline is not shown");
            assertEquals(Timeline.EMPTY, hub.timeline());
            assertNull(hub.timeline().error());

            hub.showTimeline(true);
            hub.awaitCurrent();
            assertTrue(source.running, "started when shown");
            assertEquals(Set.of(w.tid()), source.watching.threadsByPid().get(w.pid()), "told to follow the worker's thread");
            assertEquals(Map.of(w.tid(), w.javaThreadId()), source.watching.javaIdByTid());

            // a second worker: the next model tells the source
            WorkerInfo w2 = AwaitWorker.withTid(supervisor, supervisor.spawn(WorkerKind.THREAD, SLEEP, true).id());
            hub.sampleNow();
            await(() -> source.watching.threadsByPid().getOrDefault(w.pid(), Set.of()).contains(w2.tid()),
                    "the source follows the new worker");

            hub.awaitCurrent();
            int before = snapshots.get();
            long seq = hub.latest().seq();
            for (int i = 0; i < 4; i++) {
                source.emit(batch(w.tid(), System.nanoTime(), 1));
                next(timelines);
            }
            // (the sleepers publish no events: nothing else can make a snapshot meanwhile)
            assertEquals(before, snapshots.get(), "batches of slices make no snapshot (recordings stay small)");
            assertEquals(seq, hub.latest().seq());
            source.emit(batch(w.tid(), System.nanoTime(), 3));
            Timeline t = next(timelines);
            assertEquals(7, t.slices());
            Lane lane = t.lanes().stream().filter(l -> l.tid() == w.tid()).findFirst().orElseThrow();
            assertEquals(w.id(), lane.workerId());
            assertEquals(CellState.SLEEPING, lane.cells().get(6).state());
            assertEquals(hub.timeline(), t);

            hub.setSlice(Duration.ofMillis(10));
            assertEquals(Duration.ofMillis(10), source.slice);

            hub.showTimeline(false);
            hub.awaitCurrent();
            assertFalse(source.running, "paused when hidden");
            assertEquals(Timeline.EMPTY, hub.timeline(), "nothing while it is not shown");
            source.emit(batch(w.tid(), System.nanoTime(), 1)); // a batch late after the pause
            hub.awaitCurrent();
            assertTrue(timelines.isEmpty(), "no timeline while hidden: " + timelines);
            // while hidden the source is not told of new workers; shown again, it is at once
            WorkerInfo w3 = AwaitWorker.withTid(supervisor, supervisor.spawn(WorkerKind.THREAD, SLEEP, true).id());
            hub.sampleNow();
            assertFalse(source.watching.threadsByPid().get(w.pid()).contains(w3.tid()), "not told while hidden");

            // shown again: a fresh window, not the old one with a gap in it
            hub.showTimeline(true);
            hub.awaitCurrent();
            assertEquals(2, source.starts);
            assertTrue(source.watching.threadsByPid().get(w.pid()).contains(w3.tid()), "told when shown again");
            source.emit(batch(w.tid(), System.nanoTime(), 1));
            assertEquals(1, next(timelines).slices());
        }
        assertTrue(source.closed, "the hub closes its slice source");
    }

    @Test
    void withoutASourceTheTimelineSaysWhy() throws Exception {
        BlockingQueue<Timeline> timelines = new LinkedBlockingQueue<>();
        try (ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null)) {
            hub.onTimeline(timelines::add);
            assertEquals(ModelHub.NO_TIMELINE, hub.timeline().error());
            hub.showTimeline(true);
            assertEquals(ModelHub.NO_TIMELINE, next(timelines).error(), "the pane is told why, once shown");
        }
        FakeSliceSource cannot = new FakeSliceSource("needs Linux's /proc");
        try (ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null, cannot)) {
            hub.showTimeline(true);
            hub.awaitCurrent();
            assertEquals("needs Linux's /proc", hub.timeline().error());
            assertFalse(cannot.running, "a source that cannot read here is never started");
        }
    }

    @Test
    void aSourcesErrorReachesTheTimeline() throws Exception {
        FakeSliceSource source = new FakeSliceSource();
        BlockingQueue<Timeline> timelines = new LinkedBlockingQueue<>();
        try (ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), null, source)) {
            hub.onTimeline(timelines::add);
            hub.showTimeline(true);
            hub.awaitCurrent();
            source.emit(new SliceBatch(Duration.ofMillis(20), TICK, List.of(), "cannot read /proc/1/task: gone"));
            assertEquals("cannot read /proc/1/task: gone", next(timelines).error());
        }
    }

    @Test
    void twoCpuThreadsUnderTheGilShowOneHolderPerSliceTakingTurns() throws Exception {
        FakeSliceSource source = new FakeSliceSource();
        WorkloadSpec cpu = WorkloadSpec.of("cpu").with("units", "100000");
        try (Supervisor supervisor = new Supervisor();
             ModelHub hub = ModelHub.manual(new Sampler(Duration.ofSeconds(1)), supervisor, source)) {
            supervisor.setGil(true);
            // holds of 60 ms: every 20 ms slice falls mostly in one thread's hold
            supervisor.gil().setSwitchInterval(Duration.ofMillis(60));
            WorkerInfo a = AwaitWorker.withTid(supervisor, supervisor.spawn(WorkerKind.THREAD, cpu, true).id());
            WorkerInfo b = AwaitWorker.withTid(supervisor, supervisor.spawn(WorkerKind.THREAD, cpu, true).id());
            hub.showTimeline(true);
            hub.sampleNow();
            await(() -> supervisor.gil().state().handoffs() >= 2, "the GIL was handed over");
            long pid = ProcessHandle.current().pid();
            long from = System.nanoTime();
            long handoffs = supervisor.gil().state().handoffs();
            await(() -> supervisor.gil().state().handoffs() >= handoffs + 6, "six more hand-overs");
            long to = System.nanoTime();
            // the kernel's view fabricated as "asleep": only the GIL's own books can make these cells
            List<Slice> slices = new ArrayList<>();
            for (long s = from; s + 20_000_000L <= to; s += 20_000_000L) {
                slices.add(new Slice(s, s + 20_000_000L, List.of(
                        new ThreadSlice(pid, a.tid(), "a", 0, 0, 'S', 0, true, null),
                        new ThreadSlice(pid, b.tid(), "b", 0, 0, 'S', 1, true, null)), Map.of()));
            }
            BlockingQueue<Timeline> timelines = new LinkedBlockingQueue<>();
            hub.onTimeline(timelines::add);
            source.emit(new SliceBatch(Duration.ofMillis(20), TICK, slices, null));
            Timeline t = next(timelines);
            supervisor.terminateAll();
            Lane la = t.lanes().stream().filter(l -> l.tid() == a.tid()).findFirst().orElseThrow();
            Lane lb = t.lanes().stream().filter(l -> l.tid() == b.tid()).findFirst().orElseThrow();
            int heldA = 0;
            int heldB = 0;
            int oneHolder = 0;
            for (int i = 0; i < t.slices(); i++) {
                CellState sa = la.cells().get(i).state();
                CellState sb = lb.cells().get(i).state();
                assertFalse(sa == CellState.GIL_HELD && sb == CellState.GIL_HELD, "two holders in slice " + i);
                heldA += sa == CellState.GIL_HELD ? 1 : 0;
                heldB += sb == CellState.GIL_HELD ? 1 : 0;
                if ((sa == CellState.GIL_HELD && sb == CellState.GIL_WAITING)
                        || (sb == CellState.GIL_HELD && sa == CellState.GIL_WAITING)) {
                    oneHolder++;
                }
            }
            assertTrue(heldA > 0 && heldB > 0, "both took turns: " + heldA + " / " + heldB);
            // a slice across a hand-over may show neither most of the time; the others one holder, one waiter
            assertTrue(oneHolder >= 0.5 * t.slices(), oneHolder + " of " + t.slices() + " slices: one holds, the other waits");
            // the per-core row follows the holder (its fabricated core)
            int coreRowsA = 0;
            for (int i = 0; i < t.slices(); i++) {
                if (la.cells().get(i).state() == CellState.GIL_HELD) {
                    assertEquals(t.lanes().indexOf(la), t.cores().get(0).holders().get(i));
                    coreRowsA++;
                }
            }
            assertEquals(heldA, coreRowsA);
        }
    }
}
