package org.threadlab.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.threadlab.model.ModelHub;
import org.threadlab.sample.Sampler;
import org.threadlab.ui.TerminalUi;
import org.threadlab.ui.UiOptions;
import org.threadlab.worker.Limits;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerState;

/**
 * The process {@link ManyWorkersFigure} measures, one per row, so that each figure has a JVM of its own
 * (its RSS, its threads): {@code ui KIND COUNT PRESSES INTERVAL_MS} runs the real screen (the UI loop,
 * the model hub, the sampler, the supervisor) on a 120x40 virtual terminal, starts COUNT sleeping
 * workers by typing the keys a user types ({@code w} to choose sleep, then {@code 999t} batches), then
 * presses {@code d} PRESSES times and times each press until a frame shows it; {@code bare COUNT}
 * starts COUNT bare sleeping threads, the reference for RSS. Prints one line of {@code key=value}.
 */
public final class ManyWorkersRun {
    /** The line the parent reads: everything after it is the figures. */
    static final String RESULT = "many-workers-result";
    private static final int COLUMNS = 120;
    private static final int ROWS = 40;

    private ManyWorkersRun() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> out;
        if (args.length == 2 && args[0].equals("bare")) {
            out = bare(Integer.parseInt(args[1]));
        } else if (args.length == 5 && args[0].equals("ui")) {
            out = ui(args[1].charAt(0), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Duration.ofMillis(Long.parseLong(args[4])));
        } else {
            System.err.println("usage: ManyWorkersRun bare COUNT | ui t|v|p COUNT PRESSES INTERVAL_MS");
            System.exit(2);
            return;
        }
        print(out);
    }

    /** The result line, then the end of this JVM at once: the workers' threads are not ours to wait for. */
    private static void print(Map<String, String> out) {
        StringBuilder line = new StringBuilder(RESULT);
        out.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** COUNT threads that only sleep, started as a thread worker's is (default stack size): the RSS reference. */
    static Map<String, String> bare(int count) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> {
                started.countDown();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // the end of the run
                }
            }, "bare-" + i);
            t.setDaemon(true);
            t.start();
        }
        started.await();
        Thread.sleep(1000);
        Map<String, String> out = new HashMap<>();
        out.put("rssKib", Long.toString(rssKib()));
        out.put("threads", Long.toString(threadsNow()));
        Footprint.now().into(out);
        return out;
    }

    /** The real screen with COUNT sleeping workers of this kind, its keys timed. */
    static Map<String, String> ui(char kind, int count, int presses, Duration interval) throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(COLUMNS, ROWS));
        Frames frames = new Frames(terminal);
        ExecutorService actions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "threadlab-ui-actions");
            t.setDaemon(true);
            return t;
        });
        int maxThreads = Math.max(Limits.DEFAULT.maxThreads(), count);
        Sampler sampler = new Sampler(interval);
        List<Long> ticks = new ArrayList<>();
        sampler.onMeasurement(m -> {
            synchronized (ticks) {
                ticks.add(System.nanoTime());
            }
        });
        Map<String, String> out = new HashMap<>();
        // never closed: the result is printed and this JVM ends at once (stopping 10,000 workers is not measured)
        Supervisor supervisor = new Supervisor(new Limits(Limits.DEFAULT.maxProcesses(), maxThreads, Duration.ofSeconds(2)), false);
        ModelHub hub = ModelHub.start(sampler, supervisor);
        try {
            TerminalUi ui = new TerminalUi(new TerminalScreen(terminal), supervisor, hub,
                    new UiOptions(interval, false, false, true), frames, actions);
            Thread loop = new Thread(() -> {
                try {
                    ui.run();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "threadlab-ui");
            loop.setDaemon(true);
            loop.start();
            frames.await(s -> s.contains("?:help"), 30_000, "the screen's first frame");
            // the workload a user picks: w, Up (cpu -> sleep), duration=2s edited to 1h, Enter
            type(terminal, frames, "w");
            frames.await(s -> s.contains("Workload for the next starts"), 10_000, "the workload dialog");
            terminal.addInput(new KeyStroke(KeyType.ArrowUp));
            frames.await(s -> s.contains("duration=2s"), 10_000, "sleep chosen");
            terminal.addInput(new KeyStroke(KeyType.Backspace));
            terminal.addInput(new KeyStroke(KeyType.Backspace));
            type(terminal, frames, "1h");
            terminal.addInput(new KeyStroke(KeyType.Enter));
            frames.await(s -> s.contains("workload: sleep duration=1h"), 10_000, "the workload chosen");
            long spawnStart = System.nanoTime();
            int left = count;
            while (left > 0) {
                int n = Math.min(999, left);
                type(terminal, frames, n + String.valueOf(kind));
                left -= n;
                int want = count - left;
                waitAlive(supervisor, want, 120_000);
            }
            double spawnSeconds = (System.nanoTime() - spawnStart) / 1e9;
            // settle: the spawn's garbage collected, a few ticks at the steady state
            Thread.sleep(Math.max(600, interval.toMillis() * 3));
            synchronized (ticks) {
                ticks.clear();
            }
            CpuWindow cpu = CpuWindow.start();
            Garbage garbage = Garbage.start();
            long gcCountBefore = gcCount();
            long gcMsBefore = gcMillis();
            long[] keyNanos = new long[presses];
            boolean daemonOn = false;
            for (int i = 0; i < presses; i++) {
                // spread over the ticks: some presses land on a tick, some between
                Thread.sleep(150 + (i * 37L) % 200);
                daemonOn = !daemonOn;
                String want = "daemon:" + (daemonOn ? "ON" : "off");
                long t0 = System.nanoTime();
                terminal.addInput(new KeyStroke('d', false, false));
                keyNanos[i] = frames.awaitFooter(want, t0, 10_000) - t0;
            }
            CpuWindow.Result used = cpu.end();
            garbage.end(out);
            // collections over the presses: each stops every thread (and walks the 10,000 stacks), keys included
            out.put("pressGcs", Long.toString(gcCount() - gcCountBefore));
            out.put("pressGcMs", Long.toString(gcMillis() - gcMsBefore));
            List<Long> tickTimes;
            synchronized (ticks) {
                tickTimes = new ArrayList<>(ticks);
            }
            long maxGap = 0;
            for (int i = 1; i < tickTimes.size(); i++) {
                maxGap = Math.max(maxGap, tickTimes.get(i) - tickTimes.get(i - 1));
            }
            long[] sorted = keyNanos.clone();
            Arrays.sort(sorted);
            out.put("workers", Integer.toString(supervisor.workers().size()));
            out.put("keyMaxMs", ms(sorted[sorted.length - 1]));
            out.put("keyMedianMs", ms(sorted[sorted.length / 2]));
            out.put("ticks", Integer.toString(tickTimes.size()));
            out.put("tickGapMaxMs", ms(maxGap));
            out.put("intervalMs", Long.toString(interval.toMillis()));
            out.put("spawnS", String.format(Locale.ROOT, "%.1f", spawnSeconds));
            out.put("cpuPercent", String.format(Locale.ROOT, "%.2f", used.percentOfCore()));
            used.threads().forEach((name, pct) -> out.put("cpu." + name, String.format(Locale.ROOT, "%.2f", pct)));
            out.put("rssKib", Long.toString(rssKib()));
            out.put("threads", Long.toString(threadsNow()));
            out.put("gcMs", Long.toString(gcMillis()));
            Footprint.now().into(out);
        } catch (Exception | Error e) {
            // said at once, and the end: stopping thousands of workers first would hide it for minutes
            e.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(1);
        } finally {
            actions.shutdownNow();
        }
        return out;
    }

    private static void type(DefaultVirtualTerminal terminal, Frames frames, String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
    }

    private static void waitAlive(Supervisor supervisor, int want, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            long alive = supervisor.workers().stream().filter(w -> w.state().alive() && w.state() != WorkerState.NEW).count();
            if (alive >= want) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("only some of " + want + " workers started within " + millis + " ms");
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** The process's resident set, from the kernel (VmRSS in /proc/self/status). */
    static long rssKib() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long threadsNow() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long gcCount() {
        long n = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** Each frame's end, and what the footer said then (read on the UI thread, right after the frame). */
    private static final class Frames implements TerminalUi.FrameSync {
        private final DefaultVirtualTerminal terminal;
        private String lastScreen = "";
        private String lastFooter = "";
        private long lastEnd;

        Frames(DefaultVirtualTerminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void begin() {}

        @Override
        public void end() {
            StringBuilder footer = new StringBuilder();
            for (int y = ROWS - 2; y < ROWS; y++) {
                footer.append(row(y)).append('\n');
            }
            String screen = null;
            synchronized (this) {
                if (awaitingScreen) {
                    StringBuilder s = new StringBuilder();
                    for (int y = 0; y < ROWS; y++) {
                        s.append(row(y)).append('\n');
                    }
                    screen = s.toString();
                }
                lastFooter = footer.toString();
                if (screen != null) {
                    lastScreen = screen;
                }
                lastEnd = System.nanoTime();
                notifyAll();
            }
        }

        private boolean awaitingScreen;

        private String row(int y) {
            StringBuilder b = new StringBuilder(COLUMNS);
            for (int x = 0; x < COLUMNS; x++) {
                TextCharacter c = terminal.getBufferCharacter(x, y);
                b.append(c == null ? ' ' : c.getCharacterString());
            }
            return b.toString();
        }

        synchronized void await(java.util.function.Predicate<String> test, long millis, String what) throws InterruptedException {
            awaitingScreen = true;
            try {
                long deadline = System.currentTimeMillis() + millis;
                while (!test.test(lastScreen)) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        throw new IllegalStateException("no frame showed " + what + " within " + millis + " ms:\n" + lastScreen);
                    }
                    wait(Math.min(left, 200));
                }
            } finally {
                awaitingScreen = false;
            }
        }

        /** The end of the first frame after {@code since} whose footer shows {@code text}. */
        synchronized long awaitFooter(String text, long since, long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (!(lastEnd > since && lastFooter.contains(text))) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new IllegalStateException("no frame showed " + text + " within " + millis + " ms");
                }
                wait(left);
            }
            return lastEnd;
        }
    }

    /**
     * The bytes every thread allocated over a window (ThreadMXBean's per-thread counters, threads alive at
     * both ends), in all and for threadlab's named threads, in KB a second: the garbage the young generation
     * cycles through while every worker sleeps.
     */
    record Garbage(long wallNanos, long[] ids, long[] bytes) {
        static Garbage start() {
            long[] ids = ManagementFactory.getThreadMXBean().getAllThreadIds();
            return new Garbage(System.nanoTime(), ids, allocated(ids));
        }

        void end(Map<String, String> out) {
            double seconds = (System.nanoTime() - wallNanos) / 1e9;
            long[] now = allocated(ids);
            Map<Long, String> named = new HashMap<>();
            for (Thread t : CpuWindow.threadsNamed()) {
                named.put(t.getId(), t.getName());
            }
            long all = 0;
            for (int i = 0; i < ids.length; i++) {
                if (bytes[i] < 0 || now[i] < 0) {
                    continue;
                }
                long d = now[i] - bytes[i];
                all += d;
                String name = named.get(ids[i]);
                if (name != null) {
                    out.put("alloc." + name, String.format(Locale.ROOT, "%.0f", d / 1e3 / seconds));
                }
            }
            out.put("allocKBps", String.format(Locale.ROOT, "%.0f", all / 1e3 / seconds));
        }

        private static long[] allocated(long[] ids) {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean sun
                    && sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled()) {
                return sun.getThreadAllocatedBytes(ids);
            }
            long[] none = new long[ids.length];
            Arrays.fill(none, -1);
            return none;
        }
    }

    /** The whole process's CPU from the kernel (/proc/self/stat) over a window, and that of threadlab's named threads. */
    record CpuWindow(long wallNanos, long startTicks, Map<String, Long> threadNanos) {
        private static final String[] NAMES = {"threadlab-ui", "threadlab-model", "threadlab-sampler"};

        static CpuWindow start() {
            return new CpuWindow(System.nanoTime(), processTicks(), threadCpu());
        }

        record Result(double percentOfCore, Map<String, Double> threads) {}

        Result end() {
            long wall = System.nanoTime() - wallNanos;
            long ticks = processTicks() - startTicks;
            Map<String, Long> now = threadCpu();
            Map<String, Double> threads = new HashMap<>();
            for (String n : NAMES) {
                if (now.containsKey(n) && threadNanos.containsKey(n)) {
                    threads.put(n, 100.0 * (now.get(n) - threadNanos.get(n)) / wall);
                }
            }
            double hz = 100; // USER_HZ
            return new Result(100.0 * ticks / hz / (wall / 1e9), threads);
        }

        private static Map<String, Long> threadCpu() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<String, Long> out = new HashMap<>();
            for (Thread t : threadsNamed()) {
                long c = mx.getThreadCpuTime(t.getId());
                if (c >= 0) {
                    out.put(t.getName(), c);
                }
            }
            return out;
        }

        static List<Thread> threadsNamed() {
            List<Thread> found = new ArrayList<>();
            Thread[] all = new Thread[Thread.activeCount() + 64];
            int n = Thread.enumerate(all);
            for (int i = 0; i < n; i++) {
                for (String name : NAMES) {
                    if (name.equals(all[i].getName())) {
                        found.add(all[i]);
                    }
                }
            }
            return found;
        }

        private static long processTicks() {
            try {
                String s = Files.readString(Path.of("/proc/self/stat"));
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
