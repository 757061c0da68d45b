package org.threadlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * threadlab's screen (1 s interval, as a user starts it; one or more of them) and {@code htop -d 10}
 * (its threads shown, as htop shows them by default: it runs with a fresh HOME, so no user's htoprc
 * hides them), each in a tmux session of the same size, started together so that all are read over
 * the same windows.
 */
final class SideBySide implements AutoCloseable {
    static final int WIDTH = 120;
    static final int HEIGHT = 40;

    /** Every program's counters at one moment: each threadlab screen's, then htop's (-1 without htop). */
    record Reading(long nanos, long[] threadlabCpu, long[] threadlabBytes, long htopCpu, long htopBytes) {
        /** What each cost from {@code before} to this reading. */
        Window since(Reading before) {
            double s = (nanos - before.nanos) / 1e9;
            double[] cpu = new double[threadlabCpu.length];
            double[] bytes = new double[threadlabCpu.length];
            for (int i = 0; i < cpu.length; i++) {
                cpu[i] = (threadlabCpu[i] - before.threadlabCpu[i]) / 1e7 / s;
                bytes[i] = (threadlabBytes[i] - before.threadlabBytes[i]) / s;
            }
            return new Window(s, cpu, bytes, htopCpu < 0 ? Double.NaN : (htopCpu - before.htopCpu) / 1e7 / s,
                    htopBytes < 0 ? Double.NaN : (htopBytes - before.htopBytes) / s);
        }
    }

    /**
     * One window: its length, each threadlab screen's CPU (percent of one core) and written bytes a
     * second, and htop's (NaN without htop).
     */
    record Window(double seconds, double[] threadlabPercent, double[] threadlabBytesPerSecond, double htopPercent,
                  double htopBytesPerSecond) {}

    private final List<TmuxPane> threadlab;
    private final long[] threadlabPid;
    final String started;
    private final TmuxPane htop;
    private final long htopPid;
    private final Path home;

    private SideBySide(List<TmuxPane> threadlab, long[] threadlabPid, String started, TmuxPane htop, long htopPid, Path home) {
        this.threadlab = threadlab;
        this.threadlabPid = threadlabPid;
        this.started = started;
        this.htop = htop;
        this.htopPid = htopPid;
        this.home = home;
    }

    /** Starts htop (where found) and {@code screens} threadlab screens, and waits for every screen. */
    static SideBySide start(Path tmux, Optional<Path> htopPath, int screens) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        Path home = Files.createTempDirectory("threadlab-bench-htop");
        TmuxPane htop = null;
        List<TmuxPane> panes = new ArrayList<>();
        try {
            long htopPid = -1;
            if (htopPath.isPresent()) {
                Map<String, String> htopEnv = new LinkedHashMap<>(env);
                htopEnv.put("HOME", home.toString());
                htop = TmuxPane.start(tmux, "htop", WIDTH, HEIGHT, htopEnv, "exec " + UserCommand.quote(htopPath.get().toString()) + " -d 10");
                htopPid = htop.pid(htopPath.get().getFileName().toString(), 10_000);
            }
            UserCommand user = UserCommand.find();
            Map<String, String> tlEnv = new LinkedHashMap<>(env);
            tlEnv.putAll(user.environment());
            long[] pids = new long[screens];
            for (int i = 0; i < screens; i++) {
                panes.add(TmuxPane.start(tmux, "threadlab", WIDTH, HEIGHT, tlEnv, user.shell("--interval", "1s")));
            }
            for (int i = 0; i < screens; i++) {
                panes.get(i).await("threadlab screen", s -> s.contains("?:help") && s.contains("every 1s"), 30_000);
                pids[i] = panes.get(i).pid("java", 10_000);
            }
            return new SideBySide(panes, pids, user.described(), htop, htopPid, home);
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (TmuxPane p : panes) {
                p.close();
            }
            if (htop != null) {
                htop.close();
            }
            delete(home);
            throw e;
        }
    }

    Reading read() throws IOException {
        long now = System.nanoTime();
        long[] cpu = new long[threadlabPid.length];
        long[] bytes = new long[threadlabPid.length];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = ProcStat.cpuNanos(threadlabPid[i]);
            bytes[i] = ProcStat.writtenBytes(threadlabPid[i]);
        }
        return new Reading(now, cpu, bytes, htop == null ? -1 : ProcStat.cpuNanos(htopPid), htop == null ? -1 : ProcStat.writtenBytes(htopPid));
    }

    /** Lets all run for {@code seconds} and says what each cost over that window. */
    Window window(double seconds) throws IOException, InterruptedException {
        Reading before = read();
        Thread.sleep((long) (seconds * 1000));
        return read().since(before);
    }

    /** Starts {@code count} thread workers sleeping 10 minutes (a workload set with w, then e.g. 100t) and waits until all run. */
    void spawnSleepers(int screen, int count) throws IOException, InterruptedException {
        TmuxPane threadlab = this.threadlab.get(screen);
        threadlab.type("w");
        threadlab.await("workload dialog", s -> s.contains("Workload for the next starts"), 10_000);
        threadlab.keys("Up");
        threadlab.await("sleep workload", s -> s.contains("duration=2s"), 10_000);
        threadlab.keys("BSpace", "BSpace");
        threadlab.type("600s");
        threadlab.keys("Enter");
        threadlab.await("sleep workload chosen", s -> s.contains("workload: sleep duration=600s"), 10_000);
        threadlab.type(count + "t");
        threadlab.await(count + " workers", s -> s.contains("workers " + count + "/" + count), 30_000);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            for (TmuxPane p : threadlab) {
                p.close();
            }
        } finally {
            if (htop != null) {
                htop.close();
            }
            delete(home);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
