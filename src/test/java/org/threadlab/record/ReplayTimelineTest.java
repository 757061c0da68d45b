package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.model.Cell;
import org.threadlab.model.CellState;
import org.threadlab.model.Lane;
import org.threadlab.model.Snapshot;
import org.threadlab.model.Timeline;
import org.threadlab.model.TimelineBook;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** A replay's timeline: one column per recorded model, cells as CellState.of says, read back from a real recording. */
class ReplayTimelineTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private static WorkerSample sample(int id, WorkerState state, double cpu, int core, String letter, double held, double waited,
                                       Instant ended) {
        WorkerInfo info = new WorkerInfo(id, "w" + id, WorkerKind.THREAD, WorkloadSpec.of("cpu"), false, state, null,
                T0, ended, 0, 0, 4000, 5000 + id, 30 + id, -1, null, null, List.of(), false);
        return new WorkerSample(info, cpu, core, 1 << 20, letter, History.EMPTY, state, held, waited);
    }

    /** Model n: #1 runs on core 1 holding the GIL; #2 sleeps; #3 waits for the GIL; #4 runs on core 0 and ends at model 3. */
    private static Snapshot model(int n) {
        Instant at = T0.plusSeconds(n);
        List<WorkerSample> w = new ArrayList<>();
        w.add(sample(1, WorkerState.RUNNING, 97, 1, "R", 0.9, 0.0, null));
        w.add(sample(2, WorkerState.WAITING, 0, 0, "S", Double.NaN, Double.NaN, null));
        w.add(sample(3, WorkerState.BLOCKED, 3, 0, "S", 0.05, 0.9, null));
        boolean ended = n >= 3;
        w.add(sample(4, ended ? WorkerState.FINISHED : WorkerState.RUNNING, ended ? Double.NaN : 80, 0, ended ? null : "R",
                Double.NaN, Double.NaN, ended ? T0.plusSeconds(3) : null));
        List<CoreSample> cores = List.of(new CoreSample(0, 0.5, 0.1, 0, 0.4, 0.6, History.EMPTY),
                new CoreSample(1, 0.9, 0.1, 0, 0.0, 1.0, History.EMPTY));
        HostSample host = new HostSample("labhost", Duration.ofSeconds(1000 + n), new double[] {1, 1, 1}, cores,
                new CoreSample(-1, 0.7, 0.1, 0, 0.2, 0.8, History.EMPTY), 3_000_000_000L, 8_000_000_000L, 0, 0,
                Duration.ofSeconds(1), 0);
        return new Snapshot(n + 1, at, Duration.ofSeconds(1), 4000, host, List.of(), w,
                new SimulatedGil.State(true, "w1", 1, Duration.ofMillis(5), 10 * n, 0.9, 0.9), List.of());
    }

    @Test
    void aReplayDrawsItsTimelineAtTheRecordedInterval() throws Exception {
        Path file = dir.resolve("t.jsonl");
        try (Recorder r = new Recorder(file, 100L << 20, "ui", Duration.ofSeconds(1))) {
            for (int n = 0; n < 6; n++) {
                r.accept(model(n));
            }
        }
        try (ReplaySource replay = new ReplaySource(RecordingReader.read(file))) {
            BlockingQueue<Timeline> shown = new LinkedBlockingQueue<>();
            replay.onTimeline(shown::add);
            replay.step(1);
            assertTrue(shown.isEmpty(), "no timeline published while it is not shown");

            replay.showTimeline(true);
            Timeline t = shown.poll(10, TimeUnit.SECONDS);
            assertEquals(2, t.slices(), "one column per model up to the one on show");
            assertEquals(Duration.ofSeconds(1), t.slice());
            assertTrue(t.note().contains("1 s per column") && t.note().contains("not fine time"), t.note());
            assertEquals(t, replay.timeline());

            while (replay.step(1)) {
                // to the last model: each step publishes the timeline up to it
            }
            Timeline last = replay.timeline();
            assertEquals(6, last.slices());
            assertEquals(Duration.ofSeconds(5).toNanos(), last.endNanos(), "the recorded time since the first model");
            assertEquals("ABCD", last.lanes().stream().map(l -> String.valueOf(l.key())).reduce("", String::concat));
            assertEquals(List.of(CellState.GIL_HELD), distinct(last.lanes().get(0)), "#1 held the GIL 90 %");
            assertEquals(1, last.lanes().get(0).cells().get(5).core());
            assertEquals(0.97, last.lanes().get(0).cells().get(5).cpuShare(), 1e-9);
            assertEquals(List.of(CellState.SLEEPING), distinct(last.lanes().get(1)));
            assertEquals(List.of(CellState.GIL_WAITING), distinct(last.lanes().get(2)));
            Lane ended = last.lanes().get(3);
            assertEquals(List.of(CellState.RUNNING, CellState.RUNNING, CellState.RUNNING, CellState.ENDED, CellState.ENDED,
                    CellState.ENDED), ended.cells().stream().map(Cell::state).toList());
            // per core: core 1 is #1's; core 0 #4's while it ran, then nobody's
            assertEquals(List.of(0, 0, 0, 0, 0, 0), last.cores().get(1).holders());
            assertEquals(List.of(3, 3, 3, -1, -1, -1), last.cores().get(0).holders());
            assertTrue(shown.size() >= 4, "every step published its timeline: " + shown.size());

            replay.showTimeline(false);
            shown.clear();
            replay.step(-1);
            assertTrue(shown.isEmpty(), "none once hidden");
            assertEquals(Timeline.EMPTY, replay.timeline(), "nothing while it is not shown");
            replay.showTimeline(true);
            assertEquals(5, shown.poll(10, TimeUnit.SECONDS).slices(), "a step back shows the window up to that model");
        }
    }

    @Test
    void theWindowHoldsAtMostTheLiveTimelinesSlices() {
        List<Snapshot> models = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int n = 0; n < TimelineBook.SLICES + 20; n++) {
            models.add(model(Math.min(n, 2))); // #4 keeps running
            times.add(T0.plusSeconds(n));
        }
        Timeline t = new ReplayTimeline(models, times).at(models.size() - 1);
        assertEquals(TimelineBook.SLICES, t.slices());
        assertEquals(TimelineBook.SLICES, t.lanes().get(0).cells().size());
    }

    private static List<CellState> distinct(Lane l) {
        return l.cells().stream().map(Cell::state).distinct().toList();
    }
}
