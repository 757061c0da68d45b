package org.threadlab.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.threadlab.sample.Measurement;
import org.threadlab.sample.Sampler;
import org.threadlab.sample.WatchList;
import org.threadlab.worker.child.ChildCommand;

/**
 * What one sampler tick costs while it watches a process with many threads, against what
 * {@code top -b -H -p PID} spends per refresh on the same process in the same run (machines are
 * noisy: only the ratio is worth comparing across runs).
 */
public final class SamplerBench {
    private static final int WARM_UP_TICKS = 5;

    private SamplerBench() {}

    /**
     * @param topCommand           what was run for the reference, null when top is not available
     * @param topCpuMsPerRefresh   top's CPU time (user + system) divided by its refreshes; NaN without top
     */
    public record Result(long targetPid, int targetThreads, int ticks, double[] tickWallMs, double[] tickCpuMs,
                         String topCommand, int topRefreshes, double topCpuMsPerRefresh) {

        public double meanCpuMs() {
            return Arrays.stream(tickCpuMs).average().orElse(Double.NaN);
        }

        public double medianCpuMs() {
            return median(tickCpuMs);
        }

        public double meanWallMs() {
            return Arrays.stream(tickWallMs).average().orElse(Double.NaN);
        }

        public double medianWallMs() {
            return median(tickWallMs);
        }

        /** Sampler CPU per tick (mean) over top's CPU per refresh. */
        public double ratio() {
            return meanCpuMs() / topCpuMsPerRefresh;
        }

    }

    /** The median of some measurements (NaN for none): what every bench here reports. */
    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The target's command line: this JVM's java and class path, tagged like every threadlab child. */
    public static List<String> targetCommand(int threads) {
        return List.of(ChildCommand.javaExecutable().getPath(), "-Dthreadlab.worker=bench", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-Xss256k", "-cp", System.getProperty("java.class.path"),
                SleepingThreads.class.getName(), Integer.toString(threads));
    }

    public static Result run(int threads, int ticks, Duration delay) throws IOException, InterruptedException {
        Process target = new ProcessBuilder(targetCommand(threads)).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"ready".equals(line)) {
                throw new IOException("the bench target did not start: " + line);
            }
            long pid = target.pid();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            double[] wall = new double[ticks];
            double[] cpu = new double[ticks];
            int seen;
            try (Sampler sampler = new Sampler(delay.compareTo(Sampler.MIN_INTERVAL) < 0 ? Sampler.MIN_INTERVAL : delay)) {
                sampler.watch(WatchList.pids(List.of(pid)));
                for (int i = 0; i < WARM_UP_TICKS; i++) {
                    sampler.sampleNow();
                }
                seen = -1;
                for (int i = 0; i < ticks; i++) {
                    Thread.sleep(delay.toMillis());
                    long c0 = mx.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    Measurement s = sampler.sampleNow();
                    wall[i] = (System.nanoTime() - w0) / 1e6;
                    cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    seen = s.process(pid).map(p -> p.threads().size()).orElse(-1);
                }
            }
            String[] top = topCommand(pid, delay, ticks);
            double perRefresh = top == null ? Double.NaN : topCpuMs(top, ticks);
            return new Result(pid, seen, ticks, wall, cpu, top == null ? null : String.join(" ", top), ticks, perRefresh);
        } finally {
            target.getOutputStream().close();
            target.destroy();
            if (!target.waitFor(2, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
        }
    }

    /** top itself, run directly (no shell): batch mode, threads, the one target PID, more refreshes than needed. */
    private static String[] topCommand(long pid, Duration delay, int refreshes) {
        String top = new java.io.File("/usr/bin/top").canExecute() ? "/usr/bin/top"
                : new java.io.File("/bin/top").canExecute() ? "/bin/top" : null;
        if (top == null) {
            return null;
        }
        String seconds = String.format(java.util.Locale.ROOT, "%.1f", Math.max(0.1, delay.toMillis() / 1000.0));
        return new String[] {top, "-b", "-H", "-p", Long.toString(pid), "-d", seconds, "-n", Integer.toString(refreshes + 10)};
    }

    /**
     * top's CPU time (user + system, from the kernel's accounting of its process) once it has
     * started its refresh number {@code refreshes + 1}: top prints a frame after collecting it, so by
     * then it has collected refreshes + 1 frames and printed the first ones. Divided by refreshes + 1,
     * its start-up included.
     */
    private static double topCpuMs(String[] command, int refreshes) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int frames = 0;
            String l;
            while ((l = r.readLine()) != null) {
                if (l.startsWith("top - ") && ++frames == refreshes + 1) {
                    Duration cpu = p.toHandle().info().totalCpuDuration()
                            .orElseThrow(() -> new IOException("cannot read top's CPU time"));
                    return cpu.toNanos() / 1e6 / (refreshes + 1);
                }
            }
            throw new IOException("top ended after " + frames + " refreshes");
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }

}
