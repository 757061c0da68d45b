package org.threadlab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.model.Attached;
import org.threadlab.model.Snapshot;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;
import org.threadlab.worker.Event;

/**
 * Issue 14: a recording made while a process was attached keeps it: the replay shows the same rows
 * (its threads, then its exit), and the report counts its memory only while it lived.
 */
class AttachedRecordingTest {
    @TempDir
    Path dir;

    private static Snapshot model(int n, boolean exited) {
        Instant at = Instant.parse("2026-11-26T10:00:00Z").plusSeconds(n);
        List<ThreadSample> threads = List.of(new ThreadSample(500, "python3", "S", 0.0, 1, 20, 0, 3, 0, null),
                new ThreadSample(501, "tl-spinner", "R", 99.0, 0, 20, 0, 1, 40, null));
        ProcessSample self = new ProcessSample(100, 1, "java", "S", 1.0, Duration.ofSeconds(1), Duration.ZERO, 50 << 20, -1, 20,
                at.minusSeconds(60), "self", List.of(), null, Duration.ofSeconds(1));
        ProcessSample attached = new ProcessSample(500, 1, "python3", "S", 99.0, Duration.ofSeconds(n), Duration.ZERO, 9 << 20,
                20 << 20, 2, at.minusSeconds(30), Attached.ROLE, threads, exited ? Attached.EXITED : null, Duration.ofSeconds(1));
        List<Event> events = new ArrayList<>();
        events.add(new Event(0, at.minusSeconds(n), Event.Type.INFO, 0, "watching pid 500 (python3): 2 threads, attached (not a worker)"));
        if (exited) {
            events.add(new Event(0, at, Event.Type.INFO, 0, "pid 500 (python3) exited"));
        }
        return new Snapshot(n + 1, at, Duration.ofSeconds(1), 100, HostSample.UNKNOWN, List.of(self, attached), List.of(), null,
                events);
    }

    @Test
    void theReplayHasTheAttachedRowsAndTheirExit() throws Exception {
        Path f = dir.resolve("attached.jsonl");
        List<Snapshot> models = List.of(model(0, false), model(1, false), model(2, true));
        try (Recorder r = new Recorder(f, 100L << 20, "attach", Duration.ofSeconds(1))) {
            for (Snapshot s : models) {
                r.accept(s);
            }
        }
        Recording rec = RecordingReader.read(f);
        assertEquals("attach", rec.header().command());
        RecordingRoundTripTest.assertSameModels(models, rec.models());
        for (int i = 0; i < models.size(); i++) {
            assertEquals(Attached.processRows(models.get(i)), Attached.processRows(rec.models().get(i)), "model " + i);
            assertEquals(Attached.threadRows(models.get(i)), Attached.threadRows(rec.models().get(i)), "model " + i);
        }
        Snapshot last = rec.models().get(2);
        assertTrue(Attached.exited(last.process(500).orElseThrow()), "its exit comes back");
        assertEquals(List.of("python3", "tl-spinner"), Attached.threadRows(last).stream().map(w -> w.info().name()).toList());

        ReportData d = ReportData.of(rec, "attached.jsonl");
        double[] attached = d.memory().stream().filter(m -> m.label().equals("attached processes")).findFirst().orElseThrow().bytes();
        assertEquals(9 << 20, attached[0], 1);
        assertTrue(Double.isNaN(attached[attached.length - 1]), "no memory once it exited: " + attached[attached.length - 1]);
    }
}
