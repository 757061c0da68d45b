package org.threadlab.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.TaskClock;
import org.threadlab.sample.WatchList;
import org.threadlab.text.Stats;
import org.threadlab.worker.child.ChildCommand;

/**
 * What one sampler tick costs while it watches a process with many threads, against what
 * {@code top -b -H -p PID} spends per refresh on the same process in the same run (machines are
 * noisy: only the ratio is worth comparing across runs).
 */
public final class SamplerBench {
    private SamplerBench() {}

    /**
     * @param topCommand           what was run for the reference, null when top is not available
     * @param topRefreshes         the refreshes measured (as many as ticks)
     * @param topCpuMsPerRefresh   top's CPU time (schedstat) over its measured refreshes, per refresh; NaN without top
     * @param jitWarmUpTicks       the unmeasured ticks taken first ({@link #JIT_WARM_UP}, fewer if slow)
     * @param jitWarmUpTook        how long they took (at least {@link #JIT_WARM_UP_SPREAD})
     */
    public record Result(long targetPid, int targetThreads, int ticks, double[] tickWallMs, double[] tickCpuMs,
                         String topCommand, int topRefreshes, double topCpuMsPerRefresh, int jitWarmUpTicks,
                         Duration jitWarmUpTook) {

        public double meanCpuMs() {
            return Arrays.stream(tickCpuMs).average().orElse(Double.NaN);
        }

        public double medianCpuMs() {
            return Stats.median(tickCpuMs);
        }

        public double meanWallMs() {
            return Arrays.stream(tickWallMs).average().orElse(Double.NaN);
        }

        public double medianWallMs() {
            return Stats.median(tickWallMs);
        }

        /** Sampler CPU per tick (mean) over top's CPU per refresh. */
        public double ratio() {
            return meanCpuMs() / topCpuMsPerRefresh;
        }

    }

    /** The target's command line: this JVM's java and class path, tagged like every threadlab child. */
    public static List<String> targetCommand(int threads) {
        return List.of(ChildCommand.javaExecutable().getPath(), "-Dthreadlab.worker=bench", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-Xss256k", "-cp", System.getProperty("java.class.path"),
                SleepingThreads.class.getName(), Integer.toString(threads));
    }

    /** The steady state of both sides: the first refreshes (top's start-up) and ticks are not measured. */
    public static final int WARM_UP = 3;

    /**
     * Before any block, the sampler takes this many ticks, unmeasured (spread over
     * {@link #JIT_WARM_UP_SPREAD}): as many as a screen open five minutes at the default 1 s interval has taken. top is compiled C from its first refresh;
     * a fresh JVM's first ticks run in the interpreter and in C1's profiling code (a per-tick method is
     * compiled after about 200 calls), which at 10 threads cost 1.2-1.4 ms of CPU a tick against 0.8-0.9
     * ms once compiled (docs/PERFORMANCE.md, "Sampler tick cost"). The system property
     * {@code threadlab.bench.jitWarmUpTicks} sets another count (0: the fresh JVM's ticks, as before).
     */
    public static final int JIT_WARM_UP = Integer.getInteger("threadlab.bench.jitWarmUpTicks", 300);

    /** The JIT warm-up stops after this long whatever the count (a 10,000-thread tick takes 40-60 ms). */
    static final Duration JIT_WARM_UP_LIMIT = Duration.ofSeconds(3);

    /**
     * The JIT warm-up's ticks are spread over at least this long: what the first ticks start in the
     * background (JNA for the process clocks, 135-214 ms on a thread of its own) is in place for most of
     * them, so the code a screen runs after its first second (the clock gates) is warmed up too. Taken
     * back to back, 300 ticks were over before JNA was loaded, and the gates' code first ran in the
     * measured blocks (docs/PERFORMANCE.md, "Sampler tick cost", eighth session).
     */
    static final Duration JIT_WARM_UP_SPREAD = Duration.ofSeconds(1);

    /**
     * Measures {@code ticks} sampler ticks and {@code ticks} top refreshes, in {@code rounds} alternating
     * blocks (sampler, top, sampler, top...) on the same target, each block after {@link #WARM_UP}
     * unmeasured ones at the same cadence.
     *
     * @param top the top to run (found on the PATH by the caller); null: no reference
     */
    public static Result run(int threads, int ticks, Duration delay, Path top, int rounds)
            throws IOException, InterruptedException {
        Process target = new ProcessBuilder(targetCommand(threads)).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"ready".equals(line)) {
                throw new IOException("the bench target did not start: " + line);
            }
            long pid = target.pid();
            int perRound = Math.max(1, ticks / rounds);
            int measured = perRound * rounds;
            double[] wall = new double[measured];
            double[] cpu = new double[measured];
            String[] topCommand = top == null ? null : topCommand(top, pid, delay, perRound);
            double topMs = 0;
            int seen = -1;
            int jitWarmUp;
            long warmUpStart = System.nanoTime();
            long warmUpEnd;
            try (Sampler sampler = new Sampler(delay.compareTo(Sampler.MIN_INTERVAL) < 0 ? Sampler.MIN_INTERVAL : delay)) {
                // as the screen watches it (threadlab attach PID): context switches read for the selected
                // thread alone, here the target's main thread (the first row), as the detail pane shows them
                sampler.watch(WatchList.pids(List.of(pid)).switchesOf(java.util.Set.of(pid)));
                jitWarmUp = warmUpJit(sampler);
                warmUpEnd = System.nanoTime();
                for (int round = 0; round < rounds; round++) {
                    seen = sampleTicks(sampler, pid, delay, round * perRound, perRound, wall, cpu);
                    if (topCommand != null) {
                        topMs += topCpuMs(topCommand, perRound);
                    }
                }
            }
            return new Result(pid, seen, measured, wall, cpu, topCommand == null ? null : String.join(" ", topCommand),
                    measured, topCommand == null ? Double.NaN : topMs / measured, jitWarmUp,
                    Duration.ofNanos(warmUpEnd - warmUpStart));
        } finally {
            target.getOutputStream().close();
            target.destroy();
            if (!target.waitFor(2, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
        }
    }

    /**
     * {@link #JIT_WARM_UP} ticks spread over {@link #JIT_WARM_UP_SPREAD} (at most {@link #JIT_WARM_UP_LIMIT}):
     * compiled code, as in a screen open for minutes; returns how many.
     */
    private static int warmUpJit(Sampler sampler) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + JIT_WARM_UP_LIMIT.toNanos();
        int i = 0;
        while (i < JIT_WARM_UP && System.nanoTime() < end) {
            sampler.sampleNow();
            i++;
            long wait = start + JIT_WARM_UP_SPREAD.toNanos() * i / JIT_WARM_UP - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        return i;
    }

    /** {@link #WARM_UP} ticks, then {@code n} measured ones into {@code wall} and {@code cpu} from {@code from}; returns the threads seen. */
    private static int sampleTicks(Sampler sampler, long pid, Duration delay, int from, int n, double[] wall, double[] cpu)
            throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int seen = -1;
        for (int i = -WARM_UP; i < n; i++) {
            // every tick after the same pause as the measured ones: caches as cold as at the real cadence
            Thread.sleep(delay.toMillis());
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            Measurement s = sampler.sampleNow();
            long w1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            if (i >= 0) {
                wall[from + i] = (w1 - w0) / 1e6;
                cpu[from + i] = (c1 - c0) / 1e6;
                seen = s.process(pid).map(p -> p.threads().size()).orElse(-1);
            }
        }
        return seen;
    }

    /** top itself, run directly (no shell): batch mode, threads, the one target PID, a few refreshes more than needed. */
    private static String[] topCommand(Path top, long pid, Duration delay, int refreshes) {
        String seconds = String.format(java.util.Locale.ROOT, "%.1f", Math.max(0.1, delay.toMillis() / 1000.0));
        return new String[] {top.toString(), "-b", "-H", "-p", Long.toString(pid), "-d", seconds,
                "-n", Integer.toString(WARM_UP + refreshes + 5)};
    }

    /**
     * top's CPU time per refresh in steady state: the nanoseconds its threads spent on a CPU
     * ({@link TaskClock}: schedstat, not its clock ticks of 10 ms) between the moment it prints
     * refresh number {@link #WARM_UP} + 1 and the moment it prints refresh number
     * {@link #WARM_UP} + 1 + {@code refreshes}: exactly {@code refreshes} collect-and-print cycles, its
     * start-up left out.
     */
    private static double topCpuMs(String[] command, int refreshes) throws IOException, InterruptedException {
        TaskClock clock = TaskClock.system();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int frames = 0;
            long first = -1;
            String l;
            while ((l = r.readLine()) != null) {
                if (!l.startsWith("top - ")) {
                    continue;
                }
                frames++;
                if (frames == WARM_UP + 1) {
                    first = clock.cpuNanos(p.pid());
                } else if (frames == WARM_UP + 1 + refreshes) {
                    long last = clock.cpuNanos(p.pid());
                    if (first < 0 || last < 0) {
                        throw new IOException("cannot read top's CPU time from /proc/" + p.pid() + "/task/*/schedstat");
                    }
                    return (last - first) / 1e6;
                }
            }
            throw new IOException("top ended after " + frames + " refreshes");
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }

}
