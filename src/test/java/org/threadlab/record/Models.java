package org.threadlab.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.JavaThreadSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** A fabricated session: model n has n ticks of history, a worker per 3 ticks, an event per worker, and every kind of field. */
final class Models {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456789Z");

    private Models() {}

    static double[] ramp(int n, double scale) {
        double[] d = new double[Math.max(0, Math.min(n, 120))];
        for (int i = 0; i < d.length; i++) {
            d[i] = (n - d.length + i) * scale % 100;
        }
        return d;
    }

    static Snapshot model(int n) {
        Instant at = T0.plusSeconds(n);
        List<WorkerSample> workers = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int id = 1; id <= n / 3 + 1; id++) {
            boolean ended = id % 4 == 0;
            WorkerKind kind = WorkerKind.values()[id % 3];
            WorkerInfo info = new WorkerInfo(id, "cpu-" + id, kind,
                    WorkloadSpec.of("exec").with("cmd", "python3 demos/busy threads.py \\ 30"), id % 2 == 0,
                    ended ? WorkerState.FAILED : WorkerState.RUNNING, ended ? "exit code 3" : null, T0.plusSeconds(id),
                    ended ? at : null, n, 100, 4000 + id, kind == WorkerKind.VIRTUAL ? -1 : 5000 + id, 30 + id, ended ? 1234 : -1,
                    ended ? 3 : null, null, List.of("err \"quoted\" ünïcode"), false, "queue 3/16", List.of("out 1", "out 2"), 0);
            workers.add(new WorkerSample(info, ended ? Double.NaN : 12.5 * id, id % 2, 1 << 20, "R",
                    new History(ramp(n - id, 7.3)), info.state(), Double.NaN, 0.25));
            events.add(new Event(id, T0.plusSeconds(id), Event.Type.STARTED, id, "started cpu-" + id));
        }
        List<CoreSample> cores = List.of(new CoreSample(0, 0.5, 0.1, Double.NaN, 0.4, 0.6, new History(ramp(n, 0.01))),
                new CoreSample(1, 0.2, 0.1, 0, 0.7, 0.3, new History(ramp(n, 0.02))));
        HostSample host = new HostSample("labhost", Duration.ofSeconds(1000 + n), new double[] {1.5, -1, 0.25}, cores,
                new CoreSample(-1, 0.3, 0.1, 0, 0.6, 0.4, History.EMPTY), 3_000_000_000L, 8_000_000_000L, 0, 0,
                n == 0 ? null : Duration.ofMillis(1001), 123_456_789L * n);
        List<ProcessSample> processes = List.of(new ProcessSample(4000, 1, "java", "S", 42.0, Duration.ofMillis(1500), null,
                70 << 20, -1, 27, T0, "self", List.of(
                        new ThreadSample(4000, "java", "S", 0.0, 0, 20, 0, 5, 1, null),
                        new ThreadSample(5001, "cpu-1", "R", 99.5, 1, 20, 0, 3, 40,
                                new JavaThreadSample(31, "cpu-1", Thread.State.RUNNABLE, false, 44_000))), null, Duration.ofSeconds(1)),
                new ProcessSample(4002, 4000, "java", "Z", Double.NaN, null, null, -1, -1, -1, null, "worker", List.of(),
                        "the process exited", null));
        // the events pane keeps the newest few: the oldest leave as new ones come
        List<Event> newest = events.subList(Math.max(0, events.size() - 4), events.size());
        return new Snapshot(n + 1, at, Duration.ofSeconds(1), 4000, host, processes, workers,
                n % 2 == 0 ? new SimulatedGil.State(true, "cpu-1", 2, Duration.ofMillis(5), 77, 0.5, 1.5)
                        : new SimulatedGil.State(false, null, 0, Duration.ofMillis(5), 0), newest);
    }
}
