package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threadlab.model.Cell;
import org.threadlab.model.CellState;
import org.threadlab.model.CoreLane;
import org.threadlab.model.Lane;
import org.threadlab.model.Snapshot;
import org.threadlab.model.Timeline;
import org.threadlab.model.WorkerSample;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.JavaThreadSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ThreadSample;
import org.threadlab.text.Stats;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/**
 * What one frame of the screen costs (issue 13: 200x60 with 1,000 worker rows in under 5 ms): the
 * whole path the UI thread takes for a new model, {@link Renderer#draw} then the screen's DELTA
 * refresh, on Lanterna's own ANSI terminal writing its escapes to a stream that counts and drops
 * them. Each frame gets the next of a few models that differ as ticks do (CPU, progress, states),
 * so nothing is drawn from a cache of the very same model.
 */
public final class FrameBench {
    private FrameBench() {}

    /** What is over the tables: the tables themselves, the timeline pane, or the rounds pane. */
    public enum View { TABLES, TIMELINE, ROUNDS }

    /**
     * Frame times, in milliseconds, in the order drawn, and the bytes the terminal was sent.
     *
     * @param frameMs each frame, wall time: drawing and refresh
     * @param cpuMs   each frame's CPU time on the drawing thread (the wall time less any wait for a core
     *                on a busy machine)
     * @param bytes bytes written to the terminal over the measured frames
     */
    public record Result(double[] frameMs, double[] cpuMs, long bytes) {
        public double median() {
            return Stats.percentile(frameMs, 0.5);
        }

        public double cpuMedian() {
            return Stats.percentile(cpuMs, 0.5);
        }

        public double cpuP90() {
            return Stats.percentile(cpuMs, 0.9);
        }

        public double cpuMax() {
            return Arrays.stream(cpuMs).max().orElse(Double.NaN);
        }

        public double p90() {
            return Stats.percentile(frameMs, 0.9);
        }

        public double max() {
            return Arrays.stream(frameMs).max().orElse(Double.NaN);
        }
    }

    /** A terminal of a fixed size that writes what Lanterna sends to {@code out} (no tty, no size query). */
    static ANSITerminal terminal(int cols, int rows, OutputStream out) {
        return new ANSITerminal(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
                return new TerminalSize(cols, rows);
            }
        };
    }

    /**
     * Draws {@code warmup} frames, then measures {@code frames} more, on a {@code cols}x{@code rows}
     * screen; the selected thread row is the middle one of the table, so the table is scrolled.
     */
    public static Result run(int cols, int rows, int workers, View view, int warmup, int frames) throws IOException {
        Counting out = new Counting();
        TerminalScreen screen = new TerminalScreen(terminal(cols, rows, out));
        screen.startScreen();
        try {
            List<Snapshot> models = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                models.add(model(workers, i));
            }
            UiState st = new UiState(Duration.ofSeconds(1));
            st.selected.put(Pane.THREADS, workers / 2);
            if (view == View.TIMELINE) {
                st.timelinePane = true;
                st.timeline = timeline(Math.min(workers, 64), cols);
            } else if (view == View.ROUNDS) {
                st.roundsPane = true;
            }
            Theme theme = Theme.of(new UiOptions(Duration.ofSeconds(1), false, false, true));
            double[] ms = new double[frames];
            double[] cpu = new double[frames];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long bytesBefore = 0;
            for (int i = 0; i < warmup + frames; i++) {
                if (i == warmup) {
                    bytesBefore = out.count;
                }
                Snapshot s = models.get(i % models.size());
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Renderer.draw(screen.newTextGraphics(), theme, s, st, t0);
                screen.refresh(Screen.RefreshType.DELTA);
                long t1 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                if (i >= warmup) {
                    cpu[i - warmup] = (c1 - c0) / 1e6;
                    ms[i - warmup] = (t1 - t0) / 1e6;
                }
            }
            return new Result(ms, cpu, out.count - bytesBefore);
        } finally {
            screen.stopScreen();
        }
    }

    /** Counts the bytes and drops them: the terminal at the end of the wire costs nothing here. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    static final long SELF = 20710;
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    /**
     * A model of {@code workers} thread workers in threadlab's own JVM (each with its thread in the
     * process's thread list) and 8 processes, in the mix a class makes: most sleeping, a quarter
     * running, some ended or asked to stop, virtual threads among them. {@code tick} moves it on:
     * CPU, progress and which workers run change from one tick to the next, as models do.
     */
    public static Snapshot model(int workers, int tick) {
        Instant now = NOW.plusSeconds(tick);
        List<WorkerSample> out = new ArrayList<>();
        List<ThreadSample> selfThreads = new ArrayList<>();
        selfThreads.add(new ThreadSample(SELF, "java", "S", 0.1, 0, 0, 0, 10, 1, null));
        WorkloadSpec sleep = WorkloadSpec.of("sleep").with("duration", "10m");
        WorkloadSpec cpu = WorkloadSpec.of("cpu").with("units", "20");
        for (int id = 1; id <= workers; id++) {
            boolean busy = (id + tick) % 4 == 0;
            int mod = id % 20;
            WorkerKind kind = mod == 7 ? WorkerKind.VIRTUAL : WorkerKind.THREAD;
            WorkerState state = mod == 3 ? WorkerState.FINISHED : mod == 11 && tick % 2 == 0 ? WorkerState.BLOCKED
                    : busy ? WorkerState.RUNNING : WorkerState.WAITING;
            long tid = kind == WorkerKind.VIRTUAL ? -1 : SELF + 40 + id;
            WorkloadSpec spec = id % 2 == 0 ? cpu : sleep;
            String name = (id % 2 == 0 ? "cpu-" : "sleep-") + id;
            long done = Math.min(1000, (id * 7L + tick * 13L) % 1000);
            WorkerInfo info = new WorkerInfo(id, name, kind, spec, id % 5 == 0, state, null, now.minusSeconds(30 + id % 600),
                    state.ended() ? now.minusSeconds(2) : null, done, 1000, SELF, tid, 30 + id, -1, null,
                    state.ended() ? "done" : null, List.of(), mod == 13);
            double pct = state.ended() ? Double.NaN : busy ? 20 + (id * 31 + tick * 17) % 80 + 0.3 : 0.0;
            double[] hist = new double[60];
            for (int k = 0; k < hist.length; k++) {
                hist[k] = (id + k + tick) % 4 == 0 ? 50 : 0;
            }
            out.add(new WorkerSample(info, pct, busy ? (id + tick) % 2 : id % 2, 1024L * (id % 300 + tick),
                    busy ? "R" : "S", new History(hist)));
            if (tid > 0 && !state.ended()) {
                selfThreads.add(new ThreadSample(tid, name, busy ? "R" : "S", pct, (id + tick) % 2, 0, 0, 10 + tick, 3,
                        new JavaThreadSample(30 + id, name, busy ? Thread.State.RUNNABLE : Thread.State.TIMED_WAITING, false, 1024)));
            }
        }
        List<ProcessSample> processes = new ArrayList<>();
        processes.add(new ProcessSample(SELF, 1, "java", "S", 40.0, Duration.ofSeconds(30), Duration.ofSeconds(2),
                400L * 1024 * 1024, -1, selfThreads.size(), now.minusSeconds(900), "self", selfThreads, null));
        for (int p = 0; p < 8; p++) {
            int id = workers + 1 + p;
            long pid = SELF + 5000 + p * 20;
            WorkerInfo info = new WorkerInfo(id, "cpu-" + id, WorkerKind.PROCESS, cpu, false, WorkerState.RUNNING, null,
                    now.minusSeconds(20), null, (tick * 10L + p) % 1000, 1000, pid, pid + 17, -1, -1, null, null, List.of(), false);
            out.add(new WorkerSample(info, 30 + (p * 7 + tick) % 60, p % 2, 40L * 1024 * 1024, "R", new History(new double[] {40, 50})));
            List<ThreadSample> child = new ArrayList<>();
            for (int k = 0; k < 17; k++) {
                child.add(new ThreadSample(pid + k, k == 16 ? "threadlab-work" : "java", k == 16 ? "R" : "S", k == 16 ? 40 : 0,
                        k % 2, 0, 0, k, 0, null));
            }
            processes.add(new ProcessSample(pid, SELF, "java", "R", 40, Duration.ofSeconds(4), Duration.ZERO, 40L * 1024 * 1024,
                    -1, child.size(), now.minusSeconds(20), "worker", child, null));
        }
        List<CoreSample> cores = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            double u = 0.5 + 0.1 * ((c + tick) % 4);
            cores.add(new CoreSample(c, u * 0.8, u * 0.2, 0, 1 - u, u, new History(new double[] {0.4, 0.6, u})));
        }
        HostSample host = new HostSample("lab", Duration.ofHours(30), new double[] {1.5, 1.2, 1.0}, cores,
                new CoreSample(-1, 0.5, 0.1, 0, 0.4, 0.6, History.EMPTY), 3_000_000_000L, 8_000_000_000L, 0, 0);
        List<Event> events = new ArrayList<>();
        for (int e = 1; e <= 200; e++) {
            events.add(new Event(e, now.minusSeconds(200 - e), Event.Type.STARTED, e,
                    "started thread sleep-" + e + " (in pid " + SELF + "): sleep duration=10m"));
        }
        return new Snapshot(100 + tick, now, Duration.ofSeconds(1), SELF, host, processes, out,
                new SimulatedGil.State(false, null, 0, Duration.ofMillis(5), 0), events);
    }

    /** {@code lanes} lanes of sleepers waking in turn on 2 cores, a slice per column. */
    static Timeline timeline(int lanes, int slices) {
        List<Lane> out = new ArrayList<>();
        List<Integer> core0 = new ArrayList<>();
        List<Integer> core1 = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            core0.add(s % lanes);
            core1.add((s + 1) % lanes);
        }
        for (int i = 0; i < lanes; i++) {
            List<Cell> cells = new ArrayList<>();
            for (int s = 0; s < slices; s++) {
                boolean runs = s % lanes == i || (s + 1) % lanes == i;
                cells.add(new Cell(runs ? CellState.RUNNING : CellState.SLEEPING, runs ? s % 2 : -1, runs ? 0.9 : 0));
            }
            out.add(new Lane((char) ('A' + i % 26), "#" + (i + 1) + " sleep-" + (i + 1), i + 1, SELF, SELF + 41 + i, cells));
        }
        return new Timeline(Duration.ofMillis(20), Duration.ofMillis(4), 1_000_000_000L, slices, out,
                List.of(new CoreLane(0, core0), new CoreLane(1, core1)), "20 ms slices · CPU to ±4 ms (kernel tick)", null);
    }
}
