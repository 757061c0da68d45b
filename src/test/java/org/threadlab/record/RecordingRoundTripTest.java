package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.model.Snapshot;
import org.threadlab.work.WorkloadSpec;

/** Models written by the Recorder read back the same, field for field; events once; histories as deltas. */
class RecordingRoundTripTest {
    @TempDir
    Path dir;

    /** Two models are the same when a fresh encoder writes the same bytes for both: every field is compared. */
    static void assertSameModels(List<Snapshot> expected, List<Snapshot> actual) {
        assertEquals(expected.size(), actual.size());
        Encoder a = new Encoder();
        Encoder b = new Encoder();
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(new String(a.model(expected.get(i)), StandardCharsets.UTF_8),
                    new String(b.model(actual.get(i)), StandardCharsets.UTF_8), "model " + i);
        }
    }

    static Path record(Path file, int models) throws Exception {
        try (Recorder r = new Recorder(file, 100L << 20, "ui", Duration.ofSeconds(1))) {
            for (int n = 0; n < models; n++) {
                r.accept(Models.model(n));
            }
        }
        return file;
    }

    @Test
    void everyFieldComesBack() throws Exception {
        Path f = record(dir.resolve("s.jsonl"), 40);
        Recording rec = RecordingReader.read(f);
        List<Snapshot> expected = new java.util.ArrayList<>();
        for (int n = 0; n < 40; n++) {
            expected.add(Models.model(n));
        }
        assertSameModels(expected, rec.models());
        Snapshot last = rec.models().get(39);
        Snapshot orig = expected.get(39);
        // spot checks on what a byte comparison could share a mistake with
        assertEquals(orig.workers().get(2).cpuHistory(), last.workers().get(2).cpuHistory());
        assertTrue(Double.isNaN(last.workers().get(3).cpuPercent()), "NaN comes back as NaN");
        assertArrayEquals(orig.host().load(), last.host().load());
        assertEquals(orig.takenAt(), last.takenAt(), "to the nanosecond");
        assertEquals(orig.events(), last.events());
        assertNull(last.processes().get(1).userTime());
        assertEquals(orig.workers().get(0).info(), last.workers().get(0).info());
        assertEquals(List.of(), rec.notes(), "a file closed properly has nothing to say");
        assertEquals("ui", rec.header().command());
        assertEquals(Format.VERSION, rec.header().version());
        assertEquals(2, rec.header().cores());
        assertEquals("labhost", rec.header().host());
        // every event once, in order
        assertEquals(14, rec.events().size());
        assertEquals(14, Files.readAllLines(f).stream().filter(l -> l.startsWith("{\"type\":\"event\"")).count());
    }

    @Test
    void historiesAreWrittenAsWhatTheyAdded() throws Exception {
        Path f = record(dir.resolve("h.jsonl"), 130);
        List<String> lines = Files.readAllLines(f);
        String lastModel = lines.stream().filter(l -> l.startsWith("{\"type\":\"model\"")).reduce((x, y) -> y).orElseThrow();
        assertTrue(lastModel.contains("\"history\":{\"keep\":119,\"add\":["), lastModel);
        // 44 workers, each with a 120-value history: about 370 bytes a worker, not the 2,000 of a whole history
        assertTrue(lastModel.length() < 44 * 400, lastModel.length() + " bytes");
        assertSameModels(java.util.stream.IntStream.range(0, 130).mapToObj(Models::model).toList(), RecordingReader.read(f).models());
    }

    @Test
    void workloadTextRoundTrips() {
        WorkloadSpec spec = WorkloadSpec.of("exec").with("cmd", "python3 a\\b.py  30").with("_unit", "9");
        assertEquals(spec, Decoder.workload(Encoder.workloadText(spec)));
        assertEquals(WorkloadSpec.of("sleep"), Decoder.workload(Encoder.workloadText(WorkloadSpec.of("sleep"))));
    }

    @Test
    void rotatesPastTheLimitAndEachPartReplaysAlone() throws Exception {
        Path f = dir.resolve("r.jsonl");
        try (Recorder r = new Recorder(f, 64 * 1024, "run", Duration.ofSeconds(1))) {
            // up to 20 workers: a model in full (the first of a file) is about 50K, later ones a few K
            for (int n = 0; n < 60; n++) {
                r.accept(Models.model(n));
            }
            r.close();
            assertTrue(r.summary().contains("rotated at 64K"), r.summary());
        }
        Path older = dir.resolve("r.jsonl.1");
        assertTrue(Files.size(f) <= 64 * 1024 + 1024, "at most the limit and an end line: " + Files.size(f));
        Recording newer = RecordingReader.read(f);
        Recording before = RecordingReader.read(older);
        assertTrue(before.notes().stream().anyMatch(n -> n.contains("goes on in r.jsonl")), before.notes().toString());
        Snapshot lastModel = newer.models().get(newer.models().size() - 1);
        assertEquals(60, lastModel.seq());
        // the newer part starts whole: its first model's histories and events are written in full
        Snapshot first = newer.models().get(0);
        assertSameModels(List.of(Models.model((int) first.seq() - 1)), List.of(first));
        assertFalse(newer.models().isEmpty() || before.models().isEmpty());
    }

    @Test
    void aFullQueueDropsAndCountsAndTheFileSaysSo() throws Exception {
        Path f = dir.resolve("d.jsonl");
        Recorder r = new Recorder(f, 100L << 20, "ui", Duration.ofSeconds(1), 1);
        int offered = 2000;
        for (int n = 0; n < offered; n++) {
            r.accept(Models.model(n % 50));
        }
        r.close();
        long dropped = r.dropped();
        assertTrue(dropped > 0, "a queue of one cannot take 2000 models at once");
        assertTrue(r.summary().contains(dropped + " models were dropped"), r.summary());
        Recording rec = RecordingReader.read(f);
        assertTrue(rec.notes().contains(dropped + " models were not recorded (the writer fell behind)"), rec.notes().toString());
    }
}
