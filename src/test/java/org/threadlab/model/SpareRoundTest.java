package org.threadlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.ProcessSample;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.RoundInfo;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** A round whose process worker was handed a warm spare: the spare's own start-up CPU, before the round, is not the round's. */
class SpareRoundTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final long SELF = 100;
    private static final long SPARE = 300;

    private static Instant at(double s) {
        return T0.plusNanos((long) (s * 1e9));
    }

    private static ProcessSample process(long pid, double cpuSeconds, String role) {
        return new ProcessSample(pid, SELF, "java", "S", 0, Duration.ofNanos((long) (cpuSeconds * 1e9)), Duration.ZERO,
                40 << 20, 0, 15, at(-5), role, List.of(), null, null);
    }

    private static Measurement tick(double t, ProcessSample... processes) {
        CoreSample total = new CoreSample(-1, 0.5, 0, 0, 0.5, 0.5, History.EMPTY);
        HostSample host = new HostSample("h", Duration.ZERO, new double[] {0, 0, 0}, List.of(total, total), total, 1, 2, 0, 0,
                Duration.ofSeconds(1), 0);
        return new Measurement(1, at(t), Duration.ofSeconds(1), SELF, host, List.of(processes), Map.of(), 0, null);
    }

    @Test
    void theSparesStartUpIsNotTheRoundsCpu() {
        RoundBook book = new RoundBook();
        // the spare started and warmed up: 0.2 s of CPU, before anyone asked for it
        book.update(List.of(), List.of(), 0, List.of(tick(1, process(SELF, 1, "self"), process(SPARE, 0.2, ModelHub.SPARE))), at(1));
        RoundInfo r = new RoundInfo(1, WorkerKind.PROCESS, "cpu", "", 1, 1, false, false, at(1.5));
        WorkerInfo w = new WorkerInfo(1, "cpu-1", WorkerKind.PROCESS, WorkloadSpec.of("cpu"), false, WorkerState.RUNNING, null,
                at(1.5), null, 0, 0, SPARE, 301, -1, -1, null, null, List.of(), false, null, List.of(), 0, 1);
        Round running = book.update(List.of(r), List.of(w), 0,
                List.of(tick(2, process(SELF, 1.1, "self"), process(SPARE, 0.7, "worker"))), at(2)).get(0);
        assertTrue(running.running());
        assertEquals(500_000_000L, running.cpuNanos(), "0.7 s read, of which 0.2 s was the spare's before the round");
    }
}
