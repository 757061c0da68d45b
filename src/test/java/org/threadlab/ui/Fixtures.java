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
import org.threadlab.model.Snapshot;
import org.threadlab.sample.ThreadSample;
import org.threadlab.model.WorkerSample;
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

    /** threadlab's pid in {@link #lab}: five digits, as on most machines that have been up a while. */
    static final long LAB_SELF = 20710;
    static final long LAB_CHILD = 20748;

    private static WorkerInfo labInfo(int id, String name, WorkerKind kind, WorkerState state, long pid, long tid,
                                      long done, long total, String reason, Integer exit, List<String> stderr) {
        return new WorkerInfo(id, name, kind, WorkloadSpec.of(name.substring(0, name.indexOf('-'))), false, state, reason,
                NOW.minusSeconds(3 + id % 7), state.ended() ? NOW.minusSeconds(1) : null, done, total, pid, tid,
                kind.inThisJvm() ? 30 + id : -1, -1, exit, null, stderr, false);
    }

    /**
     * A screen's worth as people see it: five-digit PIDs, names that share their start (sleep-942,
     * sleep-943), a child JVM with 22 threads whose busy work thread has the highest TID, no swap,
     * up a day and more.
     */
    static Snapshot lab() {
        List<WorkerSample> workers = new ArrayList<>();
        workers.add(new WorkerSample(labInfo(1, "cpu-1", WorkerKind.THREAD, WorkerState.RUNNING, LAB_SELF, 20743, 40, 100,
                null, null, List.of()), 69.8, 1, 44_000, "R", history(20, 60, 69.8)));
        workers.add(new WorkerSample(labInfo(12, "counter-12", WorkerKind.THREAD, WorkerState.RUNNING, LAB_SELF, 20801, 0, 0,
                null, null, List.of()), 12.5, 0, 2_300, "R", history(12.5)));
        workers.add(new WorkerSample(labInfo(13, "counter-13", WorkerKind.THREAD, WorkerState.FINISHED, LAB_SELF, 20802, 1, 1,
                null, null, List.of()), Double.NaN, -1, 2_300, null, History.EMPTY));
        workers.add(new WorkerSample(labInfo(942, "sleep-942", WorkerKind.THREAD, WorkerState.WAITING, LAB_SELF, 21688, 0, 0,
                null, null, List.of()), 0.0, 2, 120, "S", history(0)));
        workers.add(new WorkerSample(labInfo(943, "sleep-943", WorkerKind.THREAD, WorkerState.WAITING, LAB_SELF, 21689, 0, 0,
                null, null, List.of()), 0.0, 3, 120, "S", history(0)));
        workers.add(new WorkerSample(labInfo(3, "cpu-3", WorkerKind.PROCESS, WorkerState.RUNNING, LAB_CHILD, 20764, 30, 100,
                null, null, List.of()), 64.9, 1, 38 * 1024 * 1024, "R", history(50, 64.9)));
        workers.add(new WorkerSample(labInfo(4, "mem-4", WorkerKind.PROCESS, WorkerState.FAILED, 20790, 20805, 0, 0,
                "out of memory: Java heap space", 1, List.of("java.lang.OutOfMemoryError: Java heap space")),
                Double.NaN, -1, -1, null, History.EMPTY));
        List<CoreSample> cores = new ArrayList<>();
        double[] busy = {0.35, 0.92, 0.10, 0.05};
        for (int i = 0; i < busy.length; i++) {
            cores.add(new CoreSample(i, busy[i] * 0.9, busy[i] * 0.1, 0, 1 - busy[i], busy[i], history(0.2, 0.5, busy[i])));
        }
        HostSample host = new HostSample("vm", Duration.ofSeconds(86400 + 3 * 3600 + 4 * 60 + 5), new double[] {1.22, 1.22, 1.31},
                cores, new CoreSample(-1, 0.3, 0.05, 0, 0.65, 0.35, History.EMPTY), 480_000_000L, 25_000_000_000L, 0, 0);
        List<ThreadSample> self = List.of(
                new ThreadSample(LAB_SELF, "java", "S", 0.0, 0, 0, 0, 2, 1, null),
                new ThreadSample(20743, "cpu-1", "R", 69.8, 1, 0, 0, 3, 40, new JavaThreadSample(31, "cpu-1", Thread.State.RUNNABLE, false, 44_000)),
                new ThreadSample(20801, "counter-12", "R", 12.5, 0, 0, 0, 9, 2, new JavaThreadSample(42, "counter-12", Thread.State.RUNNABLE, false, 2_300)));
        String[] jvm = {"java", "java", "GC Thread#0", "G1 Main Marker", "G1 Conc#0", "G1 Refine#0", "G1 Service", "VM Periodic Tas",
                "VM Thread", "Reference Handl", "Finalizer", "Signal Dispatch", "Service Thread", "Monitor Deflati", "C2 CompilerThre",
                "C1 CompilerThre", "threadlab-work", "Common-Cleaner", "Notification Th", "threadlab-stdin", "Attach Listener",
                "process reaper"};
        List<ThreadSample> child = new ArrayList<>();
        for (int i = 0; i < jvm.length; i++) {
            long tid = LAB_CHILD + i;
            double cpu = jvm[i].equals("threadlab-work") ? 64.0 : jvm[i].startsWith("C2") ? 0.8 : jvm[i].startsWith("G1 Conc") ? 0.1 : 0.0;
            child.add(new ThreadSample(tid, jvm[i], cpu > 1 ? "R" : "S", cpu, i % 4, 0, 0, i, 0, null));
        }
        List<ProcessSample> processes = List.of(
                new ProcessSample(LAB_SELF, 1, "java", "S", 82.3, Duration.ofSeconds(30), Duration.ofSeconds(2), 70 * 1024 * 1024,
                        -1, 27, NOW.minusSeconds(60), "self", self, null),
                new ProcessSample(LAB_CHILD, LAB_SELF, "java", "S", 64.9, Duration.ofSeconds(4), Duration.ZERO, 38 * 1024 * 1024,
                        -1, child.size(), NOW.minusSeconds(5), "worker", child, null));
        List<Event> events = List.of(
                new Event(1, NOW.minusSeconds(9), Event.Type.STARTED, 1, "started thread cpu-1 (in pid 20710): cpu units=10"),
                new Event(2, NOW.minusSeconds(8), Event.Type.STARTED, 3, "started process cpu-3 (pid 20748): cpu units=10"),
                new Event(3, NOW.minusSeconds(2), Event.Type.FAILED, 4, "mem-4 failed after 1.00s: out of memory"));
        return new Snapshot(9, NOW, Duration.ofSeconds(1), LAB_SELF, host, processes, workers,
                new SimulatedGil.State(false, null, 0, Duration.ofMillis(5), 0), events);
    }

    /** The clock an event shows, in this machine's zone as the events pane writes it. */
    static String clock(Instant at) {
        return java.time.LocalTime.ofInstant(at, java.time.ZoneId.systemDefault()).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    /**
     * A whole screen's expected text with the fixture's three event times put where {@code {T1}},
     * {@code {T2}} and {@code {T3}} stand: event times are local clock times, so the text says where they go.
     */
    static String withEventTimes(String text) {
        return text.replace("{T1}", clock(NOW.minusSeconds(9)))
                .replace("{T2}", clock(NOW.minusSeconds(8)))
                .replace("{T3}", clock(NOW.minusSeconds(2)));
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

    /** A source that always shows one snapshot: what a replay paused on looks like to the screen. */
    static org.threadlab.model.SnapshotSource source(Snapshot s) {
        return new org.threadlab.model.SnapshotSource() {
            private Duration interval = s.interval();

            @Override
            public Snapshot latest() {
                return s;
            }

            @Override
            public void onSnapshot(java.util.function.Consumer<Snapshot> listener) {}

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public void setInterval(Duration d) {
                interval = d;
            }

            @Override
            public void close() {}
        };
    }
}
