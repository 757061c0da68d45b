package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.model.CellState;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** The report's data from fabricated recordings: cores, memory, one lane per worker, rounds, events. */
class ReportDataTest {
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    static final Header HEADER = new Header("1.1", "test", "labhost", 2, T0, "ui", Duration.ofSeconds(1));

    static Instant at(double seconds) {
        return T0.plusNanos((long) (seconds * 1e9));
    }

    static HostSample host(long readNanos, double... utilisation) {
        List<CoreSample> cores = new ArrayList<>();
        for (int i = 0; i < utilisation.length; i++) {
            cores.add(new CoreSample(i, utilisation[i], 0, 0, 1 - utilisation[i], utilisation[i], History.EMPTY));
        }
        return new HostSample("labhost", Duration.ofSeconds(100), new double[] {0, 0, 0}, cores,
                new CoreSample(-1, 0, 0, 0, 1, 0, History.EMPTY), 1L << 30, 8L << 30, 0, 0, Duration.ofSeconds(1), readNanos);
    }

    static ProcessSample process(long pid, String role, long rss) {
        return new ProcessSample(pid, 1, "java", "S", 0, Duration.ZERO, Duration.ZERO, rss, -1, 1, T0, role, List.of(), null);
    }

    static WorkerInfo info(int id, WorkerKind kind, WorkerState state, Instant started, Instant ended, int round) {
        return new WorkerInfo(id, "cpu-" + id, kind, WorkloadSpec.of("cpu"), false, state, null, started, ended, 0, 0, 100,
                200 + id, -1, -1, null, null, List.of(), false, null, List.of(), 0, round);
    }

    static WorkerSample worker(WorkerInfo info, double cpu, int core, double gilHeld, double gilWaited) {
        return new WorkerSample(info, cpu, core, 1 << 20, cpu > 10 ? "R" : "S", History.EMPTY, info.state(), gilHeld, gilWaited);
    }

    static Snapshot model(long seq, double seconds, HostSample host, List<ProcessSample> processes, List<WorkerSample> workers,
                          List<Round> rounds) {
        return new Snapshot(seq, at(seconds), Duration.ofSeconds(1), 100, host, processes, workers,
                new SimulatedGil.State(false, null, 0, Duration.ofMillis(5), 0), List.of(), rounds);
    }

    static Recording recording(List<Snapshot> models, List<Event> events, List<String> notes) {
        List<Instant> times = models.stream().map(Snapshot::takenAt).toList();
        return new Recording(HEADER, models, times, List.of(), 0, events, notes);
    }

    @Test
    void oneSeriesPerCoreInPercentWithRepeatedReadingsLeftOut() {
        List<Snapshot> models = List.of(
                model(1, 0, host(1000, 0.5, 0.25), List.of(), List.of(), List.of()),
                // published at an event: the same host reading again, which must not be drawn twice
                model(2, 0.3, host(1000, 0.5, 0.25), List.of(), List.of(), List.of()),
                model(3, 1, host(2000, 1.0, Double.NaN), List.of(), List.of(), List.of()));
        ReportData d = ReportData.of(recording(models, List.of(), List.of()), "s.jsonl");
        assertArrayEquals(new double[] {0, 0.3, 1}, d.times(), 1e-9);
        assertEquals(2, d.cores().size());
        assertEquals(0, d.cores().get(0).core());
        assertArrayEquals(new double[] {50, Double.NaN, 100}, d.cores().get(0).percent(), 1e-9);
        assertArrayEquals(new double[] {25, Double.NaN, Double.NaN}, d.cores().get(1).percent(), 1e-9);
        assertEquals(8L << 30, d.memTotal());
    }

    @Test
    void memoryIsThreadlabsOwnAndItsChildrenSummed() {
        List<Snapshot> models = List.of(
                model(1, 0, host(1), List.of(process(100, "self", 70 << 20), process(101, "worker", 30 << 20),
                        process(102, "worker", 20 << 20)), List.of(), List.of()),
                model(2, 1, host(2), List.of(process(100, "self", 80 << 20), process(101, "worker", -1)), List.of(), List.of()),
                model(3, 2, host(3), List.of(process(100, "self", 80 << 20)), List.of(), List.of()));
        ReportData d = ReportData.of(recording(models, List.of(), List.of()), "s.jsonl");
        assertEquals(List.of("threadlab", "child processes"), d.memory().stream().map(ReportData.MemorySeries::label).toList(),
                "no attached processes: no series for them");
        assertArrayEquals(new double[] {70 << 20, 80 << 20, 80 << 20}, d.memory().get(0).bytes(), 1e-9);
        assertArrayEquals(new double[] {50 << 20, Double.NaN, Double.NaN}, d.memory().get(1).bytes(), 1e-9,
                "a child whose RSS could not be read, or none, is unknown, not zero");
    }

    @Test
    void oneLanePerWorkerWithItsStateAtEachModel() {
        WorkerInfo a = info(1, WorkerKind.THREAD, WorkerState.RUNNING, at(0.1), null, 1);
        WorkerInfo b = info(2, WorkerKind.THREAD, WorkerState.RUNNING, at(0.1), null, 1);
        WorkerInfo aEnded = info(1, WorkerKind.THREAD, WorkerState.FINISHED, at(0.1), at(1.5), 1);
        // compare's next run numbers its worker 1 again: another worker, another lane
        WorkerInfo again = info(1, WorkerKind.PROCESS, WorkerState.WAITING, at(2.2), null, 1);
        List<Snapshot> models = List.of(
                model(1, 0, host(1), List.of(), List.of(), List.of()),
                model(2, 1, host(2), List.of(), List.of(worker(a, 99, 1, 0.9, 0.05), worker(b, 1, -1, 0.05, 0.9)), List.of()),
                model(3, 2, host(3), List.of(), List.of(worker(aEnded, Double.NaN, -1, Double.NaN, Double.NaN),
                        worker(b, 95, 0, Double.NaN, Double.NaN)), List.of()),
                model(4, 3, host(4), List.of(), List.of(worker(again, 0, -1, Double.NaN, Double.NaN)), List.of()));
        ReportData d = ReportData.of(recording(models, List.of(), List.of()), "s.jsonl");
        assertEquals(3, d.lanes().size(), d.lanes().toString());
        ReportData.LaneRow first = d.lanes().get(0);
        assertEquals("#1 cpu-1 (thread cpu)", first.label());
        assertEquals("cpu", first.what());
        assertEquals(1, first.round());
        assertArrayEquals(new CellState[] {CellState.NONE, CellState.GIL_HELD, CellState.ENDED, CellState.NONE}, first.states());
        assertArrayEquals(new int[] {-1, 1, -1, -1}, first.cores());
        assertEquals(0.1, first.start(), 1e-9);
        assertEquals(1.5, first.end(), 1e-9);
        ReportData.LaneRow second = d.lanes().get(1);
        assertArrayEquals(new CellState[] {CellState.NONE, CellState.GIL_WAITING, CellState.RUNNING, CellState.NONE}, second.states());
        assertTrue(Double.isNaN(second.end()), "still running");
        ReportData.LaneRow third = d.lanes().get(2);
        assertEquals("#1 cpu-1 (process cpu)", third.label());
        assertArrayEquals(new CellState[] {CellState.NONE, CellState.NONE, CellState.NONE, CellState.SLEEPING}, third.states());
        // each state as CellState.of says it: the lanes are the model's classification, not the report's own
        for (int i = 0; i < models.size(); i++) {
            for (WorkerSample w : models.get(i).workers()) {
                ReportData.LaneRow lane = w.info().kind() == WorkerKind.PROCESS ? third : w.info().id() == 1 ? first : second;
                assertEquals(CellState.of(w), lane.states()[i]);
            }
        }
    }

    @Test
    void roundsAsLastRecordedAndEventsOnTheTimeAxis() {
        RoundInfo one = new RoundInfo(1, WorkerKind.THREAD, "cpu", "units=0.5", 1, 1, false, false, at(0.5));
        RoundInfo four = new RoundInfo(2, WorkerKind.THREAD, "cpu", "units=0.5", 4, 4, false, true, at(2));
        Round oneDone = new Round(one, at(1.5), Duration.ofSeconds(1), 950_000_000L, 0.95, 0.1, 2, 1, 0, 0, -1, -1, 0, Double.NaN,
                "1 thread: 1.0 of 2 cores busy - the baseline");
        Round fourRunning = new Round(four, null, Duration.ofMillis(500), -1, Double.NaN, Double.NaN, 2, 0, 0, 0, -1, -1, 1,
                Double.NaN, null);
        Round fourDone = new Round(four, at(6), Duration.ofSeconds(4), 4_000_000_000L, 1.0, 0.1, 2, 4, 0, 0, -1, -1, 1, 1.0,
                "4 threads + GIL took 4.0x the time of #1");
        List<Snapshot> models = List.of(
                model(1, 0, host(1), List.of(), List.of(), List.of()),
                model(2, 2.5, host(2), List.of(), List.of(), List.of(oneDone, fourRunning)),
                model(3, 6.5, host(3), List.of(), List.of(), List.of(oneDone, fourDone)));
        List<Event> events = List.of(new Event(1, at(0.5), Event.Type.STARTED, 1, "started thread cpu-1"),
                new Event(2, at(6), Event.Type.JOIN_TIMEOUT, 2, "cpu-2 did not join </script> in time"));
        ReportData d = ReportData.of(recording(models, events, List.of("no end line: the session was cut short")), "s.jsonl");
        assertEquals(2, d.rounds().size());
        ReportData.RoundRow r1 = d.rounds().get(0);
        assertEquals(1, r1.id());
        assertEquals("1 thread cpu units=0.5", r1.label());
        assertEquals(0.5, r1.start(), 1e-9);
        assertEquals(1.5, r1.end(), 1e-9);
        assertEquals("", r1.comparison(), "the baseline has none");
        ReportData.RoundRow r2 = d.rounds().get(1);
        assertEquals(6, r2.end(), 1e-9, "as the last model had it, ended");
        assertEquals(4_000_000_000L, r2.wallNanos());
        assertEquals(4_000_000_000L, r2.cpuNanos());
        assertEquals(-1, d.rounds().get(0).peakMemory(), "not measured");
        assertEquals("speed-up 1.00x vs #1", r2.comparison());
        assertEquals("4 threads + GIL took 4.0x the time of #1", r2.verdict());
        assertEquals(2, d.events().size());
        assertEquals(0.5, d.events().get(0).at(), 1e-9);
        assertEquals("started", d.events().get(0).type());
        assertEquals("join-timeout", d.events().get(1).type());
        assertEquals(List.of("no end line: the session was cut short"), d.notes());
        assertEquals(Duration.ofMillis(6500), d.duration());
    }

    @Test
    void aRecordingWithoutModelsHasNoReport() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportData.of(recording(List.of(), List.of(), List.of()), "s.jsonl"));
        assertEquals("s.jsonl: nothing to report: the session ended before its first model", e.getMessage());
    }

    @Test
    void aWholeRecordedSessionRoundTrips() throws Exception {
        // the fabricated session of the recording tests, written and read back as replay reads it
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        Encoder enc = new Encoder();
        file.write(enc.header(HEADER));
        for (int n = 0; n < 12; n++) {
            file.write(enc.model(Models.model(n)));
        }
        Recording r = RecordingReader.read("s.jsonl", new java.io.ByteArrayInputStream(file.toByteArray()));
        ReportData d = ReportData.of(r, "s.jsonl");
        assertEquals(12, d.times().length);
        assertEquals(2, d.cores().size());
        assertEquals(Models.model(11).workers().size(), d.lanes().size(), "a lane for every worker the session had");
        assertEquals(r.events().size(), d.events().size());
    }
}
