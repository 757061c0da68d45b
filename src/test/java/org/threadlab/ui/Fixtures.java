package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.History;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.JavaThreadSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.Snapshot;
import org.threadlab.sample.ThreadSample;
import org.threadlab.sample.WorkerSample;
import org.threadlab.work.SimulatedGil;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Event;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;
import org.threadlab.worker.WorkerState;

/** Fabricated snapshots and a virtual screen to draw them on. */
final class Fixtures {
    static final long SELF = 4242;
    static final long CHILD = 4301;
    static final Instant NOW = Instant.parse("2025-01-01T12:00:10Z");

    private Fixtures() {}

    static WorkerInfo info(int id, String name, WorkerKind kind, WorkerState state, boolean daemon, long pid, long tid,
                           long done, long total, String reason, String result, Integer exit, List<String> stderr) {
        return new WorkerInfo(id, name, kind, WorkloadSpec.of("cpu").with("units", "2"), daemon, state, reason,
                NOW.minusSeconds(5), state.ended() ? NOW.minusSeconds(1) : null, done, total, pid, tid, kind.inThisJvm() ? 30 + id : -1,
                -1, exit, result, stderr, false);
    }

    static History history(double... v) {
        return new History(v);
    }

    /** Two thread workers (one ended), a virtual one, two processes (one failed), 8 cores. */
    static Snapshot snapshot() {
        List<WorkerSample> workers = new ArrayList<>();
        workers.add(new WorkerSample(info(1, "cpu-1", WorkerKind.THREAD, WorkerState.RUNNING, false, SELF, 4251, 40, 100,
                null, null, null, List.of()), 98.7, 1, 2_200_000, "R", history(10, 50, 90, 98.7)));
        workers.add(new WorkerSample(info(2, "sleep-2", WorkerKind.THREAD, WorkerState.FINISHED, false, SELF, 4252, 1, 1,
                null, "slept 2s", null, List.of()), Double.NaN, -1, 12_000, null, History.EMPTY));
        workers.add(new WorkerSample(info(3, "cpu-3", WorkerKind.PROCESS, WorkerState.RUNNING, true, CHILD, CHILD, 10, 100,
                null, null, null, List.of("warming up")), 99.1, 0, 38 * 1024 * 1024, "R", history(20, 99.1)));
        workers.add(new WorkerSample(info(4, "mem-4", WorkerKind.PROCESS, WorkerState.FAILED, false, 4400, 4400, 0, 0,
                "out of memory: Java heap space", null, 1, List.of("Exception in thread \"main\"", "java.lang.OutOfMemoryError")),
                Double.NaN, -1, -1, null, History.EMPTY));
        workers.add(new WorkerSample(info(5, "virt-5", WorkerKind.VIRTUAL, WorkerState.WAITING, false, SELF, -1, 0, 0,
                null, null, null, List.of()), 0.0, -1, 1024, null, History.EMPTY));
        List<CoreSample> cores = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double u = i / 8.0;
            cores.add(new CoreSample(i, u * 0.8, u * 0.2, 0, 1 - u, u, history(0.1, 0.5, u)));
        }
        HostSample host = new HostSample("labhost", Duration.ofMinutes(12), new double[] {1.2, 0.8, 0.5}, cores,
                new CoreSample(-1, 0.3, 0.1, 0, 0.6, 0.4, History.EMPTY), 3_300_000_000L, 24_000_000_000L, 0, 2_000_000_000L);
        List<ThreadSample> selfThreads = List.of(
                new ThreadSample(SELF, "java", "S", 0.1, 0, 0, 0, 10, 1, null),
                new ThreadSample(4251, "cpu-1", "R", 98.7, 1, 0, 0, 3, 40, new JavaThreadSample(31, "cpu-1", Thread.State.RUNNABLE, false, 2_200_000)));
        List<ThreadSample> childThreads = List.of(
                new ThreadSample(CHILD, "java", "R", 99.0, 0, 0, 0, 5, 9, null),
                new ThreadSample(4302, "GC Thread#0", "S", 0.0, 1, 0, 0, 2, 0, null),
                new ThreadSample(4303, "C2 CompilerThre", "S", 0.5, 1, 0, 0, 7, 1, null),
                new ThreadSample(4304, "VM Thread", "S", 0.0, 0, 0, 0, 1, 0, null));
        List<ProcessSample> processes = List.of(
                new ProcessSample(SELF, 1, "java", "S", 99.5, Duration.ofSeconds(3), Duration.ofSeconds(1), 61 * 1024 * 1024,
                        -1, 23, NOW.minusSeconds(60), "self", selfThreads, null),
                new ProcessSample(CHILD, SELF, "java", "R", 99.1, Duration.ofSeconds(4), Duration.ZERO, 38 * 1024 * 1024,
                        -1, 4, NOW.minusSeconds(5), "worker", childThreads, null));
        List<Event> events = List.of(
                new Event(1, NOW.minusSeconds(5), Event.Type.STARTED, 1, "started thread cpu-1 (in pid 4242): cpu units=2"),
                new Event(2, NOW.minusSeconds(4), Event.Type.FAILED, 4, "mem-4 failed after 1.00s: out of memory"),
                new Event(3, NOW.minusSeconds(1), Event.Type.JOINED, 2, "joined sleep-2 after 2.00s (finished)"));
        return new Snapshot(7, NOW, Duration.ofSeconds(1), SELF, host, processes, workers,
                new SimulatedGil.State(false, null, 0, Duration.ofMillis(5), 0), events);
    }

    /** A started screen on a virtual terminal of the given size. */
    static TerminalScreen screen(DefaultVirtualTerminal t) throws IOException {
        TerminalScreen s = new TerminalScreen(t);
        s.startScreen();
        return s;
    }

    static DefaultVirtualTerminal terminal(int cols, int rows) {
        return new DefaultVirtualTerminal(new TerminalSize(cols, rows));
    }

    /** What the terminal shows, one string per row. */
    static List<String> lines(DefaultVirtualTerminal t) {
        TerminalSize size = t.getTerminalSize();
        List<String> out = new ArrayList<>();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                sb.append(t.getCharacter(c, r).getCharacterString());
            }
            out.add(sb.toString());
        }
        return out;
    }

    static String text(DefaultVirtualTerminal t) {
        return String.join("\n", lines(t));
    }
}
