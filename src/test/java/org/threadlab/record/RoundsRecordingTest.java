package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/** A recording carries the rounds: replay has the same Snapshot.rounds() as the session had, in every model. */
class RoundsRecordingTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Models.T0;

    /** Model n of Models, its workers in round 1 or 2, with round 1 ended at model 5 and round 2 running from model 8. */
    static Snapshot model(int n) {
        Snapshot s = Models.model(n);
        List<WorkerSample> workers = new ArrayList<>();
        for (WorkerSample w : s.workers()) {
            WorkerInfo i = w.info();
            WorkerInfo r = new WorkerInfo(i.id(), i.name(), i.kind(), i.workload(), i.daemon(), i.state(), i.reason(),
                    i.startedAt(), i.endedAt(), i.progressDone(), i.progressTotal(), i.pid(), i.tid(), i.javaThreadId(),
                    i.cpuNanos(), i.exitCode(), i.result(), i.stderrTail(), i.cancelRequested(), i.status(), i.stdoutTail(),
                    i.owner(), i.id() <= 2 ? 1 : 2);
            workers.add(new WorkerSample(r, w.cpuPercent(), w.core(), w.memoryBytes(), w.threadState(), w.cpuHistory(),
                    w.state(), w.gilHeld(), w.gilWaited()));
        }
        List<Round> rounds = new ArrayList<>();
        RoundInfo one = new RoundInfo(1, WorkerKind.THREAD, "cpu", "units=0.5", 1, 1, false, false, T0);
        rounds.add(n < 5
                ? new Round(one, null, Duration.ofSeconds(n), -1, Double.NaN, Double.NaN, 2, 0, 0, 0, 1000L * n, 1, 0,
                        Double.NaN, null)
                : new Round(one, T0.plusSeconds(5), Duration.ofSeconds(5), 4_900_000_000L, 0.98, n < 6 ? 0.1 : 0.12, 0.96,
                        2, 1, 0, 0, 5000, 1, 0, Double.NaN, "1 thread: 1.0 of 2 cores busy - the baseline"));
        if (n >= 8) {
            RoundInfo two = new RoundInfo(2, WorkerKind.PROCESS, "cpu", "", 4, 3, true, true, T0.plusSeconds(8));
            boolean ended = n >= 12;
            rounds.add(new Round(two, ended ? T0.plusSeconds(12) : null, Duration.ofSeconds(ended ? 4 : n - 8), ended ? 7_000_000_000L : -1,
                    ended ? 1.75 : Double.NaN, 1.8, 2, ended ? 2 : 0, ended ? 1 : 0, 0, 300L << 20, 60, ended ? 1 : 0,
                    Double.NaN, ended ? "3 processes: 1 failed, 2 finished - no speed-up to tell" : null));
        }
        return new Snapshot(s.seq(), s.takenAt(), s.interval(), s.selfPid(), s.host(), s.processes(), workers, s.gil(),
                s.events(), rounds);
    }

    @Test
    void roundsComeBackInEveryModelAndAStillRoundIsItsIdAlone() throws Exception {
        Path f = dir.resolve("r.jsonl");
        List<Snapshot> expected = new ArrayList<>();
        try (Recorder r = new Recorder(f, 100L << 20, "ui", Duration.ofSeconds(1))) {
            for (int n = 0; n < 20; n++) {
                expected.add(model(n));
                r.accept(model(n));
            }
        }
        Recording rec = RecordingReader.read(f);
        // from the end first: a model read out of order is rebuilt from the checkpoints, rounds too
        for (int i = 19; i >= 0; i--) {
            Snapshot got = rec.models().get(i);
            assertEquals(expected.get(i).rounds(), got.rounds(), "model " + i);
            assertEquals(expected.get(i).workers().get(0).info().round(), got.workers().get(0).info().round());
        }
        RecordingRoundTripTest.assertSameModels(expected, rec.models());
        String last = Files.readAllLines(f).stream().filter(l -> l.startsWith("{\"type\":\"model\"")).reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(last.contains("\"rounds\":[{\"id\":1},{\"id\":2}]"), "rounds as they were: " + last);
        assertEquals("1.2", rec.header().version());
        assertEquals(0.96, rec.models().get(19).rounds().get(0).runnable(), "1.2 added a round's runnable");
    }

    /** A round of a 1.1 recording has no runnable count: it replays, the count not measured. */
    @Test
    void aRoundOfFormatOneOneReplaysWithItsRunnableNotMeasured() throws Exception {
        Path f = dir.resolve("r11.jsonl");
        try (Recorder r = new Recorder(f, 100L << 20, "ui", Duration.ofSeconds(1))) {
            for (int n = 0; n < 8; n++) {
                r.accept(model(n));
            }
        }
        List<String> lines = Files.readAllLines(f);
        lines.set(0, lines.get(0).replace("\"version\":\"" + Format.VERSION + "\"", "\"version\":\"1.1\""));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"runnable\":0.96")), "written where measured");
        lines.replaceAll(l -> l.replace("\"runnable\":0.96,", ""));
        Files.write(f, lines);
        Recording rec = RecordingReader.read(f);
        Round one = rec.models().get(7).rounds().get(0);
        assertTrue(Double.isNaN(one.runnable()), "not measured: " + one.runnable());
        assertEquals(0.98, one.coresBusy());
        assertEquals(List.of(), rec.notes(), "an older minor is read without a word");
    }

    @Test
    void aRecordingOfFormatOneZeroHasNoRounds() throws Exception {
        Path f = dir.resolve("old.jsonl");
        RecordingRoundTripTest.record(f, 3);
        List<String> lines = Files.readAllLines(f);
        lines.set(0, lines.get(0).replace("\"version\":\"" + Format.VERSION + "\"", "\"version\":\"1.0\""));
        Files.write(f, lines);
        Recording rec = RecordingReader.read(f);
        assertEquals(List.of(), rec.models().get(2).rounds());
        assertEquals(List.of(), rec.notes(), "an older minor is read without a word");
    }
}
