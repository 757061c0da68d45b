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
    void modelsAreDecodedWhenAskedForInAnyOrder() throws Exception {
        Path f = record(dir.resolve("any.jsonl"), 130);
        List<Snapshot> read = RecordingReader.read(f).models();
        // forward, far back (to the state before model 0), across the states kept every 32, one back, far forward
        for (int i : new int[] {0, 1, 2, 129, 3, 64, 63, 31, 32, 33, 100, 99, 5, 128, 128}) {
            assertSameModels(List.of(Models.model(i)), List.of(read.get(i)));
        }
    }

    /** model(10) with worker 2's figures unknown, its status gone, and thread 5001 no longer a Java thread. */
    private static Snapshot unknowns() {
        Snapshot m = Models.model(10);
        List<org.threadlab.model.WorkerSample> workers = new java.util.ArrayList<>(m.workers());
        org.threadlab.model.WorkerSample w = workers.get(1);
        org.threadlab.worker.WorkerInfo i = w.info();
        workers.set(1, new org.threadlab.model.WorkerSample(new org.threadlab.worker.WorkerInfo(i.id(), i.name(), i.kind(),
                i.workload(), i.daemon(), i.state(), i.reason(), i.startedAt(), i.endedAt(), i.progressDone(), i.progressTotal(),
                i.pid(), i.tid(), i.javaThreadId(), i.cpuNanos(), i.exitCode(), i.result(), i.stderrTail(), i.cancelRequested(),
                null, i.stdoutTail(), i.owner()), Double.NaN, -1, -1, null, w.cpuHistory(), null, Double.NaN, Double.NaN));
        org.threadlab.sample.ProcessSample p = m.processes().get(0);
        List<org.threadlab.sample.ThreadSample> threads = new java.util.ArrayList<>(p.threads());
        org.threadlab.sample.ThreadSample t = threads.get(1);
        threads.set(1, new org.threadlab.sample.ThreadSample(t.tid(), null, null, Double.NaN, -1, 0, 0, t.voluntarySwitches(),
                t.involuntarySwitches(), null));
        List<org.threadlab.sample.ProcessSample> processes = List.of(new org.threadlab.sample.ProcessSample(p.pid(), p.ppid(),
                p.name(), p.state(), p.cpuPercent(), p.userTime(), p.systemTime(), p.rssBytes(), p.virtualBytes(), p.threadCount(),
                p.startTime(), p.role(), threads, p.error(), p.window()), m.processes().get(1));
        return new Snapshot(m.seq(), m.takenAt(), m.interval(), m.selfPid(), m.host(), processes, workers, m.gil(), m.events());
    }

    @Test
    void whatChangesToUnknownAndBackComesBack() throws Exception {
        // only what changed is written: a value that becomes unknown must be said, and one that comes back too
        List<Snapshot> models = List.of(Models.model(10), unknowns(), Models.model(10), unknowns(), unknowns());
        Path f = dir.resolve("u.jsonl");
        try (Recorder r = new Recorder(f, 100L << 20, "ui", Duration.ofSeconds(1))) {
            models.forEach(r::accept);
        }
        List<Snapshot> read = RecordingReader.read(f).models();
        assertSameModels(models, read);
        assertTrue(Double.isNaN(read.get(1).workers().get(1).cpuPercent()));
        assertEquals(25.0, read.get(2).workers().get(1).cpuPercent());
        assertEquals(null, read.get(3).processes().get(0).threads().get(1).java());
        assertEquals(models.get(2).processes().get(0).threads().get(1), read.get(2).processes().get(0).threads().get(1));
        // the last model repeats the one before: its threads are their tids alone, its workers their ids
        String last = Files.readAllLines(f).stream().filter(l -> l.startsWith("{\"type\":\"model\"")).reduce((x, y) -> y).orElseThrow();
        assertTrue(last.contains("\"threads\":[{\"tid\":4000},{\"tid\":5001}]"), last);
        assertTrue(last.contains("\"workers\":[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4}]"), last);
    }

    @Test
    void workloadTextRoundTrips() {
        // spaces, an '=' and quotes in a value, and the internal keys (the calibration), which a replay does not need
        WorkloadSpec spec = WorkloadSpec.of("exec").with("cmd", "python3 -c 'print(1)' a=b  30").with("_unit", "9");
        assertEquals(WorkloadSpec.of("exec").with("cmd", "python3 -c 'print(1)' a=b  30"), Decoder.workload(Encoder.workloadText(spec)));
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
    void rotatedMoreThanOnceTheSummarySaysHowManyModelsAreGone() throws Exception {
        Path f = dir.resolve("r.jsonl");
        Recorder r = new Recorder(f, 64 * 1024, "run", Duration.ofSeconds(1));
        for (int n = 0; n < 200; n++) {
            r.accept(Models.model(n));
        }
        r.close();
        assertEquals(0, r.dropped());
        int kept = RecordingReader.read(f).models().size() + RecordingReader.read(dir.resolve("r.jsonl.1")).models().size();
        assertTrue(kept < 200, "200 models do not fit in twice 64K: " + kept);
        assertTrue(r.summary().endsWith("rotated at 64K; the first " + (200 - kept) + " models were replaced by later ones)"), r.summary());
    }

    @Test
    void aFullDiskStopsTheRecordingAndTheSummarySaysSo() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        Recorder r = new Recorder(full, 100L << 20, "ui", Duration.ofSeconds(1));
        // the writer flushes as soon as its queue is empty and fails there, so from then on a model given is
        // refused (said to the hub, the test below): when depends on the machine's load, so models are given
        // until one is (it once assumed five always got in first, which a busy machine does not keep)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        IllegalStateException refused = null;
        for (int n = 0; refused == null; n++) {
            if (System.nanoTime() > deadline) {
                org.junit.jupiter.api.Assertions.fail("the writer never failed on /dev/full");
            }
            try {
                r.accept(Models.model(n));
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            } catch (IllegalStateException e) {
                assertTrue(n > 0, "the first model is taken: nothing was written yet");
                refused = e;
            }
        }
        r.close();
        // nothing reached the disk, and nothing was dropped for a slow writer: the summary says only that it failed, and why
        assertEquals("recording to /dev/full failed after 0 models: No space left on device", r.summary());
    }

    @Test
    void aFullDiskFoundOnlyAtTheCloseIsSaidTheSame() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        // the other order: closed before the writer wrote anything, it fails on the end line, in close()
        Recorder r = new Recorder(full, 100L << 20, "ui", Duration.ofSeconds(1));
        r.close();
        assertEquals("recording to /dev/full failed after 0 models: No space left on device", r.summary());
    }

    @Test
    void aRecordingThatStopsSaysSoToTheModelWhileTheSessionGoesOn() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        try (Recorder r = new Recorder(full, 100L << 20, "ui", Duration.ofSeconds(1))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            IllegalStateException said = null;
            for (int n = 0; said == null; n++) {
                if (System.nanoTime() > deadline) {
                    org.junit.jupiter.api.Assertions.fail("the writer's failure was never said to the model thread");
                }
                try {
                    r.accept(Models.model(n));
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // a tick, shortened
                } catch (IllegalStateException e) {
                    said = e;
                }
            }
            // thrown to the hub, which shows a failing listener once as an event line (ModelHubTest)
            assertEquals("recording to /dev/full stopped: No space left on device", said.getMessage());
        }
    }

    @Test
    void aSecondRecorderOfTheSameFileIsRefusedAndTheFirstKeepsItsFile() throws Exception {
        Path f = dir.resolve("same.jsonl");
        try (Recorder first = new Recorder(f, 100L << 20, "ui", Duration.ofSeconds(1))) {
            first.accept(Models.model(0));
            java.nio.file.FileSystemException e = org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.FileSystemException.class,
                    () -> new Recorder(f, 100L << 20, "run", Duration.ofSeconds(1)));
            assertEquals("another threadlab is recording to it", e.getReason());
            first.accept(Models.model(1));
        }
        Recording r = RecordingReader.read(f);
        assertEquals(2, r.models().size());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        // closed, the file is free: a new session replaces it
        new Recorder(f, 100L << 20, "ui", Duration.ofSeconds(1)).close();
        assertTrue(RecordingReader.read(f).models().isEmpty());
    }

    @Test
    void aModelOlderThanTheLastWrittenIsSkipped() throws Exception {
        // follow() reads the source's latest after adding its listener: the listener's newer model may get in first
        Path f = dir.resolve("order.jsonl");
        try (Recorder r = new Recorder(f, 100L << 20, "ui", Duration.ofSeconds(1))) {
            r.accept(Models.model(2));
            r.accept(Models.model(1));
            r.accept(Models.model(3));
        }
        Recording rec = RecordingReader.read(f);
        assertEquals(List.of(Models.model(2).takenAt(), Models.model(3).takenAt()), rec.times());
    }

    @Test
    void modelsOfferedAfterTheEndAreNotCountedAsDropped() throws Exception {
        // ui closes its recorder before its source: a tick in between must not read as "the writer fell behind"
        Path f = dir.resolve("after.jsonl");
        Recorder r = new Recorder(f, 100L << 20, "ui", Duration.ofSeconds(1));
        r.accept(Models.model(0));
        r.close();
        r.accept(Models.model(1));
        assertEquals(0, r.dropped());
        assertEquals("recorded 1 model to " + f, r.summary());
        assertTrue(RecordingReader.read(f).notes().isEmpty(), "a whole recording, nothing dropped");
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
