package org.threadlab.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.threadlab.lab.SleepingThreads;
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

        private static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
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
            try (Sampler sampler = new Sampler(null, delay.compareTo(Sampler.MIN_INTERVAL) < 0 ? Sampler.MIN_INTERVAL : delay)) {
                sampler.watch(pid);
                for (int i = 0; i < WARM_UP_TICKS; i++) {
                    sampler.sampleNow();
                }
                seen = -1;
                for (int i = 0; i < ticks; i++) {
                    Thread.sleep(delay.toMillis());
                    long c0 = mx.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    Snapshot s = sampler.sampleNow();
                    wall[i] = (System.nanoTime() - w0) / 1e6;
                    cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    seen = s.process(pid).map(p -> p.threads().size()).orElse(-1);
                }
            }
            String[] top = topCommand(pid, delay, ticks);
            double perRefresh = top == null ? Double.NaN : topCpuMs(top) / ticks;
            return new Result(pid, seen, ticks, wall, cpu, top == null ? null : top[2], ticks, perRefresh);
        } finally {
            target.getOutputStream().close();
            target.destroy();
            if (!target.waitFor(2, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
        }
    }

    /** sh -c "top ... >/dev/null; times": the shell's second {@code times} line is its children's CPU time. */
    private static String[] topCommand(long pid, Duration delay, int refreshes) {
        if (!new java.io.File("/usr/bin/top").canExecute() && !new java.io.File("/bin/top").canExecute()) {
            return null;
        }
        String seconds = String.format(java.util.Locale.ROOT, "%.1f", Math.max(0.1, delay.toMillis() / 1000.0));
        String top = "top -b -H -p " + pid + " -d " + seconds + " -n " + refreshes;
        return new String[] {"sh", "-c", top + " >/dev/null; times"};
    }

    private static double topCpuMs(String[] command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                lines.add(l);
            }
        }
        p.waitFor();
        if (lines.size() < 2) {
            throw new IOException("could not measure top: " + String.join(" ", lines));
        }
        String[] children = lines.get(lines.size() - 1).trim().split("\\s+");
        return (minutesSeconds(children[0]) + minutesSeconds(children[1])) * 1000;
    }

    /** "0m0.190000s" (the format of the shell's {@code times}) in seconds. */
    public static double minutesSeconds(String t) {
        int m = t.indexOf('m');
        return Integer.parseInt(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
    }
}
